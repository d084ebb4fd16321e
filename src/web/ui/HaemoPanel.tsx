/** Haemodynamics as on the monitor, with the suggested SCAI stage and the figures that decide it. */

import type { Measurements } from "../../measure/beat.js";
import { fmt } from "../app/format.js";
import { type Params, scaiOf } from "../domain.js";
import { Readout } from "./Readout.js";

export function HaemoPanel({
  m,
  params,
  mcsDevices,
}: {
  m: Measurements;
  params: Params;
  mcsDevices: number;
}) {
  let scai: { stage: string; reasons: string[]; source: string } | null = null;
  try {
    // The same rule as `clipshock plan`: haemodynamics, the patient's lactate and drugs, the pump.
    scai = scaiOf(m, params, mcsDevices);
  } catch {
    scai = null;
  }
  return (
    <section class="panel" aria-labelledby="haemo-h">
      <h2 id="haemo-h">Haemodynamics</h2>
      <div class="readouts">
        <Readout
          label="MAP"
          value={fmt(m.map_mmHg)}
          unit="mmHg"
          testId="map"
          tone={m.map_mmHg < 65 ? "alarm" : "big"}
        />
        <Readout label="BP (mmHg)" value={`${fmt(m.sbp_mmHg)}/${fmt(m.dbp_mmHg)}`} testId="bp" />
        <Readout label="HR" value={fmt(m.hr_bpm)} unit="/min" testId="hr" />
        <Readout label="CO total" value={fmt(m.co_L_min, 2)} unit="L/min" testId="co" />
        <Readout
          label="CO native"
          value={m.aortic_valve_opens ? fmt(Math.max(0, m.native_co_L_min), 2) : "AV shut"}
          unit={m.aortic_valve_opens ? "L/min" : undefined}
          testId="native-co"
          title="Forward flow through the aortic valve; when the valve stays shut all output is the pump's"
        />
        <Readout
          label="CPO"
          value={fmt(m.cpo_W, 2)}
          unit="W"
          testId="cpo"
          tone={m.cpo_W < 0.6 ? "alarm" : "normal"}
        />
        <Readout
          label="PCWP"
          value={fmt(m.pcwp_mmHg)}
          unit="mmHg"
          testId="pcwp"
          tone={m.pcwp_mmHg > 18 ? "alarm" : "normal"}
        />
        <Readout label="RAP" value={fmt(m.rap_mmHg)} unit="mmHg" testId="rap" />
        <Readout label="PAP mean" value={fmt(m.pap_mean_mmHg)} unit="mmHg" testId="pap" />
        <Readout label="LVEDP" value={fmt(m.lvedp_mmHg)} unit="mmHg" testId="lvedp" />
        <Readout label="PAPi" value={fmt(m.papi, 1)} testId="papi" />
        <Readout
          label="Coronary perf."
          value={fmt(m.coronary_perfusion_mmHg)}
          unit="mmHg"
          testId="coronary-perfusion"
          title="Coronary perfusion pressure: aortic diastolic minus LV end-diastolic pressure"
          tone={m.coronary_perfusion_mmHg < 50 ? "alarm" : "normal"}
        />
        <Readout
          label="Coronary flow"
          value={fmt(m.coronary_flow_mL_min)}
          unit="mL/min"
          testId="coronary-flow"
        />
        <Readout
          label="O2 reserve"
          value={fmt(m.coronary_reserve_ratio, 2)}
          testId="coronary-reserve"
          title="Myocardial O2 supply at maximal coronary dilation over demand: below 1 the myocardium is ischaemic"
          tone={m.coronary_reserve_ratio < 1 ? "alarm" : "normal"}
        />
        <Readout
          label="LV function"
          value={fmt(m.lv_function_pct)}
          unit="%"
          testId="lv-function"
          title="The LV's perfusion-limited function, % of the fully supplied heart"
          tone={m.lv_function_pct < 90 ? "alarm" : "normal"}
        />
        <Readout
          label="SCAI stage"
          value={scai?.stage ?? "–"}
          testId="scai"
          title={scai ? `Suggested stage: ${scai.reasons.join("; ")}\n${scai.source}` : undefined}
        />
      </div>
    </section>
  );
}
