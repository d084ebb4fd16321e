/**
 * Argument schemas of the library boundary, with their documented bounds: the same limits as scenario
 * files where they overlap (parameters, devices, 4 clips per valve), and work limits on options
 * (time step, recording, workers) so that no call runs unbounded.
 */
import { z } from "zod";
import { IMPELLA_MODELS } from "../devices/impella/models.js";
import { CLIP_DEVICES } from "../devices/mitraclip/devices.js";
import { DEFAULT_DT_S } from "../engine/simulation.js";
import { Trace } from "../engine/trace.js";
import {
  checkParamConsistency,
  checkParamValues,
  PARAM_BY_PATH,
  PRESET_IDS,
  SEGMENTS,
} from "../physiology/params.js";
import { MAX_SIMULATED_S } from "../procedure/execute.js";
import {
  closestParameter,
  MAX_CLIPS_PER_VALVE,
  MAX_TARGET_FLOW_L_MIN,
  parseScenario,
} from "../procedure/scenario-schema.js";
import { InputError, type InputProblem } from "../procedure/types.js";

/** Finest time step (s): 40x finer than the default; finer runs take minutes for one steady state. */
export const MIN_DT_S = 0.0001;
/** Coarsest time step (s): the default; coarser fixed RK4 steps are not stable for every valve jet. */
export const MAX_DT_S = DEFAULT_DT_S;
/** Longest waveform recording per state (s). */
export const MAX_RECORD_S = 60;
/** Most worker threads of the planner. */
export const MAX_WORKERS = 16;
/** Longest steady-state search or advance in one call (s of simulated time). */
export const MAX_RUN_S = 3600;

export const finite = z.number({ error: (iss) => `${String(iss.input)} is not a finite number` });
const range = (min: number, max: number, unit = "") =>
  finite.refine((v) => v >= min && v <= max, {
    error: (iss) => `${String(iss.input)} is out of range ${min}..${max}${unit ? ` ${unit}` : ""}`,
  });
const wholeRange = (min: number, max: number) =>
  finite.refine((v) => Number.isInteger(v) && v >= min && v <= max, {
    error: (iss) => `${String(iss.input)} is out of range ${min}..${max} (a whole number)`,
  });

export const dtSchema = range(MIN_DT_S, MAX_DT_S, "s");
export const positive = finite.refine((v) => v > 0, { message: "must be above 0" });
export const nonNegative = finite.refine((v) => v >= 0, { message: "must be 0 or more" });
export const text = z.string({ error: "not a string" });
export const presetSchema = z.enum(PRESET_IDS);
export const segmentSchema = z.enum(SEGMENTS);

/** Problems from an InputError thrown by a validator, as zod issues at their own paths. */
function addProblems(ctx: z.RefinementCtx, problems: readonly InputProblem[]): void {
  for (const p of problems)
    ctx.addIssue({ code: "custom", path: p.path ? [p.path] : [], message: p.message });
}

/** A scenario as the scenario file describes it, checked by the file's own parser (devices replayed too). */
export const scenarioArg = z.unknown().superRefine((v, ctx) => {
  try {
    parseScenario(v);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    addProblems(ctx, e.problems);
  }
});

/** A complete parameter set (as presetParams gives): known paths only, each in range, consistent. */
export const paramsArg = z.unknown().superRefine((v, ctx) => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    ctx.addIssue({
      code: "custom",
      message: "not a parameter set; expected presetParams(...) or a copy of it",
    });
    return;
  }
  const problems: InputProblem[] = [];
  for (const key of Object.keys(v))
    if (!PARAM_BY_PATH.has(key)) {
      const near = closestParameter(key);
      problems.push({ path: key, message: `unknown parameter${near ? `; did you mean ${near}?` : ""}` });
    }
  if (problems.length === 0) {
    const values = checkParamValues(v as never);
    problems.push(...(values.length ? values : checkParamConsistency(v as never)));
  }
  addProblems(ctx, problems);
});

const impellaArg = z
  .strictObject({
    model: z.enum(IMPELLA_MODELS),
    pLevel: wholeRange(0, 9).optional(),
    targetFlow_L_min: finite
      .refine((v) => v > 0 && v <= MAX_TARGET_FLOW_L_MIN, {
        message: `out of range: above 0 up to ${MAX_TARGET_FLOW_L_MIN} L/min`,
      })
      .optional(),
  })
  .refine((v) => (v.pLevel === undefined) !== (v.targetFlow_L_min === undefined), {
    message: "give either pLevel or targetFlow_L_min",
  });

export const placedClipArg = z.strictObject({ device: z.enum(CLIP_DEVICES), offset_mm: finite });
export const clipsArg = z.array(placedClipArg).max(MAX_CLIPS_PER_VALVE, {
  message: `at most ${MAX_CLIPS_PER_VALVE} clips on a valve`,
});

export const devicesArg = z.strictObject({ impella: impellaArg.nullable(), clips: clipsArg });

export const fromArg = z.record(z.string(), finite).optional();

const steadyStateShape = {
  tolerance: range(1e-6, 0.1).optional(),
  consecutive: wholeRange(1, 100).optional(),
  measuredBeats: wholeRange(1, 100).optional(),
  maxSeconds: range(0.1, MAX_RUN_S, "s").optional(),
};

export const runOptionsArg = z
  .strictObject({
    ...steadyStateShape,
    dt_s: dtSchema.optional(),
    record_s: range(0, MAX_RECORD_S, "s").optional(),
    from: fromArg,
  })
  .optional();

export const simulateOptionsArg = z
  .strictObject({
    dt_s: dtSchema.optional(),
    record_s: range(0, MAX_RECORD_S, "s").optional(),
    onProgress: z.function().optional(),
    maxSimulated_s: range(1, MAX_SIMULATED_S, "s").optional(),
  })
  .optional();

export const planOptionsArg = z
  .strictObject({
    at: z.union([text, wholeRange(0, 1000)]).optional(),
    maxClips: wholeRange(0, 3).optional(),
    onProgress: z.function().optional(),
    workers: wholeRange(0, MAX_WORKERS).optional(),
    workerScript: text.optional(),
    beamWidth: wholeRange(1, 20).optional(),
    simulationsPerLevel: wholeRange(1, 500).optional(),
    waveforms: z.boolean().optional(),
  })
  .optional();

export const traceArg = z.instanceof(Trace, { message: "not a Trace" });

export const segmentSharesArg = z.strictObject({ A1P1: range(0, 1), A2P2: range(0, 1), A3P3: range(0, 1) });

export const diastolicFlowArg = z.union([
  z.strictObject({ diastolicFlow_mL_s: finite }),
  z.strictObject({ co_L_min: finite, hr_bpm: positive, dfp_s: positive }),
]);
