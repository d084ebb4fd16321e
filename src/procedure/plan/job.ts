/**
 * One unit of planner work: a haemodynamic state (parameters + devices) run to periodic steady state,
 * starting from a nearby state. Plain data in and out, so it can cross to a worker thread.
 */
import type { Measurements } from "../../measure/beat.js";
import { num, type Params } from "../../physiology/params.js";
import type { Devices } from "../circuit.js";
import { runState } from "../run-state.js";
import type { CollapseReport } from "../types.js";
import type { PvLoop } from "./types.js";

export interface StateJob {
  params: Params;
  devices: Devices;
  from?: Record<string, number>;
  /** Also record one beat of LV pressure and volume. */
  pvLoop?: boolean;
  /** Measure after this many seconds (a timed look) instead of at steady state. */
  hold_s?: number;
}

export type StateOutcome =
  | {
      ok: true;
      measurements: Measurements;
      converged: boolean;
      assessment: "steady-state" | "timed";
      collapse: CollapseReport;
      state: Record<string, number>;
      pvLoop?: PvLoop;
    }
  | { ok: false; error: string };

/** Points kept of a recorded PV loop. */
const PV_POINTS = 160;

export function runJob(job: StateJob): StateOutcome {
  try {
    const beat_s = 60 / num(job.params, "hr_bpm");
    const r = runState(job.params, job.devices, {
      from: job.from,
      record_s: job.pvLoop ? beat_s : 0,
      hold_s: job.hold_s,
    });
    const out: StateOutcome = {
      ok: true,
      measurements: r.measurements,
      converged: r.converged,
      assessment: r.assessment,
      collapse: r.collapse,
      state: r.state,
    };
    if (job.pvLoop && r.waveforms) {
      const p = r.waveforms.col("lv.p_mmHg");
      const v = r.waveforms.col("lv.v_mL");
      const n = r.waveforms.length;
      const stride = Math.max(1, Math.floor(n / PV_POINTS));
      const loop: PvLoop = { p_mmHg: [], v_mL: [] };
      for (let i = 0; i < n; i += stride) {
        loop.p_mmHg.push(p[i]);
        loop.v_mL.push(v[i]);
      }
      out.pvLoop = loop;
    }
    return out;
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
