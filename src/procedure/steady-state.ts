/**
 * Periodic steady state: run beats until the beat-to-beat change of the key contract measurements
 * is below a tolerance (0.1 % by default) for several beats in a row, then average a few more beats.
 */
import type { Simulation } from "../engine/simulation.js";
import { type BeatContext, type Measurements, measureBeat, NUMERIC_KEYS } from "../measure/beat.js";
import { IABP_KEYS, meanWhereMeasured } from "../measure/devices.js";
import { mrGrade } from "../measure/mr-grade.js";

/** Measurements watched for convergence, with the absolute floor below which a change is noise. */
const WATCH: ReadonlyArray<[keyof Measurements, number]> = [
  ["map_mmHg", 1],
  ["co_L_min", 0.1],
  ["lvedv_mL", 1],
  ["lvesv_mL", 1],
  ["lap_mean_mmHg", 1],
  ["rap_mmHg", 1],
  ["pap_mean_mmHg", 1],
  ["mr_rvol_mL", 1],
  ["mv_gradient_mean_mmHg", 0.5],
  ["pump_flow_L_min", 0.1],
  ["hr_bpm", 1],
];

export interface SteadyStateOptions {
  /** Relative beat-to-beat change that counts as steady. */
  tolerance?: number;
  /** Beats in a row that must be steady. */
  consecutive?: number;
  /** Beats averaged once steady. */
  measuredBeats?: number;
  /** Give up after this much simulated time (s). */
  maxSeconds?: number;
  /** Sees every measured beat with the simulation time at its end (e.g. to time a collapse). */
  observe?: (m: Measurements, time_s: number) => void;
}

export interface SteadyStateResult {
  measurements: Measurements;
  converged: boolean;
  beats: number;
  seconds: number;
  /** Largest relative beat-to-beat change among the watched measurements at the end. */
  lastChange: number;
}

export function relativeChange(a: Measurements, b: Measurements): number {
  let worst = 0;
  for (const [k, floor] of WATCH) {
    const x = a[k] as number;
    const y = b[k] as number;
    const c = Math.abs(x - y) / Math.max(Math.abs(x), floor);
    if (c > worst) worst = c;
  }
  return worst;
}

export function averageMeasurements(list: readonly Measurements[]): Measurements {
  const out = { ...list[list.length - 1] } as Measurements;
  const rec = out as unknown as Record<string, number>;
  for (const k of NUMERIC_KEYS) {
    let s = 0;
    for (const m of list) s += m[k];
    rec[k] = s / list.length;
  }
  for (const seg of ["A1P1", "A2P2", "A3P3"] as const) {
    let s = 0;
    for (const m of list) s += m.mr_eroa_by_segment_cm2[seg];
    out.mr_eroa_by_segment_cm2 = { ...out.mr_eroa_by_segment_cm2, [seg]: s / list.length };
  }
  // Balloon readouts apply to some beats only (assisted or not, at 1:2 and 1:3).
  for (const k of IABP_KEYS) rec[k] = meanWhereMeasured(list.map((m) => m[k]));
  out.mr_grade = mrGrade(out.mr_eroa_cm2, out.mr_rvol_mL, out.mr_rf_pct);
  out.suction = out.suction_fraction > 0.2;
  out.aortic_valve_opens = list.filter((m) => m.aortic_valve_opens).length * 2 >= list.length;
  out.pv_systolic_reversal = list.filter((m) => m.pv_systolic_reversal).length * 2 >= list.length;
  return out;
}

export function runToSteadyState(
  sim: Simulation,
  ctx: BeatContext,
  options: SteadyStateOptions = {},
): SteadyStateResult {
  const tol = options.tolerance ?? 0.001;
  const need = options.consecutive ?? 3;
  // A device that assists every n-th beat (IABP 1:n) makes the beats repeat every n: compare each
  // beat with the one n beats earlier and average whole cycles.
  const cycle = Math.max(1, ctx.cycleBeats ?? 1);
  const measured = Math.ceil((options.measuredBeats ?? 4) / cycle) * cycle;
  const history: Measurements[] = [];
  const maxSeconds = options.maxSeconds ?? 400;
  const t0 = sim.time_s;
  let prev: Measurements | null = null;
  let steady = 0;
  let beats = 0;
  let lastChange = Infinity;
  let firstSkipped = false;
  sim.advance(maxSeconds, (beat) => {
    // The first (partial) beat after a restart is not a whole beat.
    if (!firstSkipped) {
      firstSkipped = true;
      return false;
    }
    const m = measureBeat(beat, ctx);
    options.observe?.(m, sim.time_s);
    beats++;
    history.push(m);
    if (history.length > cycle) {
      prev = history.shift() ?? null;
      if (prev !== null) {
        lastChange = relativeChange(m, prev);
        steady = lastChange < tol ? steady + 1 : 0;
      }
    }
    return steady >= need;
  });
  const converged = steady >= need;
  const list: Measurements[] = [];
  sim.advance(maxSeconds, (beat) => {
    list.push(measureBeat(beat, ctx));
    beats++;
    return list.length >= measured;
  });
  return {
    measurements: averageMeasurements(list),
    converged,
    beats,
    seconds: sim.time_s - t0,
    lastChange,
  };
}
