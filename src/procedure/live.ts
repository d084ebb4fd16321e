/**
 * A live session: one patient whose parameters and devices change while it runs, as in the web
 * app. Every change rebuilds the circuit and carries the state over (the same patient continues);
 * `fastForward` runs to the new steady state without recording, `advance` runs in real time chunks
 * and returns the samples and the beats completed.
 */

import type { Simulation } from "../engine/simulation.js";
import type { Trace } from "../engine/trace.js";
import type { BeatContext } from "../measure/beat.js";
import { type Measurements, measureBeat } from "../measure/beat.js";
import type { Params, ParamValue } from "../physiology/params.js";
import type { Devices } from "./circuit.js";
import { applyStep, initialParams } from "./execute.js";
import { beatContext, createSimulation, stateByName } from "./run-state.js";
import { runToSteadyState } from "./steady-state.js";
import type { ClipRequest, ImpellaRequest, Scenario, Step } from "./types.js";

export interface LiveChunk {
  /** Samples of this chunk (columns as Simulation.channels). */
  trace: Trace;
  /** Measurements of beats completed during the chunk. */
  beats: Measurements[];
}

export class LiveSession {
  params: Params;
  devices: Devices = { impella: null, clips: [] };
  latest: Measurements | null = null;
  private sim: Simulation;
  private ctx: BeatContext;
  private readonly dt_s: number;
  private stepCount = 0;

  constructor(scenario: Scenario, dt_s = 0.002) {
    this.dt_s = dt_s;
    this.params = initialParams(scenario);
    this.sim = createSimulation(this.params, this.devices, undefined, dt_s);
    this.ctx = beatContext(this.params, this.devices);
  }

  get channels(): readonly string[] {
    return this.sim.channels;
  }

  get time_s(): number {
    return this.sim.time_s;
  }

  /** Applies a scenario step (cumulative); throws InputError for impossible requests. */
  applyStep(step: Step): void {
    const r = applyStep(step, this.stepCount++, this.params, this.devices);
    this.rebuild(r.params, r.devices);
  }

  setParams(patch: Record<string, ParamValue>): void {
    this.applyStep({ name: "set", set: patch });
  }

  setImpella(req: ImpellaRequest | null): void {
    this.applyStep({ name: "impella", impella: req });
  }

  addClip(req: ClipRequest): void {
    this.applyStep({ name: "clip", clip: req });
  }

  removeClip(index: number): void {
    const clips = this.devices.clips.filter((_, i) => i !== index);
    this.rebuild(this.params, { ...this.devices, clips });
  }

  private rebuild(params: Params, devices: Devices): void {
    const from = stateByName(this.sim);
    const t = this.sim.time_s;
    this.params = params;
    this.devices = devices;
    this.sim = createSimulation(params, devices, from, this.dt_s, t);
    this.ctx = beatContext(params, devices);
  }

  /** Runs to periodic steady state (no recording); returns its measurements. */
  fastForward(maxSeconds = 300): Measurements {
    const r = runToSteadyState(this.sim, this.ctx, { maxSeconds });
    this.latest = r.measurements;
    return r.measurements;
  }

  /**
   * Measures the next whole beat and stays there (no steady state): the state a change starts from,
   * for watching the transient unfold.
   */
  lookNow(): Measurements {
    let first = true;
    let m: Measurements | null = null;
    this.sim.advance(10, (beat) => {
      if (first) {
        first = false;
        return false;
      }
      m = measureBeat(beat, this.ctx);
      return true;
    });
    if (m === null) throw new Error("no whole beat in 10 s");
    this.latest = m;
    return m;
  }

  /** Runs `seconds` of simulated time, recording every `every`-th sample. */
  advance(seconds: number, every = 1): LiveChunk {
    const rec = this.sim.record(seconds, every);
    const beats: Measurements[] = [];
    this.sim.advance(seconds, (beat) => {
      const m = measureBeat(beat, this.ctx);
      beats.push(m);
      this.latest = m;
      return false;
    });
    this.sim.recorder = null;
    return { trace: rec, beats };
  }
}
