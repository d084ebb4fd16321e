/**
 * One haemodynamic state (parameters + devices) run to periodic steady state, optionally starting
 * from an earlier state's variables (so a step continues the same patient). The building block of
 * scenarios, the planner and the web app.
 */

import { IMPELLA, nearestPLevel } from "../devices/impella/models.js";
import { regurgitantTable } from "../devices/mitraclip/geometry.js";
import { assemble } from "../engine/assemble.js";
import { DEFAULT_DT_S, Simulation } from "../engine/simulation.js";
import type { Trace } from "../engine/trace.js";
import { type BeatContext, MEASURED_CHANNELS, type Measurements, measureBeat } from "../measure/beat.js";
import { arterialO2Content_mL_dL } from "../physiology/blood/viscosity.js";
import type { Params } from "../physiology/params.js";
import { num, SEGMENTS, shares } from "../physiology/params.js";
import { buildCircuit, type Devices, mitralGeometry } from "./circuit.js";
import "./kinds.js";
import { resolveMitralReference } from "./mitral-reference.js";
import { averageMeasurements, runToSteadyState, type SteadyStateOptions } from "./steady-state.js";
import type { CollapseReport } from "./types.js";

export interface RunOptions extends SteadyStateOptions {
  dt_s?: number;
  /**
   * Measure after this many seconds instead of at steady state (a timed assessment, as at the
   * bedside: the last beats of the hold are averaged). Omitted: run to periodic steady state.
   */
  hold_s?: number;
  /** Record this many seconds of waveforms after steady state (0 = none). */
  record_s?: number;
  /** Start from these state variables (by name), e.g. the previous step's end state. */
  from?: Record<string, number>;
}

/**
 * Circulatory collapse, the state the shock spiral ends in: the run ended with MAP below
 * COLLAPSE_MAP_MMHG or LV function below COLLAPSE_FUNCTION_PCT; times (s from the run's start) at which
 * a beat's MAP first fell below 60 and 50 mmHg (null: never).
 */
export type { CollapseReport } from "./types.js";

/** Below this MAP (mmHg) a state counts as collapsed, whatever else holds. */
export const COLLAPSE_MAP_MMHG = 50;
/** Below this perfusion-limited LV function (% of fully supplied) a state counts as collapsed. */
export const COLLAPSE_FUNCTION_PCT = 50;
/** Beats averaged at the end of a timed hold. */
const HOLD_MEASURED_BEATS = 4;

export interface RunResult {
  measurements: Measurements;
  /** How the measurements were taken: at periodic steady state, or at the end of a timed hold. */
  assessment: "steady-state" | "timed";
  converged: boolean;
  collapse: CollapseReport;
  simulated_s: number;
  /** End state by variable name, to continue from. */
  state: Record<string, number>;
  waveforms: Trace | null;
}

export function beatContext(params: Params, devices: Devices): BeatContext {
  const geo = mitralGeometry(params, devices.clips);
  const total = SEGMENTS.reduce((a, s) => a + geo.eroaBySegment_cm2[s], 0);
  const segmentShares = { A1P1: 0, A2P2: 0, A3P3: 0 };
  for (const s of SEGMENTS) segmentShares[s] = total > 0 ? geo.eroaBySegment_cm2[s] / total : 0;
  const imp = devices.impella;
  const pLevelOf = (speed_krpm: number): number => {
    if (!imp) return 0;
    if (imp.pLevel !== undefined) return imp.pLevel;
    return nearestPLevel(IMPELLA[imp.model], speed_krpm);
  };
  const cao2_mL_dL = arterialO2Content_mL_dL(
    num(params, "hb_g_dL"),
    num(params, "sao2_pct") / 100,
    num(params, "pao2_mmHg"),
  );
  const eroa = num(params, "mr.eroa_cm2");
  const segmentTable =
    eroa > 0
      ? regurgitantTable(
          devices.clips,
          num(params, "mv.commissuralLength_mm"),
          eroa,
          shares(params, "mr.segments"),
        )
      : undefined;
  return { segmentShares, pLevelOf, cao2_mL_dL, avDelay_s: num(params, "avDelay_s"), segmentTable };
}

/** Builds a simulation for the state, continuing from `from` where the variables match. */
export function createSimulation(
  params: Params,
  devices: Devices,
  from?: Record<string, number>,
  dt_s = DEFAULT_DT_S,
  t0_s = 0,
): Simulation {
  const spec = buildCircuit(resolveMitralReference(params), devices);
  const model = assemble(spec);
  if (from) {
    // Carry over every variable the new circuit shares with the old one; then put any difference
    // in blood volume (a transfusion or haemorrhage set by the step) into the systemic veins.
    const names = model.layout.stateNames;
    for (let i = 0; i < names.length; i++) {
      const v = from[names[i]];
      if (v !== undefined && Number.isFinite(v)) model.y[i] = v;
    }
    const diff = spec.totalVolume_mL - model.totalVolume_mL();
    model.y[model.stateIndex("sv.volume_mL")] += diff;
  }
  return new Simulation(model, dt_s, t0_s, MEASURED_CHANNELS);
}

export function stateByName(sim: Simulation): Record<string, number> {
  const out: Record<string, number> = {};
  const names = sim.model.layout.stateNames;
  for (let i = 0; i < names.length; i++) out[names[i]] = sim.model.y[i];
  return out;
}

export function runState(params: Params, devices: Devices, options: RunOptions = {}): RunResult {
  const sim = createSimulation(params, devices, options.from, options.dt_s);
  const ctx = beatContext(params, devices);
  const t0 = sim.time_s;
  const collapse: CollapseReport = { collapsed: false, mapBelow60_s: null, mapBelow50_s: null };
  const observe = (m: Measurements, t_s: number): void => {
    if (collapse.mapBelow60_s === null && m.map_mmHg < 60) collapse.mapBelow60_s = t_s - t0;
    if (collapse.mapBelow50_s === null && m.map_mmHg < 50) collapse.mapBelow50_s = t_s - t0;
  };
  let measurements: Measurements;
  let converged: boolean;
  if (options.hold_s !== undefined) {
    measurements = runTimed(sim, ctx, options.hold_s, observe);
    converged = false;
  } else {
    const ss = runToSteadyState(sim, ctx, { ...options, observe });
    measurements = ss.measurements;
    converged = ss.converged;
  }
  collapse.collapsed =
    measurements.map_mmHg < COLLAPSE_MAP_MMHG || measurements.lv_function_pct < COLLAPSE_FUNCTION_PCT;
  let waveforms: Trace | null = null;
  if (options.record_s && options.record_s > 0) {
    const rec = sim.record(options.record_s);
    sim.advance(options.record_s);
    waveforms = rec.slice();
  }
  const problem = sim.checkState();
  if (problem) throw new Error(`simulation left the physiological range: ${problem}`);
  return {
    measurements,
    assessment: options.hold_s !== undefined ? "timed" : "steady-state",
    converged,
    collapse,
    simulated_s: sim.time_s - t0,
    state: stateByName(sim),
    waveforms,
  };
}

/** Runs `hold_s` seconds and averages the last whole beats (at least one beat is measured). */
function runTimed(
  sim: Simulation,
  ctx: BeatContext,
  hold_s: number,
  observe: (m: Measurements, t_s: number) => void,
): Measurements {
  const recent: Measurements[] = [];
  let first = true;
  const end = sim.time_s + hold_s;
  sim.advance(hold_s, (beat) => {
    if (first) {
      first = false;
      return false;
    }
    const m = measureBeat(beat, ctx);
    observe(m, sim.time_s);
    recent.push(m);
    if (recent.length > HOLD_MEASURED_BEATS) recent.shift();
    return false;
  });
  // A hold shorter than two beats: measure the next whole beat.
  while (recent.length === 0 && sim.time_s < end + 10) {
    sim.advance(10, (beat) => {
      if (first) {
        first = false;
        return false;
      }
      recent.push(measureBeat(beat, ctx));
      return true;
    });
  }
  return averageMeasurements(recent);
}
