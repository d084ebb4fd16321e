/**
 * The suggested SCAI SHOCK stage of a simulated state, one rule for every face (plan, report, web):
 * the state's haemodynamics rounded as a monitor shows them, the patient's lactate and vasoactive drugs
 * (parameters `lactate_mmol_L`, `vasoactiveDrugs`: given, not simulated) and the MCS devices in place.
 * Imports no parser, so the web app's first download stays small.
 */
import { type ScaiSuggestion, scaiStage } from "../clinical/scai.js";
import type { Measurements } from "../measure/beat.js";
import { num, type Params } from "../physiology/params.js";

const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function scaiOf(m: Measurements, params: Params, mcsDevices: number): ScaiSuggestion {
  return scaiStage({
    sbp_mmHg: r(m.sbp_mmHg, 0),
    map_mmHg: r(m.map_mmHg, 0),
    co_L_min: r(m.co_L_min, 2),
    cpo_W: r(m.cpo_W, 2),
    pcwp_mmHg: r(m.pcwp_mmHg, 0),
    rap_mmHg: r(m.rap_mmHg, 0),
    papi: r(m.papi, 2),
    lactate_mmol_L: num(params, "lactate_mmol_L"),
    vasoactiveDrugs: num(params, "vasoactiveDrugs"),
    mcsDevices,
  });
}
