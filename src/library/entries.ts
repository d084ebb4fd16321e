/**
 * Every exported function and class of the library, behind its argument check (guard.ts): src/index.ts
 * exports these under the original names. Bounds are in schemas.ts.
 */
import { z } from "zod";
import * as es2 from "../clinical/euroscore2.js";
import { parseEuroScore2Input as parseEs2 } from "../clinical/euroscore2-input.js";
import * as formulas from "../clinical/formulas.js";
import * as scai from "../clinical/scai.js";
import * as geometry from "../devices/mitraclip/geometry.js";
import { Model } from "../engine/model.js";
import * as simulation from "../engine/simulation.js";
import * as trace from "../engine/trace.js";
import * as beat from "../measure/beat.js";
import * as mr from "../measure/mr-grade.js";
import * as pv from "../measure/pv-loop.js";
import * as params from "../physiology/params.js";
import * as cases from "../procedure/cases/index.js";
import * as circuit from "../procedure/circuit.js";
import * as execute from "../procedure/execute.js";
import * as live from "../procedure/live.js";
import * as load from "../procedure/load.js";
import * as at from "../procedure/plan/at.js";
import * as planner from "../procedure/plan/planner.js";
import * as shapleyMod from "../procedure/plan/shapley.js";
import * as runStateMod from "../procedure/run-state.js";
import * as schema from "../procedure/scenario-schema.js";
import { InputError, type Scenario } from "../procedure/types.js";
import * as report from "../report/plan-report.js";
import * as units from "../units/index.js";
import { checkArguments, guard, guardAsync, guardFormula } from "./guard.js";
import {
  devicesArg,
  diastolicFlowArg,
  dtSchema,
  finite,
  fromArg,
  MAX_RECORD_S,
  MAX_RUN_S,
  nonNegative,
  paramsArg,
  placedClipArg,
  planOptionsArg,
  positive,
  presetSchema,
  runOptionsArg,
  scenarioArg,
  segmentSchema,
  segmentSharesArg,
  simulateOptionsArg,
  text,
  traceArg,
} from "./schemas.js";

const opt = <T extends z.ZodType>(s: T) => s.optional();
const whole = (min: number, max: number) => z.number().int().min(min).max(max);
const n = (name: string) => [name, finite] as const;
const flag = z.boolean({ error: "not true or false" });

// EuroSCORE II input: the clinical module's own parser gives the problems.
const es2Input = z.unknown().superRefine((v, ctx) => {
  const r = parseEs2(v);
  if (!r.ok)
    for (const p of r.problems)
      ctx.addIssue({ code: "custom", path: p.path ? [p.path] : [], message: p.message });
});

// Clinical scores and formulas.
export const euroscore2 = guard("euroscore2", [["input", es2Input]], es2.euroscore2);
export const euroscore2FactorCodes = guard(
  "euroscore2FactorCodes",
  [["input", es2Input]],
  es2.euroscore2FactorCodes,
);
export const euroscore2AgeUnits = guardFormula(
  "euroscore2AgeUnits",
  [n("age_years")],
  es2.euroscore2AgeUnits,
);
export const renalFactor = guard(
  "renalFactor",
  [
    ["dialysis", flag],
    ["crCl_mL_min", opt(positive)],
  ],
  es2.renalFactor,
);
export const lvFactor = guard("lvFactor", [n("lvef_pct")], es2.lvFactor);
export const paFactor = guard("paFactor", [n("paSystolic_mmHg")], es2.paFactor);
export const parseEuroScore2Input = guard(
  "parseEuroScore2Input",
  [
    ["raw", z.unknown()],
    ["basePath", opt(text)],
  ],
  parseEs2,
);
const scaiInput = z.strictObject({
  sbp_mmHg: finite,
  map_mmHg: finite,
  ci_L_min_m2: opt(finite),
  co_L_min: opt(finite),
  bsa_m2: opt(positive),
  pcwp_mmHg: opt(finite),
  rap_mmHg: opt(finite),
  cpo_W: opt(finite),
  papi: opt(finite),
  lactate_mmol_L: opt(nonNegative),
  vasoactiveDrugs: opt(whole(0, 10)),
  mcsDevices: opt(whole(0, 5)),
  cardiacArrest: opt(flag),
});
export const scaiStage = guard("scaiStage", [["input", scaiInput]], scai.scaiStage);
export const cardiacPowerOutput_W = guardFormula(
  "cardiacPowerOutput_W",
  [n("map_mmHg"), n("co_L_min")],
  formulas.cardiacPowerOutput_W,
);
export const cardiacPowerOutputNet_W = guardFormula(
  "cardiacPowerOutputNet_W",
  [n("map_mmHg"), n("rap_mmHg"), n("co_L_min")],
  formulas.cardiacPowerOutputNet_W,
);
export const papi = guardFormula("papi", [n("pasp_mmHg"), n("padp_mmHg"), n("rap_mmHg")], formulas.papi);
export const shockIndex = guardFormula("shockIndex", [n("hr_bpm"), n("sbp_mmHg")], formulas.shockIndex);
export const modifiedShockIndex = guardFormula(
  "modifiedShockIndex",
  [n("hr_bpm"), n("map_mmHg")],
  formulas.modifiedShockIndex,
);
export const o2Content_mL_dL = guardFormula(
  "o2Content_mL_dL",
  [n("hb_g_dL"), n("sao2_fraction"), n("pao2_mmHg")],
  formulas.o2Content_mL_dL,
);
export const o2Delivery_mL_min = guardFormula(
  "o2Delivery_mL_min",
  [n("co_L_min"), n("cao2_mL_dL")],
  formulas.o2Delivery_mL_min,
);
export const svr_dyn = guardFormula(
  "svr_dyn",
  [n("map_mmHg"), n("rap_mmHg"), n("co_L_min")],
  formulas.svr_dyn,
);
export const meanArterialPressure_mmHg = guardFormula(
  "meanArterialPressure_mmHg",
  [n("sbp_mmHg"), n("dbp_mmHg")],
  formulas.meanArterialPressure_mmHg,
);
export const bsaMosteller_m2 = guardFormula(
  "bsaMosteller_m2",
  [n("height_cm"), n("weight_kg")],
  formulas.bsaMosteller_m2,
);
export const creatinineClearanceCockcroftGault_mL_min = guardFormula(
  "creatinineClearanceCockcroftGault_mL_min",
  [n("age_years"), n("weight_kg"), n("creatinine_mg_dL"), ["sex", z.enum(["male", "female"])]],
  formulas.creatinineClearanceCockcroftGault_mL_min,
);
export const diastolicFlow_mL_s = guardFormula(
  "diastolicFlow_mL_s",
  [["flow", diastolicFlowArg]],
  formulas.diastolicFlow_mL_s,
);
export const gorlinMitralArea_cm2 = guardFormula(
  "gorlinMitralArea_cm2",
  [["flow", diastolicFlowArg], n("meanGradient_mmHg")],
  formulas.gorlinMitralArea_cm2,
);
export const gorlinMeanGradient_mmHg = guardFormula(
  "gorlinMeanGradient_mmHg",
  [["flow", diastolicFlowArg], n("mva_cm2")],
  formulas.gorlinMeanGradient_mmHg,
);

// Units.
export const lMinToMlS = guardFormula("lMinToMlS", [n("q_L_min")], units.lMinToMlS);
export const mlSToLMin = guardFormula("mlSToLMin", [n("q_mL_s")], units.mlSToLMin);
export const cardiacPower_W = guardFormula(
  "cardiacPower_W",
  [n("map_mmHg"), n("co_L_min")],
  units.cardiacPower_W,
);

// MR grade.
export const gradeByEroa = guard("gradeByEroa", [n("eroa_cm2")], mr.gradeByEroa);
export const gradeByRegurgitantVolume = guard(
  "gradeByRegurgitantVolume",
  [n("rvol_mL")],
  mr.gradeByRegurgitantVolume,
);
export const gradeByRegurgitantFraction = guard(
  "gradeByRegurgitantFraction",
  [n("rf_pct")],
  mr.gradeByRegurgitantFraction,
);
export const mrGrade = guard("mrGrade", [n("eroa_cm2"), n("rvol_mL"), n("rf_pct")], mr.mrGrade);

// Devices.
const manyClips = z.array(placedClipArg).max(64);
export const checkClipPlacement = guard(
  "checkClipPlacement",
  [
    ["clips", manyClips],
    ["length_mm", positive],
  ],
  geometry.checkClipPlacement,
);
export const clipGeometry = guard(
  "clipGeometry",
  [
    ["clips", manyClips],
    ["nativeArea_cm2", positive],
    ["length_mm", positive],
    ["eroa_cm2", nonNegative],
    ["segmentShares", segmentSharesArg],
  ],
  geometry.clipGeometry,
);
export const segmentCentre_mm = guard(
  "segmentCentre_mm",
  [
    ["segment", segmentSchema],
    ["length_mm", positive],
  ],
  geometry.segmentCentre_mm,
);

// Parameters.
const paramObject = z.record(z.string(), z.unknown(), { error: "not a parameter set" });
const paramPath = (type: "number" | "boolean" | "segments") =>
  text.refine((p) => params.PARAM_BY_PATH.get(p)?.type === type, { message: `not a ${type} parameter path` });
const readParam = <T>(
  name: string,
  type: "number" | "boolean" | "segments",
  fn: (p: params.Params, k: string) => T,
) =>
  guard(
    name,
    [
      ["params", paramObject],
      ["path", paramPath(type)],
    ],
    (p: params.Params, k: string) => {
      try {
        return fn(p, k);
      } catch (e) {
        throw new InputError([
          { path: `${name}(params).${k}`, message: e instanceof Error ? e.message : String(e) },
        ]);
      }
    },
  );
export const num = readParam("num", "number", params.num);
export const bool = readParam("bool", "boolean", params.bool);
export const shares = readParam("shares", "segments", params.shares);
export const presetParams = guard("presetParams", [["preset", presetSchema]], params.presetParams);
export const checkParamValues = guard("checkParamValues", [["params", paramObject]], params.checkParamValues);
export const checkParamConsistency = guard(
  "checkParamConsistency",
  [["params", paramsArg]],
  params.checkParamConsistency,
);

// Measurements.
const beatContextArg = z.object({
  segmentShares: segmentSharesArg,
  pLevelOf: z.function(),
  cao2_mL_dL: nonNegative,
});
const sampleIndex = opt(whole(0, Number.MAX_SAFE_INTEGER));
export const measureBeat = guard(
  "measureBeat",
  [
    ["trace", traceArg],
    ["ctx", beatContextArg],
    ["start", sampleIndex],
    ["end", sampleIndex],
  ],
  beat.measureBeat,
);
export const pvLoops = guard(
  "pvLoops",
  [
    ["trace", traceArg],
    ["start", sampleIndex],
    ["end", sampleIndex],
  ],
  pv.pvLoops,
);

// Scenarios and runs.
const stepArg = (v: unknown, ctx: z.RefinementCtx) => {
  for (const p of schema.stepShapeProblems(v, ""))
    ctx.addIssue({ code: "custom", path: p.path ? [p.path] : [], message: p.message });
};
export const getCase = guard("getCase", [["id", text]], cases.getCase);
export const totalBloodVolume_mL = guard(
  "totalBloodVolume_mL",
  [["params", paramsArg]],
  circuit.totalBloodVolume_mL,
);
export const buildCircuit = guard(
  "buildCircuit",
  [
    ["params", paramsArg],
    ["devices", devicesArg],
  ],
  circuit.buildCircuit,
);
export const applyStep = guard(
  "applyStep",
  [
    ["step", z.unknown().superRefine(stepArg)],
    ["index", whole(0, schema.MAX_STEPS)],
    ["params", paramsArg],
    ["devices", devicesArg],
  ],
  execute.applyStep,
);
export const initialParams = guard("initialParams", [["scenario", scenarioArg]], execute.initialParams);
export const simulateScenario = guard(
  "simulateScenario",
  [
    ["scenario", scenarioArg],
    ["options", simulateOptionsArg],
  ],
  execute.simulateScenario,
);
export const loadScenario = guard("loadScenario", [["arg", text]], load.loadScenario);
export const parseScenario = guard("parseScenario", [["raw", z.unknown()]], schema.parseScenario);
export const parseScenarioText = guard(
  "parseScenarioText",
  [
    ["text", text.max(load.MAX_FILE_BYTES, { message: `longer than ${load.MAX_FILE_BYTES} characters` })],
    ["fileName", text],
  ],
  schema.parseScenarioText,
);
export const scenarioJsonSchema = guard("scenarioJsonSchema", [], schema.scenarioJsonSchema);
export const resolveAt = guard(
  "resolveAt",
  [
    ["scenario", scenarioArg],
    ["at", opt(z.union([text, whole(0, schema.MAX_STEPS)]))],
  ],
  at.resolveAt,
);
export const planScenario = guardAsync(
  "planScenario",
  [
    ["scenario", scenarioArg],
    ["options", planOptionsArg],
  ],
  planner.planScenario,
);
export const shapley = guard(
  "shapley",
  [
    ["players", z.array(text).max(10, { message: "at most 10 players (2^n subsets are evaluated)" })],
    ["value", z.function()],
  ],
  shapleyMod.shapley,
);
export const runState = guard(
  "runState",
  [
    ["params", paramsArg],
    ["devices", devicesArg],
    ["options", runOptionsArg],
  ],
  runStateMod.runState,
);
export const createSimulation = guard(
  "createSimulation",
  [
    ["params", paramsArg],
    ["devices", devicesArg],
    ["from", fromArg],
    ["dt_s", opt(dtSchema)],
    ["t0_s", opt(nonNegative)],
  ],
  runStateMod.createSimulation,
);
const planResultArg = z.looseObject({
  scenario: z.looseObject({ id: text, title: text }),
  at: text,
  weanTest: z.looseObject({}),
  gradient: z.looseObject({}),
  clipStrategies: z.array(z.unknown()),
  warnings: z.array(z.unknown()),
  scai: z.looseObject({}),
});
export const planReportHtml = guard("planReportHtml", [["result", planResultArg]], report.planReportHtml);

// Classes: the constructor and every method that takes user values check them.
const runSeconds = positive.refine((v) => v <= MAX_RUN_S, { message: `at most ${MAX_RUN_S} s in one call` });
const every = opt(whole(1, 10_000));

export class Simulation extends simulation.Simulation {
  constructor(model: Model, dt_s?: number, t0_s?: number, beatChannels?: readonly string[]) {
    checkArguments(
      "new Simulation",
      [
        ["model", z.instanceof(Model, { message: "not a Model (from assemble)" })],
        ["dt_s", opt(dtSchema)],
        ["t0_s", opt(nonNegative)],
        ["beatChannels", opt(z.array(text))],
      ],
      [model, dt_s, t0_s, beatChannels],
    );
    super(model, dt_s, t0_s, beatChannels);
  }
  override record(seconds: number, every_?: number): trace.Trace {
    checkArguments(
      "Simulation.record",
      [
        ["seconds", positive.refine((v) => v <= MAX_RECORD_S, { message: `at most ${MAX_RECORD_S} s` })],
        ["every", every],
      ],
      [seconds, every_],
    );
    return super.record(seconds, every_);
  }
  override advance(seconds: number, onBeat?: Parameters<simulation.Simulation["advance"]>[1]): number {
    checkArguments(
      "Simulation.advance",
      [
        ["seconds", runSeconds],
        ["onBeat", opt(z.function())],
      ],
      [seconds, onBeat],
    );
    return super.advance(seconds, onBeat);
  }
}

export class Trace extends trace.Trace {
  constructor(names: readonly string[], capacity: number) {
    checkArguments(
      "new Trace",
      [
        ["names", z.array(text).max(1000)],
        ["capacity", whole(0, 10_000_000)],
      ],
      [names, capacity],
    );
    super(names, capacity);
  }
}

export class LiveSession extends live.LiveSession {
  constructor(scenario: Scenario, dt_s?: number) {
    checkArguments(
      "new LiveSession",
      [
        ["scenario", scenarioArg],
        ["dt_s", opt(dtSchema)],
      ],
      [scenario, dt_s],
    );
    super(scenario, dt_s);
  }
  override applyStep(step: Parameters<live.LiveSession["applyStep"]>[0]): void {
    checkArguments("LiveSession.applyStep", [["step", z.unknown().superRefine(stepArg)]], [step]);
    super.applyStep(step);
  }
  override removeClip(index: number): void {
    checkArguments("LiveSession.removeClip", [["index", whole(0, this.devices.clips.length - 1)]], [index]);
    super.removeClip(index);
  }
  override fastForward(maxSeconds?: number): ReturnType<live.LiveSession["fastForward"]> {
    checkArguments("LiveSession.fastForward", [["maxSeconds", opt(runSeconds)]], [maxSeconds]);
    return super.fastForward(maxSeconds);
  }
  override advance(seconds: number, every_?: number): live.LiveChunk {
    checkArguments(
      "LiveSession.advance",
      [
        ["seconds", positive.refine((v) => v <= MAX_RECORD_S, { message: `at most ${MAX_RECORD_S} s` })],
        ["every", every],
      ],
      [seconds, every_],
    );
    return super.advance(seconds, every_);
  }
}
