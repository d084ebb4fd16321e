/**
 * Pressure-volume loops of the four chambers from a recorded trace (e.g. `runState(..., { record_s })`).
 * Views into the trace's columns, no copy: the loop of beat k is rows [start, end) of the same trace.
 */
import type { Trace } from "../engine/trace.js";

export type Chamber = "lv" | "la" | "rv" | "ra";
export const CHAMBERS: readonly Chamber[] = ["lv", "la", "rv", "ra"];

export interface PvLoop {
  p_mmHg: Float64Array;
  v_mL: Float64Array;
}

export function pvLoops(trace: Trace, start = 0, end = trace.length): Record<Chamber, PvLoop> {
  const out = {} as Record<Chamber, PvLoop>;
  for (const c of CHAMBERS) {
    out[c] = {
      p_mmHg: trace.col(`${c}.p_mmHg`).subarray(start, end),
      v_mL: trace.col(`${c}.v_mL`).subarray(start, end),
    };
  }
  return out;
}
