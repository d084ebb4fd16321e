/**
 * Turns a chunk of engine samples into the columns the page draws (CHUNK_CHANNELS order): display
 * time, engine channels as they are, and the derived ones — transmitral flow split into forward flow
 * and regurgitant jet, mitral inflow velocity (q / area) and the MR jet velocity from the simplified
 * Bernoulli relation ΔP = 4v² (negative, below the baseline as on continuous-wave Doppler). A channel
 * the circuit lacks (the pump when there is none) is zeros.
 */
import { CHUNK_CHANNELS } from "./protocol.js";

/** The part of an engine trace read here. */
export interface SampleColumns {
  length: number;
  has(name: string): boolean;
  col(name: string): Float64Array;
}

/**
 * Backflow through a closed mitral valve below this (mL/s) is the model's regularising leak and the
 * closing volume, not a jet: Doppler would show no MR signal (issue 13: no -5 m/s jet in a normal heart).
 */
export const JET_MIN_FLOW_ML_S = 10;

/** Smallest mitral area used for velocities (cm²), so a closed orifice gives no infinite speed. */
const MIN_AREA_CM2 = 1e-3;

export function chunkColumns(tr: SampleColumns, offset_s: number): Float64Array[] {
  const n = tr.length;
  const cols = CHUNK_CHANNELS.map(() => new Float64Array(n));
  const q = tr.col("mv.q_mL_s");
  for (let c = 0; c < CHUNK_CHANNELS.length; c++) {
    const name = CHUNK_CHANNELS[c];
    const out = cols[c];
    switch (name) {
      case "t_s": {
        const t = tr.col("t_s");
        for (let i = 0; i < n; i++) out[i] = t[i] - offset_s;
        break;
      }
      case "mv.fwd_mL_s":
        for (let i = 0; i < n; i++) out[i] = q[i] > 0 ? q[i] : 0;
        break;
      case "mv.reg_mL_s":
        for (let i = 0; i < n; i++) out[i] = q[i] < 0 ? q[i] : 0;
        break;
      case "mv.inflow_m_s": {
        const a = tr.col("mv.area_cm2");
        for (let i = 0; i < n; i++) out[i] = q[i] > 0 ? q[i] / Math.max(a[i], MIN_AREA_CM2) / 100 : 0;
        break;
      }
      case "mr.jet_m_s": {
        const plv = tr.col("lv.p_mmHg");
        const pla = tr.col("la.p_mmHg");
        for (let i = 0; i < n; i++)
          out[i] = q[i] < -JET_MIN_FLOW_ML_S ? -Math.sqrt(Math.max(plv[i] - pla[i], 0) / 4) : 0;
        break;
      }
      default:
        if (tr.has(name)) out.set(tr.col(name).subarray(0, n));
    }
  }
  return cols;
}
