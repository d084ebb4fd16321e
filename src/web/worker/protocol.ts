/**
 * Messages between the page and the engine worker. The worker owns the LiveSession; the page only
 * draws. Waveform chunks carry one Float64Array per channel of CHUNK_CHANNELS (transferred, not copied).
 */
import type { Measurements } from "../../measure/beat.js";
import type { Devices } from "../../procedure/circuit.js";
import type { ClipRequest, ImpellaRequest, InputProblem, Scenario } from "../../procedure/types.js";
import type { Params, ParamValue, PresetId } from "../domain.js";

/**
 * Channels sent to the page, in this order. Engine channels, plus derived ones:
 * `mv.fwd_mL_s` / `mv.reg_mL_s` (transmitral forward flow, and the regurgitant jet as negative mitral
 * flow), `mv.inflow_m_s` (mitral inflow velocity, q / area / 100, in diastole) and `mr.jet_m_s` (MR jet
 * velocity from the simplified Bernoulli relation v = √(ΔP/4), drawn below the baseline as on CW Doppler).
 * A channel the circuit lacks (the pump when there is none) is sent as zeros.
 */
/** The case running when the page opens without a (readable) link, and its step (Impella CP at P6). */
export const DEFAULT_CASE = "shock-demo";
export const DEFAULT_STEP = 1;

export const CHUNK_CHANNELS = [
  "t_s",
  "ao.p_mmHg",
  "lv.p_mmHg",
  "la.p_mmHg",
  "pa.p_mmHg",
  "ra.p_mmHg",
  "rv.p_mmHg",
  "lv.v_mL",
  "rv.v_mL",
  "la.v_mL",
  "ra.v_mL",
  "av.q_mL_s",
  "mv.fwd_mL_s",
  "mv.reg_mL_s",
  "impella.q_mL_s",
  "mv.inflow_m_s",
  "mr.jet_m_s",
  "heart.phase",
] as const;
export type ChunkChannel = (typeof CHUNK_CHANNELS)[number];

/** A change the user makes to the running patient. */
export type Change =
  | { kind: "params"; patch: Record<string, ParamValue> }
  | { kind: "preset"; preset: PresetId }
  | { kind: "impella"; request: ImpellaRequest | null }
  | { kind: "addClip"; request: ClipRequest }
  | { kind: "removeClip"; index: number };

export type ToWorker =
  /** Load a built-in case and apply its steps up to and including `at` (−1: the patient only). */
  | { type: "loadCase"; caseId: string; at: number }
  /** Load a scenario from text (a file, or the URL) with the command line's validation. */
  | { type: "loadText"; text: string; fileName: string; at: number; origin: "file" | "url" }
  /** Go to a step of the loaded scenario (replays from its start). */
  | { type: "goToStep"; at: number }
  | { type: "change"; id: number; change: Change }
  | { type: "run"; running: boolean }
  /** Watch transients: after a change, run on in real time from the old state instead of jumping to the new steady state. */
  | { type: "transient"; on: boolean };

/** Where the situation comes from: a scenario and how far into it. */
export interface ScenarioInfo {
  id: string;
  title: string;
  source?: string;
  preset: PresetId;
  stepNames: string[];
  /** Index of the last step applied (−1: none). */
  at: number;
  builtIn: boolean;
  /** True once the user changed anything by hand since loading or stepping. */
  modified: boolean;
}

/** What one step (or change) did: its description and the measurements before it. */
export interface StepChange {
  label: string;
  details: string[];
  before: Measurements | null;
}

export interface EngineState {
  measurements: Measurements;
  params: Params;
  devices: Devices;
  scenario: ScenarioInfo;
  /** The current situation as a scenario file (preset, overrides, devices): export and URL. */
  situation: Scenario;
  /** The loaded scenario, for the URL when nothing was changed by hand. */
  loaded: Scenario;
}

export type FromWorker =
  | {
      type: "chunk";
      /** Columns in CHUNK_CHANNELS order; t_s is display time (continuous across fast-forwards). */
      columns: Float64Array[];
      beats: Measurements[];
    }
  | { type: "busy"; id: number | null; label: string }
  | {
      type: "state";
      /** The change this answers (null: a load or a step). */
      id: number | null;
      state: EngineState;
      /** Wall time of the fast-forward in the worker (ms) and the simulated time it covered (s). */
      fastForward_ms: number;
      simulated_s: number;
      /** Display time at which the change took effect (for a marker on the waveforms). */
      markerT_s: number;
      change: StepChange | null;
      warnings: string[];
      /** The change is shown as it unfolds (transient mode), not at its steady state. */
      transient?: boolean;
    }
  | {
      type: "error";
      id: number | null;
      origin: "change" | "file" | "url" | "step";
      problems: InputProblem[];
    };
