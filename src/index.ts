/**
 * Clipshock as a library: the typed surface behind the command line and the web app.
 * Everything here is isomorphic (no Node or DOM APIs) except `loadScenario`, which reads a file, and
 * `planScenario`, which runs worker threads.
 *
 * Every function and class checks its arguments at this boundary (src/library): bad arguments throw an
 * InputError (`problems: { path, message }[]`, the path naming the call and the argument, e.g.
 * `runState(options).dt_s`), and `planScenario` rejects with one. Options have documented bounds
 * (src/library/schemas.ts). Any other error is a bug.
 */

// Clinical scores and formulas (EuroSCORE II, SCAI, CPO, PAPi, DO2...): constants and types here, the
// functions (checked) below.
export * from "./clinical/index.js";
// Devices.
export { IMPELLA, IMPELLA_MODELS, type ImpellaData, type ImpellaModel } from "./devices/impella/models.js";
export { CLIP_DEVICES, CLIPS, type ClipData, type ClipDevice } from "./devices/mitraclip/devices.js";
export type { PlacedClip } from "./devices/mitraclip/geometry.js";
// The engine, for those who build their own circuits.
export { DEFAULT_DT_S } from "./engine/simulation.js";
// Every function and class, behind its argument check; their bounds.
export {
  applyStep,
  bool,
  bsaMosteller_m2,
  buildCircuit,
  cardiacPower_W,
  cardiacPowerOutput_W,
  cardiacPowerOutputNet_W,
  checkClipPlacement,
  checkParamConsistency,
  checkParamValues,
  clipGeometry,
  createSimulation,
  creatinineClearanceCockcroftGault_mL_min,
  diastolicFlow_mL_s,
  euroscore2,
  euroscore2AgeUnits,
  euroscore2FactorCodes,
  getCase,
  gorlinMeanGradient_mmHg,
  gorlinMitralArea_cm2,
  gradeByEroa,
  gradeByRegurgitantFraction,
  gradeByRegurgitantVolume,
  initialParams,
  LiveSession,
  lMinToMlS,
  loadScenario,
  lvFactor,
  meanArterialPressure_mmHg,
  measureBeat,
  mlSToLMin,
  modifiedShockIndex,
  mrGrade,
  num,
  o2Content_mL_dL,
  o2Delivery_mL_min,
  paFactor,
  papi,
  parseEuroScore2Input,
  parseScenario,
  parseScenarioText,
  planReportHtml,
  planScenario,
  presetParams,
  pvLoops,
  renalFactor,
  resolveAt,
  runState,
  Simulation,
  scaiStage,
  scenarioJsonSchema,
  segmentCentre_mm,
  shapley,
  shares,
  shockIndex,
  simulateScenario,
  svr_dyn,
  Trace,
  totalBloodVolume_mL,
} from "./library/entries.js";
export { MAX_DT_S, MAX_RECORD_S, MAX_RUN_S, MAX_WORKERS, MIN_DT_S } from "./library/schemas.js";
// Measurements as a clinician reads them.
export { MEASURED_CHANNELS, type Measurements, NUMERIC_KEYS, type NumericKey } from "./measure/beat.js";
export * from "./measure/mr-grade.js";
export { CHAMBERS, type Chamber, type PvLoop } from "./measure/pv-loop.js";
// Parameters and presets (every parameter with unit, range, default and source).
export * from "./physiology/params.js";
export { CASES } from "./procedure/cases/index.js";
export type { Devices, ImpellaSetting } from "./procedure/circuit.js";
export { MAX_SIMULATED_S, type ScenarioRun, type SimulateOptions } from "./procedure/execute.js";
export type { LiveChunk } from "./procedure/live.js";
// The planner (Node only: it runs simulations on piscina worker threads) and its HTML report.
export { CRITERIA, type Criterion } from "./procedure/plan/citations.js";
export type {
  ClipSearchInfo,
  ClipStrategy,
  GradientAnalysis,
  GradientFactor,
  PlannedClip,
  PlanOptions,
  PlanProgress,
  PlanResult,
  PlanWarning,
  PlanWarningCode,
  PvLoop as PlanPvLoop,
  ScaiResult,
  WeanTest,
} from "./procedure/plan/types.js";
export type { RunOptions, RunResult } from "./procedure/run-state.js";
export { MAX_CLIPS_PER_VALVE, MAX_STEPS } from "./procedure/scenario-schema.js";
// Scenarios: parse, validate, run.
export * from "./procedure/types.js";
export * from "./units/index.js";
