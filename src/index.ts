/**
 * Clipshock as a library: the typed surface behind the command line and the web app.
 * Everything here is isomorphic (no Node or DOM APIs) except `loadScenario`, which reads a file, and
 * `planScenario`, which runs worker threads.
 */

// Clinical scores and formulas (EuroSCORE II, SCAI, CPO, PAPi, DO2...).
export * from "./clinical/index.js";
// Devices.
export { IMPELLA, IMPELLA_MODELS, type ImpellaData, type ImpellaModel } from "./devices/impella/models.js";
export { CLIP_DEVICES, CLIPS, type ClipData, type ClipDevice } from "./devices/mitraclip/devices.js";
export {
  checkClipPlacement,
  clipGeometry,
  type PlacedClip,
  segmentCentre_mm,
} from "./devices/mitraclip/geometry.js";
// The engine, for those who build their own circuits.
export { DEFAULT_DT_S, Simulation } from "./engine/simulation.js";
export { Trace } from "./engine/trace.js";
// Measurements as a clinician reads them.
export {
  MEASURED_CHANNELS,
  type Measurements,
  measureBeat,
  NUMERIC_KEYS,
  type NumericKey,
} from "./measure/beat.js";
export * from "./measure/mr-grade.js";
export { CHAMBERS, type Chamber, type PvLoop, pvLoops } from "./measure/pv-loop.js";
// Parameters and presets (every parameter with unit, range, default and source).
export * from "./physiology/params.js";
export { CASES, getCase } from "./procedure/cases/index.js";
export { buildCircuit, type Devices, type ImpellaSetting, totalBloodVolume_mL } from "./procedure/circuit.js";
export {
  applyStep,
  initialParams,
  type ScenarioRun,
  type SimulateOptions,
  simulateScenario,
} from "./procedure/execute.js";
export { type LiveChunk, LiveSession } from "./procedure/live.js";
export { loadScenario } from "./procedure/load.js";
// The planner (Node only: it runs simulations on piscina worker threads) and its HTML report.
export { resolveAt } from "./procedure/plan/at.js";
export { CRITERIA, type Criterion } from "./procedure/plan/citations.js";
export { planScenario } from "./procedure/plan/planner.js";
export { shapley } from "./procedure/plan/shapley.js";
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
export { createSimulation, type RunOptions, type RunResult, runState } from "./procedure/run-state.js";
export { parseScenario, parseScenarioText, scenarioJsonSchema } from "./procedure/scenario-schema.js";
// Scenarios: parse, validate, run.
export * from "./procedure/types.js";
export { planReportHtml } from "./report/plan-report.js";
export * from "./units/index.js";
