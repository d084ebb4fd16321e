/**
 * The scenario file (contract "Scenario file"): a strict zod 4 schema and `parseScenario`, which turns
 * raw JSON/YAML data into a `Scenario` or throws an `InputError` listing every problem as
 * `{ path, message }`, e.g. `steps[2].impella.pLevel: 12 is out of range 0..9`.
 *
 * - Unknown keys are errors, at every level.
 * - `patient.overrides` and `steps[i].set` take parameter paths from PARAMS; each value is checked
 *   against its definition (type, range, unit); `mr.segments` shares must be ≥ 0 and sum to 1 (±0.01).
 * - `impella`: an object or null; `pLevel` 0..9 (whole), `targetFlow_L_min` above 0 up to 6.5, not both.
 * - `clip`: one clip or a non-empty array; `position` a segment or `{ offset_mm }`. Whether the clips
 *   fit (on the coaptation line, not on another clip) and whether a pump is in place when a step
 *   leaves out the model is checked by replaying the steps' device changes (no simulation).
 * - `euroscore2` is validated by the clinical module's parser.
 *
 * `parseScenarioText` parses a file's text (JSON or YAML, with line and column in syntax errors) and
 * validates it. Isomorphic: no node: imports (the web app uses it to import scenario files).
 */
import { parseDocument } from "yaml";
import { z } from "zod";
import { parseEuroScore2Input } from "../clinical/euroscore2.js";
import { euroScore2InputSchema } from "../clinical/euroscore2-input.js";
import { ECMO } from "../devices/ecmo/circuit-data.js";
import { IMPELLA, IMPELLA_MODELS, staticFlow_L_min } from "../devices/impella/models.js";
import { CLIP_DEVICES } from "../devices/mitraclip/devices.js";
import {
  type NumberParam,
  PARAM_BY_PATH,
  PARAMS,
  type ParamDef,
  type Params,
  PRESET_IDS,
  presetParams,
  SEGMENTS,
} from "../physiology/params.js";
import { briefJson } from "../text/brief-json.js";
import { escapeText } from "../text/escape-text.js";
import { duplicateKeyOffset } from "../text/json-duplicate-key.js";
import { type Devices, IABP_LIMITS, MAX_TARGET_FLOW_L_MIN, MIN_ECMO_FLOW_L_MIN } from "./circuit.js";
import { applyStep } from "./execute.js";
import { MAX_DEPTH, shapeProblem } from "./input-shape.js";
import { InputError, type InputProblem, type Scenario, type Step } from "./types.js";

export { MAX_TARGET_FLOW_L_MIN };

// No code generation (zod's JIT uses new Function): the web app runs this parser under a
// Content-Security-Policy without 'unsafe-eval', where even zod's probe for eval is a console error.
z.config({ jitless: true });
/**
 * Most steps in a scenario: each is run to steady state (0.05-0.2 s), so 1000 take a few minutes; a file
 * with more is a generated or runaway one, refused at once rather than simulated for hours.
 */
export const MAX_STEPS = 1000;
/**
 * Most clips on one valve, and so in one step. Practice: one or two clips in most series, three or four
 * in some; reports of more are rare, and four clips (4-6 mm wide, 8-10 mm of immobilised leaflet each)
 * already cover most of a 30-35 mm coaptation line. It also keeps the pairwise placement check cheap.
 */
export const MAX_CLIPS_PER_VALVE = 4;
/** Longest id, title and step name (characters): they are shown on one line in tables and messages. */
export const MAX_TEXT = 200;
/** Tolerance on the sum of the `mr.segments` shares. */
export const SEGMENT_SUM_TOLERANCE = 0.01;

// ---------------------------------------------------------------------------------------------
// Messages

/** A value as the user wrote it, shortened for one-line messages. */
export function showValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.length === 0 ? "an empty list" : "a list";
  return briefJson(v, 40);
}

const EXPECTED: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "null",
};

const rangeText = (min: number, max: number, unit?: string) => `${min}..${max}${unit ? ` ${unit}` : ""}`;

const quoteList = (values: readonly unknown[]) =>
  values.map((v) => (typeof v === "string" ? v : String(v))).join(", ");

type RawIssue = z.core.$ZodRawIssue;

/** Generic messages for issues whose schema has no message of its own. */
export function defaultMessage(iss: RawIssue): string {
  const input = iss.input;
  switch (iss.code) {
    case "invalid_type": {
      const expected = EXPECTED[iss.expected] ?? iss.expected;
      return input === undefined ? `missing; expected ${expected}` : `${showValue(input)} is not ${expected}`;
    }
    case "invalid_value":
      if (input === undefined) return `missing; expected one of ${quoteList(iss.values)}`;
      return `${showValue(input)} is not allowed; expected one of ${quoteList(iss.values)}`;
    case "too_small":
      if (iss.origin === "array") return "must not be empty";
      if (iss.origin === "string") return "must not be empty";
      return `${showValue(input)} is below the minimum ${iss.minimum}`;
    case "too_big":
      if (iss.origin === "array" && Array.isArray(input))
        return `${input.length} items; at most ${iss.maximum}`;
      return `${showValue(input)} is above the maximum ${iss.maximum}`;
    case "unrecognized_keys":
      return "unknown key";
    default:
      return iss.message ?? `${showValue(input)} is not allowed`;
  }
}

/**
 * Common unit slips, per unit of the field: what the value would be had it been given in the other unit
 * (g/L for g/dL, mm² for cm², L for mL, ...). Used only to add a hint to an out-of-range message.
 */
const UNIT_SLIPS: Record<string, readonly { from: string; factor: number }[]> = {
  "g/dL": [{ from: "g/L", factor: 0.1 }],
  "cm²": [{ from: "mm²", factor: 0.01 }],
  mL: [{ from: "L", factor: 1000 }],
  "L/min": [{ from: "mL/min", factor: 0.001 }],
  "mmHg·s/mL": [
    { from: "dyn·s/cm⁵", factor: 1 / 1333.22 },
    { from: "Wood units", factor: 0.06 },
  ],
  s: [{ from: "ms", factor: 0.001 }],
  mm: [{ from: "cm", factor: 10 }],
  "%": [{ from: "a fraction", factor: 100 }],
};

/** " (86 g/L would be 8.6 g/dL: check the unit)" when the value fits the range in a commonly confused unit, else "". */
export function unitSlipHint(v: number, min: number, max: number, unit?: string): string {
  for (const slip of (unit && UNIT_SLIPS[unit]) || []) {
    const x = Number((v * slip.factor).toPrecision(3));
    // Within the range, and not at its very bottom (2 mm² of EROA is not a likely slip for 2 cm²).
    if (x >= min && x <= max && x >= max / 20) {
      const given = slip.from === "a fraction" ? `${v} as a fraction` : `${v} ${slip.from}`;
      return ` (${given} would be ${x} ${unit}: check the unit)`;
    }
  }
  return "";
}

/** A number field with its range in every message. */
function numberField(opts: {
  min: number;
  max: number;
  unit?: string;
  integer?: boolean;
  aboveMin?: boolean;
}) {
  const { min, max, unit, integer, aboveMin } = opts;
  const range = aboveMin ? `above ${min} up to ${max}${unit ? ` ${unit}` : ""}` : rangeText(min, max, unit);
  const kind = integer ? "a whole number" : "a number";
  const error = (iss: RawIssue): string => {
    const v = iss.input;
    if (v === undefined) return `missing; expected ${kind} ${range}`;
    if (typeof v !== "number" || !Number.isFinite(v))
      return `${showValue(v)} is not a number; expected ${range}`;
    if (v < min || v > max || (aboveMin && v <= min)) {
      const hint = unitSlipHint(v, min, max, unit);
      return aboveMin
        ? `${v} is out of range: expected ${range}${hint}`
        : `${v} is out of range ${range}${hint}`;
    }
    if (integer && !Number.isInteger(v)) return `${v} is not a whole number; expected ${kind} ${range}`;
    return `${v} is not allowed; expected ${kind} ${range}`;
  };
  let s = integer ? z.number({ error }).int() : z.number({ error });
  s = aboveMin ? s.gt(min) : s.min(min);
  return s.max(max);
}

/** A strict object whose unknown-key message lists the allowed keys; `what` names it when it is not an object. */
function strict<T extends z.core.$ZodLooseShape>(shape: T, what?: string) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === "unrecognized_keys") return `allowed: ${allowed}`;
      if (what && iss.code === "invalid_type" && iss.input !== undefined) {
        return `${showValue(iss.input)} is not allowed; expected ${what}`;
      }
      return undefined;
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Parameters

const unitOf = (p: NumberParam) => (p.unit === "1" ? undefined : p.unit);

function paramSchema(p: ParamDef): z.ZodType {
  switch (p.type) {
    case "number":
      return numberField({ min: p.min, max: p.max, unit: unitOf(p), integer: p.integer }).describe(
        `${p.description} (${p.unit})`,
      );
    case "boolean":
      return z
        .boolean({ error: (iss) => `${showValue(iss.input)} is not allowed; expected true or false` })
        .describe(p.description);
    case "segments":
      return segmentsSchema.describe(p.description);
    default: {
      const never: never = p;
      throw new Error(`unknown parameter type ${(never as ParamDef).type}`);
    }
  }
}

const shareField = numberField({ min: 0, max: 1 });
const segmentsSchema = strict({ A1P1: shareField, A2P2: shareField, A3P3: shareField }).superRefine(
  (v, ctx) => {
    const sum = v.A1P1 + v.A2P2 + v.A3P3;
    if (Math.abs(sum - 1) > SEGMENT_SUM_TOLERANCE) {
      ctx.addIssue({
        code: "custom",
        message: `shares sum to ${round(sum)} (${v.A1P1} + ${v.A2P2} + ${v.A3P3}); they must sum to 1 (±${SEGMENT_SUM_TOLERANCE})`,
      });
    }
  },
);

const round = (x: number) => Number(x.toPrecision(6));

const PARAM_PATHS = PARAMS.map((p) => p.path);

/** Parameter paths with a value each, e.g. `{ "hr_bpm": 95, "mr.eroa_cm2": 0.45 }`. */
const paramsSchema = z
  .strictObject(Object.fromEntries(PARAMS.map((p) => [p.path, paramSchema(p).optional()])))
  .meta({
    id: "ScenarioParameters",
    description: "Parameter paths and values (see src/physiology/params.ts for units, ranges and sources)",
  });

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** The known parameter path closest to `key`, if it is close enough to be a likely typo. */
export function closestParameter(key: string): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const p of PARAM_PATHS) {
    const d = p.toLowerCase() === lower ? 0 : editDistance(lower, p.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  // Also match a path given without its unit suffix (`hr` for `hr_bpm`, `mr.eroa` for `mr.eroa_cm2`).
  const byStem = PARAM_PATHS.find((p) => p.split("_")[0].toLowerCase() === lower.split("_")[0]);
  if (byStem && bestD > 0) return byStem;
  if (bestD <= Math.max(2, Math.floor(key.length / 4))) return best;
  // Or by its unit suffix, when only one parameter has it (`heartrate_bpm` for `hr_bpm`).
  const suffix = lower.includes("_") ? lower.slice(lower.indexOf("_")) : "";
  const bySuffix = suffix ? PARAM_PATHS.filter((p) => p.toLowerCase().endsWith(suffix)) : [];
  return bySuffix.length === 1 ? bySuffix[0] : undefined;
}

/** Parameters removed in a release, with what replaces them (README changelog). */
const REMOVED_PARAMETERS: Readonly<Record<string, string>> = {
  "mr.closureVolume_mL":
    "removed in 0.2.0: the mitral orifice now follows tethering against the coaptation reserve; use mr.tetheringElasticity (how strongly the orifice follows LV size)",
};

function unknownParameterMessage(key: string): string {
  const removed = REMOVED_PARAMETERS[key];
  if (removed) return removed;
  const near = closestParameter(key);
  // With a likely match, the whole list (57 paths) only buries it; without one, the list is the help.
  if (near) return `unknown parameter; did you mean ${near}?`;
  return `unknown parameter (known: ${PARAM_PATHS.join(", ")})`;
}

// ---------------------------------------------------------------------------------------------
// Devices and steps

const impellaSchema = strict(
  {
    model: z
      .enum(IMPELLA_MODELS)
      .optional()
      .describe("Impella model; may be left out once a pump is in place"),
    pLevel: numberField({ min: 0, max: 9, integer: true })
      .optional()
      .describe("P-level (P0 = motor stopped)"),
    targetFlow_L_min: numberField({ min: 0, max: MAX_TARGET_FLOW_L_MIN, unit: "L/min", aboveMin: true })
      .optional()
      .describe("Displayed mean pump flow the operator titrates to (L/min)"),
  },
  'an object such as { "model": "CP", "pLevel": 6 }, or null to remove the pump',
).superRefine((v, ctx) => {
  if (v.pLevel !== undefined && v.targetFlow_L_min !== undefined) {
    ctx.addIssue({
      code: "custom",
      message: `both pLevel (${v.pLevel}) and targetFlow_L_min (${v.targetFlow_L_min}) given; give one of them`,
    });
  }
});

const iabpSchema = strict(
  {
    ratio: z
      .union([z.literal(1), z.literal(2), z.literal(3)], {
        error: (iss) => `${showValue(iss.input)} is not one of 1, 2, 3 (assist ratio 1:1, 1:2, 1:3)`,
      })
      .describe("Assist ratio: 1 = every beat (1:1), 2 = 1:2, 3 = 1:3"),
    volume_mL: numberField({
      min: IABP_LIMITS.minVolume_mL,
      max: IABP_LIMITS.maxVolume_mL,
      unit: "mL",
    }).describe("Balloon volume (mL)"),
    inflationOffset_ms: numberField({
      min: -IABP_LIMITS.maxOffset_ms,
      max: IABP_LIMITS.maxOffset_ms,
      unit: "ms",
    })
      .optional()
      .describe("Inflation timing error (ms): negative = early (before the dicrotic notch), positive = late"),
    deflationOffset_ms: numberField({
      min: -IABP_LIMITS.maxOffset_ms,
      max: IABP_LIMITS.maxOffset_ms,
      unit: "ms",
    })
      .optional()
      .describe(
        "Deflation timing error (ms): negative = early (in diastole), positive = late (into ejection)",
      ),
  },
  'an object such as { "ratio": 1, "volume_mL": 40 }, or null to remove the balloon',
).meta({ id: "ScenarioIabp" });

const ecmoSchema = strict(
  {
    flow_L_min: numberField({ min: MIN_ECMO_FLOW_L_MIN, max: ECMO.maxFlow_L_min, unit: "L/min" })
      .optional()
      .describe("Circuit flow the perfusionist titrates the speed to (L/min)"),
    rpm: numberField({ min: ECMO.minSpeed_rpm, max: ECMO.maxSpeed_rpm, unit: "rpm" })
      .optional()
      .describe("Fixed pump speed (rpm)"),
  },
  'an object such as { "flow_L_min": 4 } or { "rpm": 3000 }, or null to stop and remove the circuit',
)
  .superRefine((v, ctx) => {
    if ((v.flow_L_min === undefined) === (v.rpm === undefined))
      ctx.addIssue({ code: "custom", message: "give either flow_L_min or rpm (one of them)" });
  })
  .meta({ id: "ScenarioEcmo" });

/** Longest timed hold of one step (s): an hour of simulated time. */
export const MAX_HOLD_S = 3600;

const positionSchema = z
  .union([z.enum(SEGMENTS), strict({ offset_mm: numberField({ min: -100, max: 100, unit: "mm" }) })], {
    error: (iss) =>
      `${iss.input === undefined ? "missing" : `${showValue(iss.input)} is not a clip position`}; expected A1P1, A2P2, A3P3 or { "offset_mm": x } (mm from the centre of A2-P2, negative toward A1P1)`,
  })
  .describe(
    "Named segment, or offset along the coaptation line (mm; 0 = centre of A2-P2, negative anterolateral)",
  );

const clipSchema = strict({
  device: z
    .enum(CLIP_DEVICES)
    .describe("TEER device: MitraClip G4 size (NT, NTW, XT, XTW) or PASCAL implant (PASCAL-P10, PASCAL-ACE)"),
  position: positionSchema,
}).meta({ id: "ScenarioClip" });

const stepSchema = strict({
  name: z.string().min(1).max(MAX_TEXT).describe("Shown in tables and file names"),
  impella: impellaSchema
    .nullable()
    .optional()
    .describe("Pump settings; null removes the pump (a stopped pump left in place leaks backwards)"),
  iabp: iabpSchema.nullable().optional().describe("Intra-aortic balloon pump; null removes it"),
  ecmo: ecmoSchema
    .nullable()
    .optional()
    .describe("VA-ECMO (femoral: right atrium to descending aorta); with impella: ECPELLA; null removes it"),
  clip: z
    .union([clipSchema, z.array(clipSchema).min(1).max(MAX_CLIPS_PER_VALVE)], {
      error: (iss) =>
        `${showValue(iss.input)} is not a clip; expected { "device", "position" } or a list of them`,
    })
    .optional(),
  set: paramsSchema.optional(),
  hold_s: numberField({ min: 1, max: MAX_HOLD_S, unit: "s" })
    .optional()
    .describe(
      "Measure after holding this long (a timed assessment, as at the bedside) instead of at the new steady state; the next step goes on from there",
    ),
  pace_bpm: numberField({ min: 30, max: 180, unit: "bpm" })
    .nullable()
    .optional()
    .describe(
      "Pace the heart at this rate: sets hr_bpm and takes the rate from the baroreflex; null stops pacing (the reflex sets the rate)",
    ),
});

function scenarioShape(euroscore2: z.ZodType) {
  return strict({
    id: z.string().min(1).max(MAX_TEXT),
    title: z.string().max(MAX_TEXT),
    source: z
      .string()
      .max(10 * MAX_TEXT)
      .optional(),
    patient: strict({
      preset: z.enum(PRESET_IDS),
      overrides: paramsSchema.optional(),
    }),
    steps: z
      .array(stepSchema)
      .min(1)
      .max(MAX_STEPS)
      .describe("Cumulative steps: what a step changes stays changed"),
    euroscore2: euroscore2.optional(),
    stsProm_pct: numberField({ min: 0, max: 100, unit: "%" })
      .optional()
      .describe(
        "STS predicted risk of mortality from the STS calculator (quoted in the plan; not computed here)",
      ),
  });
}

/** The scenario schema used for validation (the `euroscore2` block is checked by its own parser). */
export const scenarioSchema = scenarioShape(z.unknown());

/** JSON Schema (draft 2020-12) of the scenario file, e.g. for editors. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = scenarioShape(euroScore2InputSchema.describe("EuroSCORE II input (contract)")).meta({
    title: "Clipshock scenario",
    description: "A patient (preset + parameter overrides) and a timeline of cumulative steps",
  });
  return z.toJSONSchema(schema) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Issues -> problems

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const k of path) {
    if (typeof k === "number") out += `[${k}]`;
    else out += out ? `.${escapeText(String(k))}` : escapeText(String(k));
  }
  return out;
}

const isParamsObject = (path: readonly PropertyKey[]) => {
  const last = path[path.length - 1];
  return (
    (path.length === 2 && path[0] === "patient" && last === "overrides") ||
    (path[0] === "steps" && last === "set")
  );
};

/**
 * `unknown key; did you mean impella? (allowed: ...)` when one allowed key is clearly the one meant (same
 * letters in another case, a prefix, or the single nearest within a typo's distance); `allowedText` is
 * "allowed: a, b".
 */
function unknownKeyMessage(key: string, allowedText: string): string {
  const allowed = allowedText.replace(/^allowed: /, "").split(", ");
  const lower = key.toLowerCase();
  const only = (list: string[]) => (list.length === 1 ? list[0] : undefined);
  const dist = allowed.map((a) => editDistance(lower, a.toLowerCase()));
  const best = Math.min(...dist);
  const near =
    only(allowed.filter((a) => a.toLowerCase() === lower)) ??
    only(
      allowed.filter(
        (a) => lower.length >= 3 && (a.toLowerCase().startsWith(lower) || lower.startsWith(a.toLowerCase())),
      ),
    ) ??
    (best <= Math.max(2, Math.floor(key.length / 4))
      ? only(allowed.filter((_, k) => dist[k] === best))
      : undefined);
  return `unknown key${near ? `; did you mean ${near}?` : ""} (${allowedText})`;
}

function issueProblems(iss: z.core.$ZodIssue, prefix: readonly PropertyKey[], out: InputProblem[]): void {
  const path = [...prefix, ...iss.path];
  if (iss.code === "unrecognized_keys") {
    for (const key of iss.keys) {
      const message = isParamsObject(path)
        ? unknownParameterMessage(key)
        : unknownKeyMessage(key, iss.message);
      out.push({ path: formatPath([...path, key]), message });
    }
    return;
  }
  if (iss.code === "invalid_union") {
    // The branch that fits the kind of value given (object, list, string) explains the problem best;
    // if none does, the union's own message says what is allowed.
    const rootMismatch = (i: z.core.$ZodIssue) =>
      i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value");
    const branch = iss.errors.find((errs) => errs.length > 0 && !errs.some(rootMismatch));
    if (branch) {
      for (const sub of branch) issueProblems(sub, path, out);
      return;
    }
  }
  out.push({ path: formatPath(path), message: iss.message });
}

// ---------------------------------------------------------------------------------------------
// Devices: replay the steps' device changes (no simulation) to find clips that do not fit and
// pumps without a model.

function deviceProblems(scenario: Scenario): InputProblem[] {
  const problems: InputProblem[] = [];
  // The preset and overrides as given: placing clips needs the valve's size, not the patient's simulated
  // mitral reference (initialParams runs a simulation for that; parsing must stay cheap).
  let params: Params = presetParams(scenario.patient.preset);
  for (const [k, v] of Object.entries(scenario.patient.overrides ?? {}))
    params[k] = typeof v === "object" ? { ...v } : v;
  let devices: Devices = { impella: null, clips: [] };
  scenario.steps.forEach((step: Step, i) => {
    try {
      const r = applyStep(step, i, params, devices);
      const more = r.devices.clips.length > MAX_CLIPS_PER_VALVE;
      const flow = flowTargetProblem(r.devices, i);
      if (more)
        problems.push({
          path: `steps[${i}].clip`,
          message: `${r.devices.clips.length} clips on the valve after this step; at most ${MAX_CLIPS_PER_VALVE} (practice rarely places more)`,
        });
      if (flow) problems.push(flow);
      params = r.params;
      // Over the limit, go on without this step's clips (and the pairwise check stays small).
      devices = more ? { ...r.devices, clips: devices.clips } : r.devices;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      for (const p of e.problems) problems.push(p);
      // Go on with the parameter changes only, so later steps are still checked.
      params = { ...params, ...(step.set ?? {}) };
    }
  });
  return problems;
}

/**
 * A flow target above what the pump gives at P9 with no pressure head is unreachable in any patient:
 * said when the file is read, not after the earlier steps have run (issue 12, item 9). A target that only
 * this patient's pressures make unreachable is found when its step runs.
 */
function flowTargetProblem(devices: Devices, i: number): InputProblem | null {
  const imp = devices.impella;
  if (!imp || imp.targetFlow_L_min === undefined) return null;
  const d = IMPELLA[imp.model];
  const max = staticFlow_L_min(d, d.speeds_krpm[9], 0);
  if (imp.targetFlow_L_min <= max) return null;
  return {
    path: `steps[${i}].impella.targetFlow_L_min`,
    message: `${imp.targetFlow_L_min} L/min is more than an Impella ${d.model} can pump (at most ${max.toFixed(1)} L/min, at P9 with no pressure head)`,
  };
}

/** A step's clip list longer than MAX_CLIPS_PER_VALVE, said before validation so its items are never walked. */
function clipCountProblem(steps: unknown[]): InputProblem | null {
  for (let i = 0; i < steps.length; i++) {
    const clip = (steps[i] as { clip?: unknown } | null)?.clip;
    if (Array.isArray(clip) && clip.length > MAX_CLIPS_PER_VALVE)
      return {
        path: `steps[${i}].clip`,
        message: `${clip.length} clips in one step; at most ${MAX_CLIPS_PER_VALVE} on a valve (practice rarely places more)`,
      };
  }
  return null;
}

/** Impella models that read as numbers (`2.5`, `5.0`, `5.5`), by value: YAML's `model: 5.0` is the number 5. */
const MODEL_BY_NUMBER = new Map(
  IMPELLA_MODELS.filter((m) => Number.isFinite(Number(m))).map((m) => [Number(m), m] as const),
);

/** A segment as clinicians write it (`A2-P2`, `a2p2`, `A2 P2`) to its name (`A2P2`), or the value unchanged. */
function segmentName(position: unknown): unknown {
  if (typeof position !== "string") return position;
  const name = position.toUpperCase().replace(/[\s\-–/_]/g, "");
  return (SEGMENTS as readonly string[]).includes(name) ? name : position;
}

/** `value` in the case of one of `names` (`cp` -> `CP`, `ntw` -> `NTW`), or unchanged. */
function caseOf(value: unknown, names: readonly string[]): unknown {
  if (typeof value !== "string") return value;
  return names.find((n) => n.toLowerCase() === value.trim().toLowerCase()) ?? value;
}

function normalizeClip(clip: unknown): unknown {
  if (!clip || typeof clip !== "object" || Array.isArray(clip)) return clip;
  const c = clip as Record<string, unknown>;
  const position = segmentName(c.position);
  const device = caseOf(c.device, CLIP_DEVICES);
  return position === c.position && device === c.device ? clip : { ...c, position, device };
}

/**
 * The data with the spellings whose meaning is unambiguous normalized (no mutation): an Impella model
 * given as a number (YAML's `model: 5.0`) or in another case (`cp`), a clip device in another case
 * (`ntw`), a segment written `A2-P2` or `a2p2`.
 */
function normalizeSpellings(raw: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(raw.steps)) return raw;
  const steps = raw.steps.map((step: unknown) => {
    if (!step || typeof step !== "object" || Array.isArray(step)) return step;
    const out = { ...(step as Record<string, unknown>) };
    const imp = out.impella as Record<string, unknown> | null | undefined;
    if (imp && typeof imp === "object" && imp.model !== undefined) {
      const model =
        typeof imp.model === "number" ? MODEL_BY_NUMBER.get(imp.model) : caseOf(imp.model, IMPELLA_MODELS);
      if (model !== undefined && model !== imp.model) out.impella = { ...imp, model };
    }
    if (Array.isArray(out.clip)) out.clip = out.clip.map(normalizeClip);
    else if (out.clip !== undefined) out.clip = normalizeClip(out.clip);
    return out;
  });
  return { ...raw, steps };
}

/**
 * Validates raw scenario data (parsed JSON or YAML). Returns the scenario, or throws an InputError
 * with every problem found. Unambiguous spellings are accepted (see normalizeSpellings).
 */
export function parseScenario(raw: unknown): Scenario {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError([
      {
        path: "",
        message: `${showValue(raw)} is not a scenario; expected an object with id, title, patient, steps`,
      },
    ]);
  }
  // Work limits first, so nothing below walks a runaway document (steps, depth, size, clips).
  const steps = (raw as { steps?: unknown }).steps;
  if (Array.isArray(steps) && steps.length > MAX_STEPS)
    // Said at once: validating (and later simulating) every step of a runaway file takes minutes.
    throw new InputError([{ path: "steps", message: `${steps.length} items; at most ${MAX_STEPS}` }]);
  const clips = Array.isArray(steps) ? clipCountProblem(steps) : null;
  if (clips) throw new InputError([clips]);
  const shape = shapeProblem(raw);
  if (shape) throw new InputError([shape]);
  const problems: InputProblem[] = [];
  const data = normalizeSpellings(raw as Record<string, unknown>);
  const parsed = scenarioSchema.safeParse(data, { error: defaultMessage, reportInput: true });
  if (!parsed.success) for (const iss of parsed.error.issues) issueProblems(iss, [], problems);
  const euro = (raw as Record<string, unknown>).euroscore2;
  if (euro !== undefined) {
    const r = parseEuroScore2Input(euro, "euroscore2.");
    if (!r.ok) for (const p of r.problems) problems.push(p);
  }
  if (problems.length > 0 || !parsed.success) throw new InputError(problems);
  const scenario = parsed.data as Scenario;
  const deviceIssues = deviceProblems(scenario);
  if (deviceIssues.length > 0) throw new InputError(deviceIssues);
  return scenario;
}

/** Problems with one step's shape (no device replay), for library callers of applyStep. */
export function stepShapeProblems(step: unknown, prefix: string): InputProblem[] {
  const shape = shapeProblem(step, prefix);
  if (shape) return [shape];
  const parsed = stepSchema.safeParse(step, { error: defaultMessage, reportInput: true });
  const problems: InputProblem[] = [];
  if (!parsed.success) for (const iss of parsed.error.issues) issueProblems(iss, [], problems);
  return problems.map((p) => ({ ...p, path: p.path ? `${prefix}.${p.path}` : prefix }));
}

// ---------------------------------------------------------------------------------------------
// Text (JSON or YAML) -> scenario

export type ScenarioFormat = "json" | "yaml";

/** The format by extension; otherwise JSON when the text starts with `{` or `[`, else YAML. */
export function detectFormat(text: string, fileName: string): ScenarioFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  const first = text.trimStart()[0];
  return first === "{" || first === "[" ? "json" : "yaml";
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const fail = (fileName: string, message: string): never => {
  throw new InputError([{ path: fileName, message }]);
};

/** A parser's reason on one short line: no control characters, at most 120 characters. */
function shortReason(reason: string): string {
  // \p{Cc}: control characters (a binary file's bytes); U+FFFD: bytes that were not text.
  const clean = reason.replace(/[\p{Cc}\ufffd]+/gu, " ").trim();
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}

/** JSON.parse keeps the last of two equal keys silently; YAML rejects them: so does this, for JSON too. */
function duplicateJsonKey(text: string, fileName: string): void {
  const offset = duplicateKeyOffset(text);
  if (offset >= 0) {
    const at = lineColumn(text, offset);
    fail(
      fileName,
      `malformed JSON at line ${at.line}, column ${at.column}: the same key appears twice in an object`,
    );
  }
}

/**
 * Where and what in a JSON.parse error, as a reader wants it: line and column (not a character offset) and
 * V8's reason without its echo of the text. Shared by scenario files and the euroscore2 input.
 */
export function jsonErrorWhere(
  text: string,
  e: unknown,
): { at?: { line: number; column: number }; reason: string } {
  const msg = e instanceof Error ? e.message : String(e);
  // V8 messages: "... in JSON at position 16", sometimes with "(line 2 column 5)"; "Unexpected end of JSON input".
  const lc = /line (\d+) column (\d+)/.exec(msg);
  const pos = /position (\d+)/.exec(msg);
  const at = lc
    ? { line: Number(lc[1]), column: Number(lc[2]) }
    : pos
      ? lineColumn(text, Number(pos[1]))
      : /end of JSON/.test(msg)
        ? lineColumn(text, text.length)
        : undefined;
  const reason = msg
    .replace(/\s*\(line \d+ column \d+\)/, "")
    .replace(/\s*(in JSON )?at position \d+/, "")
    .replace(/,\s*".*"(\.\.\.)? is not valid JSON$/s, "")
    .replace(/end of JSON input$/, "end of the file");
  return { at, reason };
}

function parseJson(text: string, fileName: string): unknown {
  try {
    const data = JSON.parse(text);
    duplicateJsonKey(text, fileName);
    return data;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const { at, reason } = jsonErrorWhere(text, e);
    return fail(
      fileName,
      `malformed JSON${at ? ` at line ${at.line}, column ${at.column}` : ""}: ${shortReason(reason)}`,
    );
  }
}

function parseYaml(text: string, fileName: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const at = lineColumn(text, err.pos[0]);
    if (err.code === "MULTIPLE_DOCS")
      return fail(
        fileName,
        `a second YAML document (---) at line ${at.line}; a scenario file holds one scenario`,
      );
    const reason = err.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    // The YAML parser recurses per level: a runaway nesting ends its stack, which is the user's input.
    if (/call stack/i.test(reason))
      return fail(fileName, `nested deeper than ${MAX_DEPTH} levels (at line ${at.line})`);
    return fail(fileName, `malformed YAML at line ${at.line}, column ${at.column}: ${shortReason(reason)}`);
  }
  if (doc.contents === null)
    return fail(fileName, "the file holds only comments; expected a scenario (id, title, patient, steps)");
  try {
    return doc.toJS();
  } catch (e) {
    // e.g. "Excessive alias count indicates a resource exhaustion attack" (anchors expanding to millions of nodes).
    const reason = e instanceof Error ? e.message : String(e);
    return fail(fileName, `YAML that cannot be expanded: ${shortReason(reason)}`);
  }
}

/** Parses a scenario file's text (JSON or YAML) and validates it. Throws InputError. */
export function parseScenarioText(text: string, fileName: string): Scenario {
  const name = fileName.split(/[\\/]/).pop() || fileName;
  // A UTF-8 byte-order mark (Windows editors write one) is not part of the document.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") fail(name, "the file is empty; expected a scenario (id, title, patient, steps)");
  const raw = detectFormat(text, fileName) === "json" ? parseJson(text, name) : parseYaml(text, name);
  try {
    return parseScenario(raw);
  } catch (e) {
    // A problem with the whole document is named after the file.
    if (e instanceof InputError)
      throw new InputError(e.problems.map((p) => (p.path ? p : { ...p, path: name })));
    throw e;
  }
}

/** The definition of a parameter path, if known (for messages and tools). */
export const parameterDefinition = (path: string): ParamDef | undefined => PARAM_BY_PATH.get(path);
