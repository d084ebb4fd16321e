/**
 * Periodic steady state, robust to beat/grid aliasing (issue 10).
 *
 * Criterion: the run advances beat-locked (Simulation.advanceBeatLocked: every beat in equal steps
 * ending on the beat boundary, grid phase stratified over the window), per-beat measurements are
 * averaged over windows of `windowBeats` beats, and the run is steady when, for every watched
 * measurement, the estimated distance from its limit (the change between the last two window means
 * plus the geometric remainder of a decaying trend) is below max(`tolerance`·|value|, a nil change,
 * the standard error of the beat-to-beat scatter) for `consecutive` windows in a row (windowChange).
 * The result is the last window's mean; `converged` is false when the cap came first.
 *
 * Why: on a uniform grid the beat length is not a multiple of the step (137.4 steps per beat at
 * HR 109), so per-beat values alternate and drift slowly in phase (0.1-1 %) and a beat-to-beat rule
 * reads "not steady" for ever; beat-locked windows repeat exactly. Slow modes (reflex and venous
 * volume shifts τ ≈ 17 s; the coronary/myocardial states in the wean case τ ≈ 40 s) change by a small
 * fraction of their distance per window, hence the remainder. Tolerance 0.4 % on the estimated
 * distance keeps converged states within 0.5 % of a 400 s run (test/verification/steady-state.test.ts).
 */
import type { Simulation } from "../engine/simulation.js";
import { type BeatContext, type Measurements, measureBeat, NUMERIC_KEYS } from "../measure/beat.js";
import { mrGrade } from "../measure/mr-grade.js";

/**
 * Measurements watched for convergence, with the absolute change that counts as nil whatever the
 * value (below the displayed resolution) [E]. A change is steady when it is below
 * max(tolerance·|value|, nil): a 0.4 mL closing backflow is not required to settle to 0.2 %.
 */
const WATCH: ReadonlyArray<[keyof Measurements, number]> = [
  ["map_mmHg", 0.1],
  ["co_L_min", 0.01],
  ["lvedv_mL", 0.2],
  ["lvesv_mL", 0.2],
  ["lap_mean_mmHg", 0.05],
  ["rap_mmHg", 0.05],
  ["pap_mean_mmHg", 0.05],
  ["mr_rvol_mL", 0.1],
  ["mv_gradient_mean_mmHg", 0.02],
  ["pump_flow_L_min", 0.01],
  ["hr_bpm", 0.1],
];

export interface SteadyStateOptions {
  /** Relative estimated distance from the limit that counts as steady (default 0.004; see windowChange). */
  tolerance?: number;
  /** Window comparisons in a row that must be steady (default 2). */
  consecutive?: number;
  /** Beats per window (default 8). */
  windowBeats?: number;
  /** Give up after this much simulated time (s, default 150). */
  maxSeconds?: number;
  /** Sees every measured beat with the simulation time at its end (e.g. to time a collapse). */
  observe?: (m: Measurements, time_s: number) => void;
}

export interface SteadyStateResult {
  /** Mean of the last window. */
  measurements: Measurements;
  /** True when the criterion was met before maxSeconds. */
  converged: boolean;
  beats: number;
  seconds: number;
  /** Largest change between the last two window means, relative (see steadyChange: tolerance × ratio). */
  lastChange: number;
}

export const STEADY_TOLERANCE = 0.004;
export const STEADY_WINDOW_BEATS = 8;
export const STEADY_MAX_SECONDS = 150;

/**
 * The largest change of a watched measurement between a and b, in units of its allowance
 * max(tolerance·|b|, nil): below 1 means steady.
 */
export function steadyChange(a: Measurements, b: Measurements, tolerance = STEADY_TOLERANCE): number {
  let worst = 0;
  for (const [k, nil] of WATCH) {
    const x = a[k] as number;
    const y = b[k] as number;
    const c = Math.abs(x - y) / Math.max(tolerance * Math.abs(y), nil);
    if (c > worst) worst = c;
  }
  return worst;
}

/** Largest relative change of a watched measurement (relative to max(|b|, nil/STEADY_TOLERANCE)). */
export function relativeChange(a: Measurements, b: Measurements): number {
  return steadyChange(a, b) * STEADY_TOLERANCE;
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
  out.mr_grade = mrGrade(out.mr_eroa_cm2, out.mr_rvol_mL, out.mr_rf_pct);
  out.suction = out.suction_fraction > 0.2;
  out.aortic_valve_opens = list.filter((m) => m.aortic_valve_opens).length * 2 >= list.length;
  out.pv_systolic_reversal = list.filter((m) => m.pv_systolic_reversal).length * 2 >= list.length;
  return out;
}

/** Allowance in standard errors of a window mean for beat-to-beat scatter (≈ 3σ of a difference of two means). */
const SCATTER_SE = 4;

export function runToSteadyState(
  sim: Simulation,
  ctx: BeatContext,
  options: SteadyStateOptions = {},
): SteadyStateResult {
  const tol = options.tolerance ?? STEADY_TOLERANCE;
  const need = options.consecutive ?? 2;
  const window = Math.max(2, options.windowBeats ?? STEADY_WINDOW_BEATS);
  const maxSeconds = options.maxSeconds ?? STEADY_MAX_SECONDS;
  const t0 = sim.time_s;
  let prev: Measurements | null = null;
  let last: Measurements | null = null;
  const trend = new Float64Array(WATCH.length);
  let steady = 0;
  let beats = 0;
  let lastChange = Infinity;
  let firstSkipped = false;
  let list: Measurements[] = [];
  sim.advanceBeatLocked(
    maxSeconds,
    (beat) => {
      // The first (partial) beat after a restart is not a whole beat.
      if (!firstSkipped) {
        firstSkipped = true;
        return false;
      }
      const m = measureBeat(beat, ctx);
      options.observe?.(m, sim.time_s);
      list.push(m);
      beats++;
      if (list.length < window) return false;
      const mean = averageMeasurements(list);
      if (prev !== null) {
        const c = windowChange(mean, prev, list, tol, trend);
        lastChange = c * tol;
        steady = c < 1 ? steady + 1 : 0;
      }
      list = [];
      prev = mean;
      last = mean;
      return steady >= need;
    },
    window,
  );
  const converged = steady >= need;
  // A cap shorter than one window: measure what there is, or one more beat.
  if (last === null) {
    if (list.length === 0)
      sim.advanceBeatLocked(
        60,
        (beat) => {
          list.push(measureBeat(beat, ctx));
          beats++;
          return true;
        },
        window,
      );
    last = averageMeasurements(list);
  }
  return { measurements: last, converged, beats, seconds: sim.time_s - t0, lastChange };
}

/**
 * The largest estimated distance of a watched measurement from its limit, in units of its allowance
 * max(tol·|previous|, nil, SCATTER_SE·σ/√W) (below 1 means steady). σ is the beat-to-beat scatter
 * within the window from successive differences (σ² = mean((x_{k+1} − x_k)²)/2, blind to a smooth
 * trend, so a drifting transient gets no extra allowance while grid aliasing and a reflex oscillation
 * do). The distance is the change d between the two window means plus, when the previous change
 * d' was a trend (beyond the scatter allowance, same sign, |d| < |d'|), the geometric remainder
 * d·r/(1 − r), r = d/d' (≤ 0.95): a slow mode (τ ≈ 40 s in the wean case) changes by only a few
 * tenths of its distance per window, and without the remainder would pass as steady 1 % short.
 * `trend` holds, per watched measurement, the previous change and receives this one.
 */
export function windowChange(
  mean: Measurements,
  prev: Measurements,
  beats: readonly Measurements[],
  tol: number,
  trend?: Float64Array,
): number {
  let worst = 0;
  for (let j = 0; j < WATCH.length; j++) {
    const [k, nil] = WATCH[j];
    const x = mean[k] as number;
    const y = prev[k] as number;
    let d2 = 0;
    for (let i = 1; i < beats.length; i++) {
      const d = (beats[i][k] as number) - (beats[i - 1][k] as number);
      d2 += d * d;
    }
    const sigma = Math.sqrt(d2 / (2 * Math.max(1, beats.length - 1)));
    const scatter = (SCATTER_SE * sigma) / Math.sqrt(beats.length);
    const allowance = Math.max(tol * Math.abs(y), nil, scatter);
    const d = x - y;
    let distance = Math.abs(d);
    if (trend !== undefined) {
      const dPrev = trend[j];
      if (Math.abs(dPrev) > Math.max(scatter, nil) && d * dPrev > 0) {
        const r = Math.min(0.95, d / dPrev);
        distance += Math.abs((d * r) / (1 - r));
      }
      trend[j] = d;
    }
    const c = distance / allowance;
    if (c > worst) worst = c;
  }
  return worst;
}
