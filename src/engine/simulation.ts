/**
 * Runs an assembled model in time: fixed-step RK4, time as t0 + i·dt, beats found from the heart
 * clock's phase, every sample written to a per-beat trace (needed for beat-by-beat measurement) and,
 * only when someone listens, to a long recorder.
 */
import { Rk4 } from "./integrators/rk4.js";
import type { Model } from "./model.js";
import { Trace } from "./trace.js";

/**
 * Default step (s). With the flows' self-damping taken exponentially (integrators/rk4.ts) stability
 * no longer sets the step; at 8 ms every contract measurement stays within 0.6 % of a run at a ten
 * times finer step on the shock preset with and without Impella CP P6 and on the normal preset
 * (0.12 / 0.15 / 0.56 %; 10 ms: 0.28 / 0.32 / 0.74 %), measured by `npm run bench` (maxRelError_pct).
 */
export const DEFAULT_DT_S = 0.008;
/** Longest beat a trace can hold (s): 20 bpm. */
const MAX_BEAT_S = 3;

const SRC_Y = 0;
const SRC_P = 1;
const SRC_Q = 2;
const SRC_AUX = 3;
const SRC_S = 4;

export type BeatListener = (beat: Trace, beatIndex: number) => boolean | undefined;

export class Simulation {
  readonly model: Model;
  readonly dt_s: number;
  readonly channels: readonly string[];
  /** Samples of the beat in progress. */
  readonly beat: Trace;
  /** Optional long recording (set with record()). */
  recorder: Trace | null = null;
  private readonly integrator: Rk4;
  private readonly src: Int32Array;
  private readonly idx: Int32Array;
  /** For each source (y, p, q, aux, s): which trace columns take which array entries. */
  private readonly bySource: { cols: Int32Array; idx: Int32Array }[];
  private readonly beatBySource: { cols: Int32Array; idx: Int32Array }[];
  private readonly phaseIdx: number;
  private stepIndex = 0;
  /** Time spent in beat-locked steps (s), kept apart from the uniform grid t0 + i·dt. */
  private lockedTime = 0;
  /** Length of the step being taken (s): dt_s, or the beat-locked step. */
  private h = 0;
  private readonly periodSig: number;
  private readonly t0: number;
  beatsCompleted = 0;
  private recordEvery = 1;

  /**
   * @param beatChannels channels the per-beat trace keeps (default: all); fewer is faster, since
   * the beat trace is written at every step.
   */
  constructor(model: Model, dt_s = DEFAULT_DT_S, t0_s = 0, beatChannels?: readonly string[]) {
    this.model = model;
    this.dt_s = dt_s;
    this.t0 = t0_s;
    this.integrator = new Rk4(model.size);
    // dt_s: the time each sample stands for; the sample of the step in which a beat ends is split
    // between the two beats at the exact phase crossing, so per-beat integrals are exact.
    const names: string[] = ["t_s", "dt_s"];
    const src: number[] = [-1, -1];
    const idx: number[] = [-1, -1];
    const L = model.layout;
    L.nodeNames.forEach((n, i) => {
      names.push(`${n}.p_mmHg`, `${n}.v_mL`);
      src.push(SRC_P, SRC_Y);
      idx.push(i, model.nodes[i].volumeIndex);
    });
    L.linkNames.forEach((n, i) => {
      names.push(`${n}.q_mL_s`);
      src.push(SRC_Q);
      idx.push(i);
    });
    L.auxNames.forEach((n, i) => {
      names.push(n);
      src.push(SRC_AUX);
      idx.push(i);
    });
    for (const n of ["heart.hr_bpm", "heart.phase"]) {
      names.push(n);
      src.push(SRC_S);
      idx.push(model.signalIndex(n));
    }
    this.channels = names;
    this.src = Int32Array.from(src);
    this.idx = Int32Array.from(idx);
    this.bySource = this.sourcesFor(names);
    const beatNames = beatChannels ? names.filter((n, i) => i < 2 || beatChannels.includes(n)) : names;
    this.beat = new Trace(beatNames, Math.ceil(MAX_BEAT_S / dt_s) + 2);
    this.beatBySource = this.sourcesFor(beatNames);
    this.phaseIdx = model.stateIndex("heart.phase_beats");
    this.periodSig = model.signalIndex("heart.period_s");
    this.h = dt_s;
    this.sample = this.sample.bind(this);
  }

  /** For the given column names (a subset of `channels`, in order), which array entry feeds each. */
  private sourcesFor(names: readonly string[]): { cols: Int32Array; idx: Int32Array }[] {
    return [SRC_Y, SRC_P, SRC_Q, SRC_AUX, SRC_S].map((k) => {
      const cs: number[] = [];
      const is: number[] = [];
      names.forEach((n, c) => {
        const i = this.channels.indexOf(n);
        if (this.src[i] === k) {
          cs.push(c);
          is.push(this.idx[i]);
        }
      });
      return { cols: Int32Array.from(cs), idx: Int32Array.from(is) };
    });
  }

  /** Right-hand-side evaluations so far (integrator work, for the benchmark). */
  get evaluations(): number {
    return this.integrator.evaluations;
  }

  get time_s(): number {
    return this.t0 + this.stepIndex * this.dt_s + this.lockedTime;
  }

  /** Start a long recording of up to `seconds`, keeping every `every`-th sample. */
  record(seconds: number, every = 1): Trace {
    this.recordEvery = Math.max(1, Math.floor(every));
    this.recorder = new Trace(this.channels, Math.ceil(seconds / this.dt_s / this.recordEvery) + 2);
    return this.recorder;
  }

  private write(trace: Trace, t: number, bySource: { cols: Int32Array; idx: Int32Array }[]): void {
    if (trace.length >= trace.capacity) return;
    const row = trace.length++;
    const cols = trace.columns;
    const m = this.model;
    cols[0][row] = t;
    cols[1][row] = this.h;
    // One branch-free loop per source array.
    const src = bySource;
    for (let k = 0; k < 5; k++) {
      const arr = k === SRC_Y ? m.y : k === SRC_P ? m.p : k === SRC_Q ? m.q : k === SRC_AUX ? m.aux : m.s;
      const cs = src[k].cols;
      const is = src[k].idx;
      for (let j = 0; j < cs.length; j++) cols[cs[j]][row] = arr[is[j]];
    }
  }

  private sample(t: number): void {
    this.write(this.beat, t, this.beatBySource);
    const r = this.recorder;
    if (r !== null && this.stepIndex % this.recordEvery === 0) this.write(r, t, this.bySource);
  }

  /**
   * Advances by whole steps for `seconds`. `onBeat` sees each completed beat's trace; returning
   * true stops early (at the beat boundary). Returns the number of beats completed.
   */
  advance(seconds: number, onBeat?: BeatListener): number {
    const steps = Math.round(seconds / this.dt_s);
    let beats = 0;
    this.h = this.dt_s;
    for (let i = 0; i < steps; i++) {
      const t = this.t0 + this.stepIndex * this.dt_s + this.lockedTime;
      const r = this.stepAndDetect(t, onBeat);
      this.stepIndex++;
      if (r !== 0) beats++;
      if (r === 2) break;
    }
    return beats;
  }

  /**
   * Advances for about `seconds` with the step grid locked to the beat: each beat is taken in
   * equal steps close to dt_s (n = round(T_left/dt_s) steps of T_left/n, re-planned at every step as
   * the reflex moves T), the last of which ends a set offset past the beat boundary. The offset of
   * beat k is ((k mod strata)/strata)·dt_s: over any `strata` consecutive beats the grid takes
   * `strata` evenly spread phases against the beat. At a periodic steady state, the mean of those
   * beats then repeats exactly, instead of showing the slow beat/grid aliasing modulation of a
   * uniform grid (issue 10: 0.1-1 % in the mean gradient), and grid-sampled extremes (LVEDP at the
   * largest volume) are averaged over the step as on a uniform grid rather than biased to one phase.
   * Time is the sum of the locked steps (kept apart from the uniform grid's t0 + i·dt). Used for
   * steady-state runs; recordings use the uniform grid (advance).
   */
  advanceBeatLocked(seconds: number, onBeat?: BeatListener, strata = 1): number {
    const y = this.model.y;
    const start = this.lockedTime;
    let beats = 0;
    while (this.lockedTime - start < seconds - 1e-9) {
      const phi = y[this.phaseIdx];
      const period = this.model.s[this.periodSig];
      const k = this.beatsCompleted;
      const offset = ((k % strata) / strata) * (this.dt_s / period);
      // Land `offset` (in beats) past the next boundary; a landing a sliver ahead (under a quarter
      // step) belongs to this step: plan to the following one.
      let left = Math.floor(phi - offset) + 1 + offset - phi;
      if (left * period < 0.25 * this.dt_s) left += 1;
      const tLeft = left * period;
      const n = Math.max(1, Math.round(tLeft / this.dt_s));
      this.h = tLeft / n;
      const t = this.t0 + this.stepIndex * this.dt_s + this.lockedTime;
      const r = this.stepAndDetect(t, onBeat);
      this.lockedTime += this.h;
      if (r !== 0) beats++;
      if (r === 2) break;
    }
    this.h = this.dt_s;
    return beats;
  }

  /** One step of length this.h from time t; 0 = within a beat, 1 = a beat ended, 2 = and the listener stops. */
  private stepAndDetect(t: number, onBeat: BeatListener | undefined): number {
    const m = this.model;
    const y = m.y;
    const h = this.h;
    const phiBefore = y[this.phaseIdx];
    this.integrator.step(m, t, y, h, this.sample);
    const phiAfter = y[this.phaseIdx];
    if (Math.floor(phiAfter) === Math.floor(phiBefore)) return 0;
    this.beatsCompleted++;
    const beat = this.beat;
    const last = beat.length - 1;
    const f = (Math.floor(phiAfter) - phiBefore) / (phiAfter - phiBefore);
    const dtCol = beat.columns[1];
    if (last >= 0) dtCol[last] = f * h;
    const stop = onBeat !== undefined && onBeat(beat, this.beatsCompleted) === true;
    // The rest of that step belongs to the new beat: carry the sample over with its share.
    if (last >= 0) {
      const cols = beat.columns;
      for (let c = 0; c < cols.length; c++) cols[c][0] = cols[c][last];
      dtCol[0] = (1 - f) * h;
      beat.length = 1;
    } else beat.length = 0;
    return stop ? 2 : 1;
  }

  /** Checks the state for NaN/∞ or negative volumes; returns a message naming the slot, or null. */
  checkState(): string | null {
    const m = this.model;
    for (let i = 0; i < m.size; i++) {
      if (!Number.isFinite(m.y[i]))
        return `${m.layout.stateNames[i]} is not finite at t = ${this.time_s.toFixed(3)} s`;
    }
    for (const n of m.nodes) {
      if (m.y[n.volumeIndex] < 0)
        return `${n.name} volume is negative (${m.y[n.volumeIndex].toFixed(1)} mL) at t = ${this.time_s.toFixed(3)} s`;
    }
    return null;
  }
}
