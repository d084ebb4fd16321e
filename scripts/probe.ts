// Dev probe (not part of the product): key numbers of a state, plus means of named channels.
import { presetParams } from "../src/physiology/params.js";
import type { Devices } from "../src/procedure/circuit.js";
import { runState } from "../src/procedure/run-state.js";

export function probe(
  label: string,
  params: Record<string, unknown>,
  devices: Devices,
  from?: Record<string, number>,
) {
  const r = runState(params as never, devices, { record_s: 3, from });
  const w = r.waveforms!;
  const mean = (c: string) => {
    if (!w.has(c)) return NaN;
    const x = w.col(c);
    let s = 0;
    for (let i = 0; i < w.length; i++) s += x[i];
    return s / w.length;
  };
  const m = r.measurements;
  console.log(
    label,
    JSON.stringify({
      conv: r.converged,
      t: +r.simulated_s.toFixed(0),
      map: +m.map_mmHg.toFixed(1),
      co: +m.co_L_min.toFixed(2),
      pump: +m.pump_flow_L_min.toFixed(2),
      edv: +m.lvedv_mL.toFixed(0),
      esv: +m.lvesv_mL.toFixed(0),
      edp: +m.lvedp_mmHg.toFixed(1),
      lap: +m.lap_mean_mmHg.toFixed(1),
      rap: +m.rap_mmHg.toFixed(1),
      eroa: +m.mr_eroa_cm2.toFixed(3),
      rvol: +m.mr_rvol_mL.toFixed(1),
      grade: m.mr_grade,
      grad: +m.mv_gradient_mean_mmHg.toFixed(2),
      qcor_mL_min: +(mean("coronary.q_mL_s") * 60).toFixed(0),
      drive: +mean("coronary.drive_mmHg").toFixed(1),
      sup: +mean("myocardium.o2Supply_mL_s").toFixed(3),
      dem: +mean("myocardium.o2Demand_mL_s").toFixed(3),
      ratio: +mean("myocardium.supplyDemandRatio").toFixed(3),
      fn: +mean("myocardium.function").toFixed(3),
    }),
  );
  return r;
}

if (process.argv[1]?.endsWith("probe.ts")) {
  probe("normal", presetParams("normal"), { impella: null, clips: [] });
  probe("shock", presetParams("cardiogenic-shock-acute-mr"), { impella: null, clips: [] });
}
