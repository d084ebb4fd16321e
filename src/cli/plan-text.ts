/** The plain-text summary `plan` prints without `--json`. */

import type { Measurements } from "../measure/beat.js";
import { describeClips } from "../procedure/plan/rank.js";
import { describeWeanLevel } from "../procedure/plan/support.js";
import type { PlanResult } from "../procedure/plan/types.js";
import { outlookText } from "../procedure/plan/wean.js";
import { escapeText } from "../text/escape-text.js";

/** x to d decimals, never "-0.0". */
const f = (x: number, d = 1) => {
  const s = x.toFixed(d);
  return Number(s) === 0 ? (0).toFixed(d) : s;
};
const pad = (s: string, n: number) => s.padEnd(n);

function weanRow(label: string, m: Measurements | null): string {
  if (!m) return `  ${pad(label, 34)} -`;
  return `  ${pad(label, 34)} grade ${m.mr_grade}  RVol ${pad(`${f(m.mr_rvol_mL)} mL`, 8)}  RF ${pad(`${f(m.mr_rf_pct)} %`, 6)}  gradient ${f(m.mv_gradient_mean_mmHg, 2)} mmHg  pump ${f(m.pump_flow_L_min)} L/min`;
}

export function planText(r: PlanResult): string {
  const out: string[] = [];
  out.push(escapeText(r.scenario.title), `Plan after step ${r.atIndex} "${escapeText(r.at)}"`, "");
  out.push(`BOTTOM LINE (${r.bottomLine.action}): ${r.bottomLine.text}`, "");
  const h = r.haemodynamics;
  out.push(
    "Haemodynamics now",
    `  HR ${f(h.hr_bpm, 0)} bpm  BP ${f(h.sbp_mmHg, 0)}/${f(h.dbp_mmHg, 0)} (MAP ${f(h.map_mmHg, 0)}) mmHg  CO ${f(h.co_L_min, 2)} L/min (native ${f(h.native_co_L_min, 2)}, pump ${f(h.pump_flow_L_min, 2)})  CPO ${f(h.cpo_W, 2)} W`,
    `  LVEDP ${f(h.lvedp_mmHg)}  PCWP ${f(h.pcwp_mmHg)}  RAP ${f(h.rap_mmHg)}  mPAP ${f(h.pap_mean_mmHg)} mmHg  LVEF ${f(h.lvef_pct, 0)} %  SVR ${f(h.svr_wood)} WU (${f(h.svr_dyn_s_cm5, 0)} dyn·s/cm⁵)`,
    `  coronary perfusion ${f(h.coronary_perfusion_mmHg)} mmHg  MR grade ${h.mr_grade} (${f(h.mr_rvol_mL)} mL/beat)  mean gradient ${f(h.mv_gradient_mean_mmHg, 2)} mmHg  Hb ${f(h.hb_g_dL)} g/dL`,
    "",
  );
  const w = r.weanTest;
  out.push(`Wean test (${w.note})`);
  out.push(weanRow(`current: ${describeWeanLevel(w.settings, "current")}`, w.current));
  out.push(
    weanRow(
      `low, after ${w.assessmentHold_s} s: ${describeWeanLevel(w.settings, "lowSupport")}`,
      w.lowSupport,
    ),
  );
  out.push(weanRow("low support, settled", w.lowSupportSettled));
  out.push(weanRow("pump stopped (P0, in place)", w.pumpStopped));
  out.push(
    `  support hides MR: ${w.supportHidesMR ? "yes" : "no"}${w.eroaRatio !== null ? ` (orifice at low support ${f(w.eroaRatio, 2)} × the current one)` : ""}`,
  );
  if (w.outlook) out.push(`  left at low support: ${outlookText(w.outlook)}`);
  out.push("");
  const g = r.gradient;
  const c = g.contributions_mmHg;
  out.push(
    `Gradient: ${f(g.current_mmHg, 2)} mmHg now, ${f(g.reference_mmHg, 2)} mmHg at reference (HR ${g.reference.hr_bpm}, Hb ${g.reference.hb_g_dL}, no pump); valve area ${f(g.valveArea_cm2, 2)} cm²`,
    `  from flow ${f(c.flow, 2)}, heart rate ${f(c.heartRate, 2)}, anaemia ${f(c.anaemia, 2)} mmHg (Shapley)`,
    "",
  );
  const s = r.clipSearch;
  if (s) {
    out.push(
      `Clip strategies (up to ${s.maxClips} clip${s.maxClips === 1 ? "" : "s"}; ${s.criteria.support === "no pump" ? "no pump" : `at ${s.criteria.support}`}; gradient < ${s.criteria.gradientBelow_mmHg} mmHg, area >= ${s.criteria.areaAtLeast_cm2} cm²)`,
    );
    if (r.clipStrategies.length === 0) out.push("  none meets the criteria");
    r.clipStrategies.forEach((st, i) => {
      out.push(
        `  ${i + 1}. ${pad(describeClips(st.clips), 40)} grade ${st.mr_grade}  RVol ${pad(`${f(st.mr_rvol_mL)} mL`, 8)}  gradient ${f(st.mv_gradient_mean_mmHg, 2)} mmHg  area ${f(st.mv_area_cm2, 2)} cm²${st.atReference ? `  (at HR ${st.atReference.hr_bpm}, Hb ${st.atReference.hb_g_dL}: ${f(st.atReference.mv_gradient_mean_mmHg, 2)} mmHg)` : ""}${st.impellaInterference ? "  (near the Impella)" : ""}`,
      );
    });
    out.push(`  ${s.explanation}`);
    out.push(
      `  search: ${s.simulated} simulations, ${s.geometryEvaluated} geometric screens, ${f(s.wall_ms / 1000, 1)} s (${s.mode}${s.workers ? `, ${s.workers} workers` : ""})`,
      "",
    );
  }
  out.push(`SCAI stage (suggested): ${r.scai.stage}`);
  const risk = r.surgicalRisk;
  out.push(
    `Surgical risk: EuroSCORE II ${risk.euroscore2_pct === null ? "not given (no euroscore2 block)" : `${f(risk.euroscore2_pct, 1)} %`}; STS PROM ${risk.stsProm_pct === null ? "not entered" : `${f(risk.stsProm_pct, 1)} % (entered; the STS model is not computed here)`} (mortality of the surgical alternative, not of TEER)`,
  );
  out.push("");
  if (r.warnings.length === 0) out.push("No warnings.");
  for (const warn of r.warnings) {
    out.push(`WARNING ${warn.code}: ${warn.message}`);
    for (const a of warn.actions ?? []) out.push(`  - ${a}`);
  }
  return `${out.join("\n")}\n`;
}
