/**
 * Scores of the planned state: the suggested SCAI SHOCK stage from its simulated haemodynamics with the
 * scenario's lactate and vasoactive drugs (parameters `lactate_mmol_L`, `vasoactiveDrugs`; not
 * simulated), one MCS device per pump in place; EuroSCORE II from the scenario's `euroscore2` block.
 */
import { type EuroScore2Result, euroscore2 } from "../../clinical/euroscore2.js";
import type { Measurements } from "../../measure/beat.js";
import type { Params } from "../../physiology/params.js";
import type { Devices } from "../circuit.js";
import { scaiOf as scaiOfState } from "../scai-of.js";
import type { Scenario } from "../types.js";
import type { ScaiResult } from "./types.js";

export function scaiOf(m: Measurements, params: Params, devices: Devices): ScaiResult {
  const s = scaiOfState(m, params, devices.impella ? 1 : 0);
  return { stage: s.stage, reasons: s.reasons, source: s.source };
}

export function euroscore2Of(scenario: Scenario): EuroScore2Result | undefined {
  return scenario.euroscore2 ? euroscore2(scenario.euroscore2) : undefined;
}
