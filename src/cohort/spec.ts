/**
 * The cohort spec (YAML or JSON): who the patients are and what is done to each of them.
 *
 *   id, title, source?       as in a scenario
 *   patients                 N (1..1,000,000; `--patients` overrides)
 *   seed                     0..2^32-1: the same spec and seed give the same patients everywhere
 *   sampling                 "sobol" (default; randomised Sobol' points, ≤ 21 sampled parameters) or "random"
 *   preset, fixed            the preset and parameter overrides every patient shares
 *   parameters               parameter path -> distribution (normal, lognormal, uniform, choice; normal and
 *                            lognormal truncated by min/max, and always by the parameter's allowed range)
 *   correlations             [{ between: [path, path], r }] among normal/lognormal/uniform parameters
 *                            (a Gaussian copula: the marginals stay as given)
 *   table                    instead of `parameters`: a CSV or Parquet file of patients, one row each,
 *                            columns = parameter paths (and optionally patient_id); relative to the spec
 *   strategy.steps           scenario steps (support, clips, `set`, timed `hold_s` looks), plus
 *                            { name, plannedClips: { maxClips } }: the planner's clip search picks the clips
 *
 * Every problem is reported as `path: message` (exit status 2), as for scenarios.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { PARAM_BY_PATH, type ParamValue, PRESET_IDS, type PresetId } from "../physiology/params.js";
import { closestParameter, formatPath, MAX_TEXT, parseScenario } from "../procedure/scenario-schema.js";
import { InputError, type InputProblem, type Scenario, type Step } from "../procedure/types.js";
import { cholesky } from "./cholesky.js";
import { SOBOL_MAX_DIMENSIONS } from "./sobol.js";

z.config({ jitless: true });

export const MAX_PATIENTS = 1_000_000;
export const MAX_PLANNED_CLIPS = 2;

const finite = z.number().refine(Number.isFinite, "is not a finite number");
const positive = finite.refine((v) => v > 0, "must be > 0");

const normalDist = z.strictObject({
  dist: z.literal("normal"),
  mean: finite,
  sd: positive,
  min: finite.optional(),
  max: finite.optional(),
  source: z.string().max(1000).optional(),
});
const lognormalDist = z.strictObject({
  dist: z.literal("lognormal").describe("mean and sd of the variable itself (not of its logarithm)"),
  mean: positive,
  sd: positive,
  min: finite.optional(),
  max: finite.optional(),
  source: z.string().max(1000).optional(),
});
const uniformDist = z.strictObject({
  dist: z.literal("uniform"),
  min: finite,
  max: finite,
  source: z.string().max(1000).optional(),
});
const choiceDist = z.strictObject({
  dist: z.literal("choice"),
  values: z.array(z.unknown()).min(1).max(100),
  weights: z.array(positive).optional(),
  source: z.string().max(1000).optional(),
});
const distribution = z.discriminatedUnion("dist", [normalDist, lognormalDist, uniformDist, choiceDist], {
  error: () => "expected { dist: normal | lognormal | uniform | choice, ... }",
});
export type Distribution = z.infer<typeof distribution>;

const plannedStep = z.strictObject({
  name: z.string().min(1).max(MAX_TEXT),
  plannedClips: z.strictObject({
    maxClips: z.number().int().min(1).max(MAX_PLANNED_CLIPS).describe("clips the planner's search may add"),
  }),
});

export const cohortSchema = z.strictObject({
  id: z.string().min(1).max(MAX_TEXT),
  title: z.string().max(MAX_TEXT),
  source: z.string().max(10_000).optional(),
  patients: z.number().int().min(1).max(MAX_PATIENTS),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1),
  sampling: z.enum(["sobol", "random"]).default("sobol"),
  preset: z.enum(PRESET_IDS as [PresetId, ...PresetId[]]),
  fixed: z.record(z.string(), z.unknown()).optional(),
  parameters: z.record(z.string(), distribution).optional(),
  correlations: z
    .array(
      z.strictObject({
        between: z.tuple([z.string(), z.string()]),
        r: finite.refine((v) => v > -1 && v < 1, "must be between -1 and 1 (exclusive)"),
        source: z.string().max(1000).optional(),
      }),
    )
    .optional(),
  table: z.string().min(1).max(4096).optional(),
  strategy: z.strictObject({
    steps: z
      .array(z.union([plannedStep, z.record(z.string(), z.unknown())]))
      .min(1)
      .max(100),
  }),
});
export type CohortInput = z.infer<typeof cohortSchema>;

/** A step of the strategy: a scenario step, or "the planner picks the clips here". */
export type StrategyStep = Step | { name: string; plannedClips: { maxClips: number } };
export const isPlanned = (s: StrategyStep): s is { name: string; plannedClips: { maxClips: number } } =>
  "plannedClips" in s;

export interface SampledParam {
  path: string;
  dist: Distribution;
  /** Effective truncation (given bounds within the parameter's range). */
  lo: number;
  hi: number;
  integer: boolean;
}

export interface CohortSpec {
  id: string;
  title: string;
  source?: string;
  patients: number;
  seed: number;
  sampling: "sobol" | "random";
  preset: PresetId;
  fixed: Record<string, ParamValue>;
  /** Continuous parameters first (in spec order), then choices: one sampling dimension each. */
  sampled: SampledParam[];
  /** Cholesky factor of the continuous parameters' correlation matrix, or null (independent). */
  choleskyL: number[][] | null;
  table?: string;
  steps: StrategyStep[];
  /** sha256 (16 hex digits) of the spec without `patients`: rows of one spec share it. */
  hash: string;
}

const isContinuous = (d: Distribution) => d.dist !== "choice";

function zodProblems(error: z.ZodError, out: InputProblem[]): void {
  for (const iss of error.issues) {
    const path = formatPath(iss.path);
    let message = iss.message;
    if (iss.code === "unrecognized_keys") message = `unknown key(s) ${iss.keys.join(", ")}`;
    if (iss.code === "invalid_type" && (iss as { input?: unknown }).input === undefined) message = "missing";
    out.push({ path, message });
  }
}

/** The step as the scenario parser sees it (a planned-clips step is an empty named step there). */
const asScenarioStep = (s: Record<string, unknown>) => ("plannedClips" in s ? { name: s.name } : s);

/** Validates raw spec data; `baseHash` folds in outside content (a patient table). Throws InputError. */
export function parseCohortSpec(raw: unknown, extraHash = ""): CohortSpec {
  const problems: InputProblem[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new InputError([
      {
        path: "",
        message: "not a cohort spec; expected an object with id, title, patients, preset, strategy",
      },
    ]);
  const parsed = cohortSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    zodProblems(parsed.error, problems);
    throw new InputError(problems);
  }
  const c = parsed.data;
  if (c.table !== undefined && c.parameters !== undefined)
    problems.push({ path: "table", message: "give either table or parameters, not both" });

  // Fixed overrides and strategy steps: checked by the scenario parser, paths mapped back.
  const template = {
    id: c.id,
    title: c.title,
    patient: { preset: c.preset, overrides: c.fixed ?? {} },
    steps: c.strategy.steps.map((s) => asScenarioStep(s as Record<string, unknown>)),
  };
  let scenario: Scenario | null = null;
  try {
    scenario = parseScenario(template);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const p of e.problems)
      problems.push({
        path: p.path
          .replace(/^patient\.overrides/, "fixed")
          .replace(/^steps/, "strategy.steps")
          .replace(/^patient\.preset/, "preset"),
        message: p.message,
      });
  }

  // Sampled parameters.
  const sampled: SampledParam[] = [];
  for (const [path, dist] of Object.entries(c.parameters ?? {})) {
    const where = `parameters.${path}`;
    const def = PARAM_BY_PATH.get(path);
    if (!def) {
      const near = closestParameter(path);
      problems.push({ path: where, message: `unknown parameter${near ? `; did you mean ${near}?` : ""}` });
      continue;
    }
    if (dist.dist === "choice") {
      dist.values.forEach((v, i) => {
        try {
          parseScenario({
            ...template,
            patient: { preset: c.preset, overrides: { [path]: v } },
            steps: [{ name: "x" }],
          });
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          for (const p of e.problems) problems.push({ path: `${where}.values[${i}]`, message: p.message });
        }
      });
      if (dist.weights && dist.weights.length !== dist.values.length)
        problems.push({
          path: `${where}.weights`,
          message: `${dist.weights.length} weights for ${dist.values.length} values`,
        });
      sampled.push({ path, dist, lo: 0, hi: 0, integer: false });
      continue;
    }
    if (def.type !== "number") {
      problems.push({ path: `${where}.dist`, message: `${path} is not a number; use dist: choice` });
      continue;
    }
    const lo = Math.max(def.min, dist.min ?? def.min);
    const hi = Math.min(def.max, dist.max ?? def.max);
    if (!(lo < hi)) {
      problems.push({
        path: where,
        message: `bounds ${dist.min ?? def.min}..${dist.max ?? def.max} leave nothing within the allowed range ${def.min}..${def.max} ${def.unit}`,
      });
      continue;
    }
    if (dist.dist !== "uniform") {
      const inside = dist.mean >= lo && dist.mean <= hi;
      if (!inside)
        problems.push({
          path: `${where}.mean`,
          message: `${dist.mean} is outside ${lo}..${hi} ${def.unit} (the allowed range and the given bounds)`,
        });
    }
    sampled.push({ path, dist, lo, hi, integer: def.integer === true });
  }
  sampled.sort((a, b) => Number(isContinuous(b.dist)) - Number(isContinuous(a.dist)));
  const continuous = sampled.filter((s) => isContinuous(s.dist));
  if (c.sampling === "sobol" && sampled.length > SOBOL_MAX_DIMENSIONS)
    problems.push({
      path: "parameters",
      message: `${sampled.length} sampled parameters; Sobol' sampling takes at most ${SOBOL_MAX_DIMENSIONS} (or use sampling: random)`,
    });

  // Correlations: a valid correlation matrix over the continuous parameters.
  let choleskyL: number[][] | null = null;
  if (c.correlations && c.correlations.length > 0) {
    const index = new Map(continuous.map((s, i) => [s.path, i]));
    const r: number[][] = continuous.map((_, i) => continuous.map((_, j) => (i === j ? 1 : 0)));
    c.correlations.forEach((k, i) => {
      const [a, b] = k.between;
      for (const [j, p] of [a, b].entries())
        if (!index.has(p))
          problems.push({
            path: `correlations[${i}].between[${j}]`,
            message: `${p} is not a sampled normal, lognormal or uniform parameter`,
          });
      if (a === b) problems.push({ path: `correlations[${i}].between`, message: "a parameter with itself" });
      const ia = index.get(a);
      const ib = index.get(b);
      if (ia !== undefined && ib !== undefined && ia !== ib) r[ia][ib] = r[ib][ia] = k.r;
    });
    choleskyL = cholesky(r);
    if (!choleskyL)
      problems.push({
        path: "correlations",
        message: "the correlation matrix is not positive definite (the correlations contradict each other)",
      });
  }
  if (problems.length > 0 || !scenario) throw new InputError(problems);

  const spec: Omit<CohortSpec, "hash"> = {
    id: c.id,
    title: c.title,
    source: c.source,
    patients: c.patients,
    seed: c.seed,
    sampling: c.sampling,
    preset: c.preset,
    fixed: (scenario.patient.overrides ?? {}) as Record<string, ParamValue>,
    sampled,
    choleskyL,
    table: c.table,
    steps: c.strategy.steps.map((s, i) => ("plannedClips" in s ? (s as StrategyStep) : scenario.steps[i])),
  };
  const { patients: _n, ...hashed } = spec;
  const hash = createHash("sha256")
    .update(JSON.stringify(hashed))
    .update(extraHash)
    .digest("hex")
    .slice(0, 16);
  return { ...spec, hash };
}

/** JSON Schema (draft 2020-12) of the cohort spec, for editors (docs/cohort.schema.json). */
export function cohortJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(
    cohortSchema.meta({
      title: "Clipshock cohort spec",
      description:
        "A virtual cohort: N patients (distributions or a table), the strategy as scenario steps (see scenario.schema.json; plus { name, plannedClips: { maxClips } }), a seed",
    }),
    { io: "input", unrepresentable: "any" },
  ) as Record<string, unknown>;
}
