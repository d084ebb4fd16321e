/**
 * Scores of the planned state: the suggested SCAI SHOCK stage from its simulated haemodynamics with the
 * scenario's lactate and vasoactive drugs (parameters `lactate_mmol_L`, `vasoactiveDrugs`; not
 * simulated), one MCS device per pump in place; EuroSCORE II from the scenario's `euroscore2` block.
 */
import { type EuroScore2Result, euroscore2 } from "../../clinical/euroscore2.js";
import { scaiStage } from "../../clinical/scai.js";
import type { Measurements } from "../../measure/beat.js";
import { num, type Params } from "../../physiology/params.js";
import type { Devices } from "../circuit.js";
import type { Scenario } from "../types.js";
import type { ScaiResult } from "./types.js";

/** Rounded as a monitor shows them (the stage's reasons quote the values). */
const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export function scaiOf(m: Measurements, params: Params, devices: Devices): ScaiResult {
  const s = scaiStage({
    sbp_mmHg: r(m.sbp_mmHg, 0),
    map_mmHg: r(m.map_mmHg, 0),
    co_L_min: r(m.co_L_min, 2),
    cpo_W: r(m.cpo_W, 2),
    pcwp_mmHg: r(m.pcwp_mmHg, 0),
    rap_mmHg: r(m.rap_mmHg, 0),
    papi: r(m.papi, 2),
    lactate_mmol_L: num(params, "lactate_mmol_L"),
    vasoactiveDrugs: num(params, "vasoactiveDrugs"),
    mcsDevices: devices.impella ? 1 : 0,
  });
  return { stage: s.stage, reasons: s.reasons, source: s.source };
}

export function euroscore2Of(scenario: Scenario): EuroScore2Result | undefined {
  return scenario.euroscore2 ? euroscore2(scenario.euroscore2) : undefined;
}
