/**
 * One haemodynamic state (parameters + devices) run to periodic steady state, optionally starting
 * from an earlier state's variables (so a step continues the same patient). The building block of
 * scenarios, the planner and the web app.
 */

import { IMPELLA, nearestPLevel } from "../devices/impella/models.js";
import { assemble } from "../engine/assemble.js";
import { DEFAULT_DT_S, Simulation } from "../engine/simulation.js";
import type { Trace } from "../engine/trace.js";
import { type BeatContext, MEASURED_CHANNELS, type Measurements } from "../measure/beat.js";
import { arterialO2Content_mL_dL } from "../physiology/blood/viscosity.js";
import type { Params } from "../physiology/params.js";
import { num, SEGMENTS } from "../physiology/params.js";
import { buildCircuit, type Devices, mitralGeometry } from "./circuit.js";
import "./kinds.js";
import { runToSteadyState, type SteadyStateOptions } from "./steady-state.js";

export interface RunOptions extends SteadyStateOptions {
  dt_s?: number;
  /** Record this many seconds of waveforms after steady state (0 = none). */
  record_s?: number;
  /** Start from these state variables (by name), e.g. the previous step's end state. */
  from?: Record<string, number>;
}

export interface RunResult {
  measurements: Measurements;
  converged: boolean;
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
  return { segmentShares, pLevelOf, cao2_mL_dL };
}

/** Builds a simulation for the state, continuing from `from` where the variables match. */
export function createSimulation(
  params: Params,
  devices: Devices,
  from?: Record<string, number>,
  dt_s = DEFAULT_DT_S,
  t0_s = 0,
): Simulation {
  const spec = buildCircuit(params, devices);
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
  const ss = runToSteadyState(sim, ctx, options);
  let waveforms: Trace | null = null;
  if (options.record_s && options.record_s > 0) {
    const rec = sim.record(options.record_s);
    sim.advance(options.record_s);
    waveforms = rec.slice();
  }
  const problem = sim.checkState();
  if (problem) throw new Error(`simulation left the physiological range: ${problem}`);
  return {
    measurements: ss.measurements,
    converged: ss.converged,
    simulated_s: ss.seconds,
    state: stateByName(sim),
    waveforms,
  };
}
