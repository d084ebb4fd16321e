/**
 * Types of the planner (`planScenario`) and of its JSON document (contract "Result of plan --json").
 * Full precision here; the document rounds (document.ts).
 */

import type { EuroScore2Result } from "../../clinical/euroscore2.js";
import type { ScaiStage } from "../../clinical/scai.js";
import type { ClipDevice } from "../../devices/mitraclip/devices.js";
import type { Measurements } from "../../measure/beat.js";
import type { Params, Segment } from "../../physiology/params.js";
import type { Devices, ImpellaSetting } from "../circuit.js";
import type { StepResult } from "../types.js";
import type { BottomLine } from "./bottom-line.js";
import type { Third } from "./locate.js";

/** Warning codes (contract: the first four at least). */
export type PlanWarningCode =
  | "support-hides-mr"
  | "gradient-inflated-by-flow"
  | "gradient-high-at-reference"
  | "impella-interference"
  | "mitral-area-small"
  | "no-strategy-meets-criteria"
  | "no-mr-to-treat"
  | "not-converged"
  | "cannot-be-weaned"
  | "pump-haemolysis-risk"
  | "ecmo-lv-distension";

export interface PlanWarning {
  code: PlanWarningCode;
  message: string;
  /** What a team does about it, where there is something to do. */
  actions?: string[];
  /** Ids of the criteria (citations.ts) behind the warning. */
  criteria?: string[];
}

/** Where the patient goes when left at low support: the settled state, or deterioration. */
export interface WeanOutlook {
  /** "settles": a new steady state with MAP ≥ 60 mmHg; "deteriorates": MAP falls below 60 or keeps falling; "collapses": the shock spiral (see CollapseReport). */
  verdict: "settles" | "deteriorates" | "collapses";
  /** The patient can be weaned to low support (verdict "settles"). */
  weanable: boolean;
  /** Change from the timed look to the settled state. */
  mapChange_mmHg: number;
  cpoChange_W: number;
  /** Seconds after the change at which MAP fell below 60 / 50 mmHg (null: never). */
  mapBelow60_s: number | null;
  mapBelow50_s: number | null;
}

export interface WeanTest {
  current: Measurements;
  /** At low support (see support.ts) after `assessmentHold_s` (a timed look, as the echo is done), or null without a pump. */
  lowSupport: Measurements | null;
  /** Seconds at low support before the look (timed assessment). */
  assessmentHold_s: number;
  /** Low support left to settle: the new steady state (or the collapse it ends in). */
  lowSupportSettled: Measurements | null;
  outlook: WeanOutlook | null;
  /** Regurgitant orifice at low support over the current one (the margin behind supportHidesMR). */
  eroaRatio: number | null;
  /** With the pump stopped (P0) but left across the aortic valve, or null without a pump. */
  pumpStopped: Measurements | null;
  supportHidesMR: boolean;
  /** The pump setting of each column. */
  settings: {
    current: ImpellaSetting | null;
    lowSupport: ImpellaSetting | null;
    pumpStopped: ImpellaSetting | null;
    /** Every support device at each level (Impella, IABP, VA-ECMO); null without any support. */
    devices?: { current: Devices; lowSupport: Devices; pumpStopped: Devices } | null;
    /** The IABP and VA-ECMO at each level, described ("" where none). */
    other?: { current: string; lowSupport: string; pumpStopped: string };
  };
  note: string;
}

export type GradientFactor = "flow" | "heartRate" | "anaemia";

export interface GradientAnalysis {
  current_mmHg: number;
  reference_mmHg: number;
  /** Effective diastolic mitral orifice area of the current state (the clips set it; conditions do not). */
  valveArea_cm2: number;
  /** Shapley shares of current − reference; they sum to that difference. */
  contributions_mmHg: Record<GradientFactor, number>;
  method: "shapley";
  reference: { hr_bpm: number; hb_g_dL: number; impella: null };
  /** The gradient with each combination of the three changes toward reference applied. */
  subsets: {
    flow: boolean;
    heartRate: boolean;
    anaemia: boolean;
    gradient_mmHg: number;
    transmitralFlow_L_min: number;
  }[];
  referenceMeasurements: Measurements;
}

export interface PlannedClip {
  device: ClipDevice;
  offset_mm: number;
  /** When the offset is a named segment's centre. */
  position?: Segment;
  /** The segment pair the clip sits on, and which third of it (locate.ts). */
  segment?: Segment;
  third?: Third;
}

export interface ClipStrategy {
  /** Added clips in the order to deploy them. */
  clips: PlannedClip[];
  mr_grade: number;
  mr_rvol_mL: number;
  mr_rf_pct: number;
  mr_eroa_cm2: number;
  mv_gradient_mean_mmHg: number;
  mv_area_cm2: number;
  /** Residual regurgitant orifice of the clip geometry at the reference state (cm², no simulation). */
  geometricEroa_cm2: number;
  meetsCriteria: boolean;
  /** The criteria it misses (empty when it meets them). */
  misses: string[];
  /** A clip of the strategy lies in the zone the Impella catheter crosses (interference.ts). */
  impellaInterference: boolean;
  converged: boolean;
  /** The same strategy at reference heart rate and haemoglobin (HR 70 bpm, Hb 13 g/dL), same support. */
  atReference?: {
    hr_bpm: number;
    hb_g_dL: number;
    mr_grade: number;
    mr_rvol_mL: number;
    mv_gradient_mean_mmHg: number;
    mv_area_cm2: number;
    meetsCriteria: boolean;
  };
}

export interface ClipSearchInfo {
  maxClips: number;
  criteria: { gradientBelow_mmHg: number; areaAtLeast_cm2: number; support: string };
  ranking: string;
  /** Why the best beats the next (or why there is nothing to compare). */
  explanation: string;
  /** The state at low support with no clip added. */
  baseline: Pick<ClipStrategy, "mr_grade" | "mr_rvol_mL" | "mv_gradient_mean_mmHg" | "mv_area_cm2">;
  /** The best strategies that miss a criterion (for context). */
  rejected: ClipStrategy[];
  /** Every simulated strategy, ranked (feasible first). */
  evaluated: ClipStrategy[];
  beamWidth: number;
  simulationsPerLevel: number;
  simulated: number;
  geometryEvaluated: number;
  wall_ms: number;
  mode: "workers" | "in-process";
  workers: number;
  /** Why the search ran in-process, if it did. */
  modeNote?: string;
}

export interface ScaiResult {
  stage: ScaiStage;
  reasons: string[];
  source: string;
}

export interface PvLoop {
  p_mmHg: number[];
  v_mL: number[];
}

/** The haemodynamics of the planned state, as the report's first table. */
export interface Haemodynamics {
  hr_bpm: number;
  map_mmHg: number;
  sbp_mmHg: number;
  dbp_mmHg: number;
  co_L_min: number;
  native_co_L_min: number;
  pump_flow_L_min: number;
  cpo_W: number;
  lvedp_mmHg: number;
  pcwp_mmHg: number;
  rap_mmHg: number;
  pap_mean_mmHg: number;
  lvef_pct: number;
  svr_mmHg_s_mL: number;
  svr_wood: number;
  svr_dyn_s_cm5: number;
  coronary_perfusion_mmHg: number;
  mr_grade: number;
  mr_rvol_mL: number;
  mv_gradient_mean_mmHg: number;
  hb_g_dL: number;
}

/** Surgical risk of the alternative (mitral surgery): EuroSCORE II computed, STS PROM as entered. */
export interface SurgicalRisk {
  euroscore2_pct: number | null;
  /** Entered by the user (scenario `stsProm_pct` or `--sts-prom`); the STS model is not computed here. */
  stsProm_pct: number | null;
  note: string;
}

export interface PlanResult {
  /** What to do next, and why (bottom-line.ts). */
  bottomLine: BottomLine;
  haemodynamics: Haemodynamics;
  surgicalRisk: SurgicalRisk;
  scenario: { id: string; title: string; source?: string };
  /** Name of the step planned after. */
  at: string;
  /** 0-based index of that step. */
  atIndex: number;
  parameters: Params;
  devices: StepResult["devices"];
  weanTest: WeanTest;
  gradient: GradientAnalysis;
  /** Best first, at most five, all meeting the criteria. */
  clipStrategies: ClipStrategy[];
  clipSearch: ClipSearchInfo | null;
  warnings: PlanWarning[];
  scai: ScaiResult;
  euroscore2?: EuroScore2Result;
  /** Ids of every criterion used (see citations.ts). */
  criteria: string[];
  /** PV loops of the wean-test states (only with `waveforms: true`). */
  pvLoops?: { current: PvLoop; lowSupport: PvLoop | null; pumpStopped: PvLoop | null };
  wall_ms: number;
}

export type PlanPhase = "scenario" | "analysis" | "search" | "done";

export interface PlanProgress {
  phase: PlanPhase;
  /** Simulations done and expected so far (the total grows as the search learns how many it needs). */
  done: number;
  total: number;
  message: string;
}

export interface PlanOptions {
  /** Step name (exact, case-insensitive) or 0-based index; default the last step. */
  at?: string | number;
  /** Clips the search may add (0–3, default 3; 0 = no search). */
  maxClips?: number;
  onProgress?: (p: PlanProgress) => void;
  /** Worker threads for the simulations (default: 2 on more than 2 cores, else in-process; 0 = in-process). */
  workers?: number;
  /** The bundled worker (default dist/workers/plan-worker.mjs); if missing the simulations run in-process. */
  workerScript?: string;
  /** Beam width and simulations per level of the clip search (clip-search.ts DEFAULT_SEARCH). */
  beamWidth?: number;
  simulationsPerLevel?: number;
  /** Record PV loops of the wean-test states (for the report). */
  waveforms?: boolean;
  /** Seconds at low support before the wean test's look (default WEAN_HOLD_S, 30..1800). */
  weanHold_s?: number;
  /** STS PROM (%) from the STS calculator, quoted beside EuroSCORE II (overrides the scenario's). */
  stsProm_pct?: number;
}
