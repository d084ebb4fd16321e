/**
 * Scenario and result types shared by the command line, the web app and the planner.
 * A scenario is data: a patient (preset + overrides) and a timeline of cumulative steps.
 */

import type { ImpellaModel } from "../devices/impella/models.js";
import type { ClipDevice } from "../devices/mitraclip/devices.js";
import type { Measurements } from "../measure/beat.js";
import type { Params, ParamValue, PresetId, Segment } from "../physiology/params.js";

export type ClipPosition = Segment | { offset_mm: number };

export interface ClipRequest {
  device: ClipDevice;
  position: ClipPosition;
}

export interface ImpellaRequest {
  model?: ImpellaModel;
  pLevel?: number;
  targetFlow_L_min?: number;
}

export interface IabpRequest {
  ratio: 1 | 2 | 3;
  volume_mL: number;
  inflationOffset_ms?: number;
  deflationOffset_ms?: number;
}

export interface EcmoRequest {
  flow_L_min?: number;
  rpm?: number;
}

export interface Step {
  name: string;
  /** null removes the pump. */
  impella?: ImpellaRequest | null;
  /** null removes the balloon. */
  iabp?: IabpRequest | null;
  /** null removes the VA-ECMO circuit. */
  ecmo?: EcmoRequest | null;
  clip?: ClipRequest | ClipRequest[];
  set?: Record<string, ParamValue>;
  /** Measure after this many seconds (timed assessment) instead of at steady state. */
  hold_s?: number;
  /**
   * Pace the heart at this rate (bpm): sets hr_bpm and takes the rate from the baroreflex
   * (`baroreflex.controlsHeartRate` false). null stops pacing: the reflex sets the rate again.
   */
  pace_bpm?: number | null;
}

export interface EuroScore2Input {
  age_years: number;
  sex: "male" | "female";
  creatinineClearance_mL_min?: number;
  dialysis: boolean;
  extracardiacArteriopathy: boolean;
  poorMobility: boolean;
  previousCardiacSurgery: boolean;
  chronicLungDisease: boolean;
  activeEndocarditis: boolean;
  criticalPreoperativeState: boolean;
  diabetesOnInsulin: boolean;
  nyhaClass: 1 | 2 | 3 | 4;
  ccs4Angina: boolean;
  lvef_pct: number;
  recentMI: boolean;
  paSystolic_mmHg: number;
  urgency: "elective" | "urgent" | "emergency" | "salvage";
  weightOfIntervention: "isolated-cabg" | "single-non-cabg" | "two" | "three-or-more";
  thoracicAortaSurgery: boolean;
}

export interface Scenario {
  id: string;
  title: string;
  source?: string;
  patient: { preset: PresetId; overrides?: Record<string, ParamValue> };
  steps: Step[];
  euroscore2?: EuroScore2Input;
  /** STS predicted risk of mortality (%) from the STS online calculator; quoted, not computed here. */
  stsProm_pct?: number;
}

export interface CollapseReport {
  collapsed: boolean;
  mapBelow60_s: number | null;
  mapBelow50_s: number | null;
}

export interface StepResult {
  name: string;
  parameters: Params;
  measurements: Measurements;
  /** Devices in place after this step. */
  devices: {
    impella: { model: ImpellaModel; pLevel?: number; targetFlow_L_min?: number } | null;
    clips: { device: ClipDevice; offset_mm: number; position?: Segment }[];
    iabp?: IabpRequest;
    ecmo?: EcmoRequest;
  };
  /** Measured at periodic steady state, or at the end of a timed hold (`hold_s`). */
  assessment: "steady-state" | "timed";
  converged: boolean;
  /** Circulatory collapse during or at the end of the step (times from the step's start). */
  collapse: CollapseReport;
  simulated_s: number;
  /** The pump console's alarms at the end of the step (pump-console.ts); empty without a pump. */
  alarms: { code: "suction" | "retrograde-flow" | "target-flow-not-reached" | "position"; message: string }[];
  /** Notes on what was asked and what the patient did (e.g. the reflex moved an unpaced heart rate). */
  notes: string[];
}

export interface ScenarioResult {
  scenario: string;
  steps: StepResult[];
}

/** One problem with user input, reported as `path: message` (exit status 2). */
export interface InputProblem {
  path: string;
  message: string;
}

export class InputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("\n"));
    this.problems = problems;
  }
}
