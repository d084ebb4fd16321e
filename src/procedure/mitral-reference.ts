/**
 * The patient's own reference operating point for the tethering law (orifice-valve.ts): the LV volume
 * and LV−LA closing pressure at which the regurgitant orifice is the stated `mr.eroa_cm2`. Found by
 * simulating the patient as given (no devices, no clips, orifice held at its stated size, myocardium
 * fully supplied so that the reference does not depend on which branch of the shock spiral a run is
 * on) and averaging over systole weighted by the regurgitant flow, i.e. where the orifice matters.
 * Explicit values (> 0) in the parameters are kept.
 */
import { assemble } from "../engine/assemble.js";
import { DEFAULT_DT_S, Simulation } from "../engine/simulation.js";
import { MEASURED_CHANNELS } from "../measure/beat.js";
import { MIN_MR_REF_DP_MMHG, MIN_MR_REF_VOLUME_ML, num, type Params } from "../physiology/params.js";

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

import { buildCircuit } from "./circuit.js";
import { runToSteadyState } from "./steady-state.js";

export interface MitralReference {
  refVolume_mL: number;
  dpRef_mmHg: number;
}

const memo = new Map<string, MitralReference>();
const MEMO_SIZE = 256;

/** Params with `mr.refVolume_mL` and `mr.dpRef_mmHg` resolved (unchanged when both are given or there is no MR). */
export function resolveMitralReference(params: Params): Params {
  const v = num(params, "mr.refVolume_mL");
  const d = num(params, "mr.dpRef_mmHg");
  if ((v > 0 && d > 0) || num(params, "mr.eroa_cm2") <= 0) return params;
  const ref = mitralReference(params);
  return {
    ...params,
    "mr.refVolume_mL": v > 0 ? v : ref.refVolume_mL,
    "mr.dpRef_mmHg": d > 0 ? d : ref.dpRef_mmHg,
  };
}

export function mitralReference(params: Params): MitralReference {
  const key = JSON.stringify(params);
  const hit = memo.get(key);
  if (hit) return hit;
  const spec = buildCircuit(
    // Placeholders: a run held at the reference reads neither.
    { ...params, "mr.refVolume_mL": 100, "mr.dpRef_mmHg": 100 },
    { impella: null, clips: [] },
    { frozenMyocardium: true, mitralAtReference: true },
  );
  const sim = new Simulation(assemble(spec), DEFAULT_DT_S, 0, MEASURED_CHANNELS);
  const ctx = { segmentShares: { A1P1: 0, A2P2: 0, A3P3: 0 }, pLevelOf: () => 0, cao2_mL_dL: 0 };
  runToSteadyState(sim, ctx, { maxSeconds: 150 });
  const rec = sim.record(2);
  sim.advance(2);
  const q = rec.col("mv.q_mL_s");
  const vol = rec.col("lv.v_mL");
  const pLv = rec.col("lv.p_mmHg");
  const pLa = rec.col("la.p_mmHg");
  let wSum = 0;
  let vSum = 0;
  let dSum = 0;
  for (let i = 0; i < rec.length; i++) {
    if (q[i] >= 0) continue;
    const w = -q[i];
    wSum += w;
    vSum += w * vol[i];
    dSum += w * (pLv[i] - pLa[i]);
  }
  // Derived values obey the same bounds as given ones: a heart too weak to build a closing pressure
  // of 20 mmHg (or smaller than 30 mL) is referenced to those bounds.
  let maxVol = 0;
  for (let i = 0; i < rec.length; i++) if (vol[i] > maxVol) maxVol = vol[i];
  const ref: MitralReference = {
    refVolume_mL: clamp(wSum > 0 ? vSum / wSum : maxVol, MIN_MR_REF_VOLUME_ML, 400),
    dpRef_mmHg: clamp(wSum > 0 ? dSum / wSum : 60, MIN_MR_REF_DP_MMHG, 200),
  };
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(key, ref);
  return ref;
}
