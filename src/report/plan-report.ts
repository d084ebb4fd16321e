/**
 * The plan report: one self-contained HTML file (inline CSS and SVG, no scripts, no external
 * resources) with the wean test, gradient interpretation, clip strategies, warnings, scores and the
 * citation of every criterion used. Print CSS keeps sections and tables whole on A4.
 */
import { CLIPS } from "../devices/mitraclip/devices.js";
import type { Measurements } from "../measure/beat.js";
import { num } from "../physiology/params.js";
import { CRITERION_BY_ID } from "../procedure/plan/citations.js";
import { zoneEnd_mm } from "../procedure/plan/interference.js";
import { describeClip, describeClips } from "../procedure/plan/rank.js";
import { referencesOf } from "../procedure/plan/references.js";
import { describeOtherSupport, describeSetting, describeWeanLevel } from "../procedure/plan/support.js";
import type { ClipStrategy, PlanResult } from "../procedure/plan/types.js";
import { outlookText } from "../procedure/plan/wean.js";
import { esc, fixed, table } from "./html.js";
import { coaptationLine, groupedBars, type Loop, pvLoops, signedBars } from "./svg.js";

const CSS = `
body { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; max-width: 900px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 20px; margin-bottom: 4px; } h2 { font-size: 16px; border-bottom: 1px solid #ccc; padding-bottom: 2px; margin-top: 28px; }
table { border-collapse: collapse; margin: 8px 0; width: 100%; } th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f1f1f1; } td.num { text-align: right; }
.warning { border-left: 4px solid #c0392b; background: #fdf0ef; padding: 6px 10px; margin: 8px 0; }
.warning code { font-weight: bold; } .ok { color: #2e7d32; } .muted { color: #666; font-size: 12px; }
figure { margin: 8px 0; } figcaption { font-size: 11px; color: #555; }
.bottom-line { border: 2px solid #1f4e79; background: #eef4fa; padding: 4px 12px; margin: 12px 0; }
.bottom-line h2 { border: none; margin-top: 6px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  section, table, figure, .warning { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .warning { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

const cite = (ids: readonly string[] | undefined) =>
  ids?.length
    ? ` <span class="muted">[${ids.map((id) => `<a href="#c-${esc(id)}">${esc(id)}</a>`).join(", ")}]</span>`
    : "";

const ACTION_TITLE: Record<PlanResult["bottomLine"]["action"], string> = {
  accept: "Accept the current result",
  "reassess-at-low-support": "Reassess at low support",
  "add-clip": "Add a clip",
  "no-clip-meets-criteria": "No added clip meets the criteria",
};

function bottomLineSection(r: PlanResult): string {
  return `<section id="bottom-line" class="bottom-line" data-action="${esc(r.bottomLine.action)}"><h2>Bottom line: ${esc(ACTION_TITLE[r.bottomLine.action])}</h2><p>${esc(r.bottomLine.text)}</p></section>`;
}

function haemodynamicsSection(r: PlanResult): string {
  const h = r.haemodynamics;
  const rows: [string, string][] = [
    ["heart rate", `${fixed(h.hr_bpm, 0)} bpm`],
    ["blood pressure", `${fixed(h.sbp_mmHg, 0)}/${fixed(h.dbp_mmHg, 0)} mmHg (mean ${fixed(h.map_mmHg, 0)})`],
    [
      "cardiac output",
      `${fixed(h.co_L_min, 2)} L/min (native ${fixed(h.native_co_L_min, 2)}, pump ${fixed(h.pump_flow_L_min, 2)})`,
    ],
    ["cardiac power output", `${fixed(h.cpo_W, 2)} W`],
    ["LVEDP / PCWP / RAP", `${fixed(h.lvedp_mmHg)} / ${fixed(h.pcwp_mmHg)} / ${fixed(h.rap_mmHg)} mmHg`],
    ["mean PA pressure", `${fixed(h.pap_mean_mmHg)} mmHg`],
    ["LVEF", `${fixed(h.lvef_pct, 0)} %`],
    [
      "SVR",
      `${fixed(h.svr_wood)} WU (${fixed(h.svr_dyn_s_cm5, 0)} dyn·s/cm⁵, ${fixed(h.svr_mmHg_s_mL, 2)} mmHg·s/mL)`,
    ],
    ["coronary perfusion pressure", `${fixed(h.coronary_perfusion_mmHg)} mmHg`],
    ["MR", `grade ${h.mr_grade}, ${fixed(h.mr_rvol_mL)} mL/beat`],
    ["mean transmitral gradient", `${fixed(h.mv_gradient_mean_mmHg, 2)} mmHg`],
    ["haemoglobin", `${fixed(h.hb_g_dL)} g/dL`],
  ];
  return `<section id="haemodynamics"><h2>Haemodynamics now</h2>${table(
    ["", "value"],
    rows.map(([a, b]) => [esc(a), esc(b)]),
    "haemodynamics",
  )}</section>`;
}

function warningsSection(r: PlanResult): string {
  if (r.warnings.length === 0)
    return `<section id="warnings"><h2>Warnings</h2><p class="ok">No warnings.</p></section>`;
  const items = r.warnings
    .map(
      (w) =>
        `<div class="warning" data-code="${esc(w.code)}"><code>${esc(w.code)}</code>: ${esc(w.message)}${cite(w.criteria)}${
          w.actions?.length ? `<ul>${w.actions.map((a) => `<li>${esc(a)}</li>`).join("")}</ul>` : ""
        }</div>`,
    )
    .join("\n");
  return `<section id="warnings"><h2>Warnings</h2>${items}</section>`;
}

function weanSection(r: PlanResult): string {
  const w = r.weanTest;
  const cols: [string, Measurements | null][] = [
    [`current: ${describeWeanLevel(w.settings, "current")}`, w.current],
    [
      `low support: ${describeWeanLevel(w.settings, "lowSupport")}, after ${w.assessmentHold_s} s`,
      w.lowSupport,
    ],
    ["low support: settled", w.lowSupportSettled],
    [w.settings.pumpStopped ? "pump stopped (P0, left in place)" : "support stopped", w.pumpStopped],
  ];
  const d = w.settings.devices?.current;
  const rows: [string, (m: Measurements) => string][] = [
    ["pump flow (L/min)", (m) => fixed(m.pump_flow_L_min, 2)],
    ...(w.settings.current
      ? ([
          ["pump suction (% of time)", (m) => fixed(m.pump_suction_index_pct, 0)],
          ["pump haemolysis index (CP P6 = 1)", (m) => fixed(m.pump_haemolysis_index, 2)],
        ] as [string, (m: Measurements) => string][])
      : []),
    ...(d?.iabp
      ? ([
          [
            "IABP augmented diastolic (mmHg)",
            (m) => (m.iabp_augmented_diastolic_mmHg ? fixed(m.iabp_augmented_diastolic_mmHg) : "–"),
          ],
        ] as [string, (m: Measurements) => string][])
      : []),
    ...(d?.ecmo
      ? ([["VA-ECMO flow (L/min)", (m) => fixed(m.ecmo_flow_L_min, 2)]] as [
          string,
          (m: Measurements) => string,
        ][])
      : []),
    ["MR grade (0-4)", (m) => String(m.mr_grade)],
    ["regurgitant volume (mL/beat)", (m) => fixed(m.mr_rvol_mL)],
    ["regurgitant fraction (%)", (m) => fixed(m.mr_rf_pct)],
    ["EROA (cm²)", (m) => fixed(m.mr_eroa_cm2, 3)],
    ["mean gradient (mmHg)", (m) => fixed(m.mv_gradient_mean_mmHg, 2)],
    ["MAP (mmHg)", (m) => fixed(m.map_mmHg)],
    ["coronary perfusion pressure (mmHg)", (m) => fixed(m.coronary_perfusion_mmHg)],
    ["coronary O2 reserve (supply/demand)", (m) => fixed(m.coronary_reserve_ratio, 2)],
    ["cardiac output (L/min)", (m) => fixed(m.co_L_min, 2)],
    ["LVEDV (mL)", (m) => fixed(m.lvedv_mL)],
    ["mean LA pressure (mmHg)", (m) => fixed(m.lap_mean_mmHg)],
  ];
  const body = rows.map(([label, get]) => [esc(label), ...cols.map(([, m]) => (m ? get(m) : "–"))]);
  const present = cols.filter(([, m]) => m !== null) as [string, Measurements][];
  const groupsOf = (get: (m: Measurements) => number) =>
    present.map(([label, m]) => ({ label: label.split(":")[0], values: [get(m)] }));
  const loops: Loop[] = [];
  if (r.pvLoops) {
    loops.push({ label: "current", ...r.pvLoops.current });
    if (r.pvLoops.lowSupport) loops.push({ label: "low support", ...r.pvLoops.lowSupport });
    if (r.pvLoops.pumpStopped) loops.push({ label: "pump stopped", ...r.pvLoops.pumpStopped });
  }
  return `<section id="wean"><h2>Wean test</h2>
<p>${esc(w.note)}. Support hides MR: <strong>${w.supportHidesMR ? "yes" : "no"}</strong>${w.eroaRatio !== null ? ` (orifice at low support ${fixed(w.eroaRatio, 2)} × the current one)` : ""}${cite(["wean-test", "mr-grade"])}</p>
${w.outlook ? `<p id="wean-outlook">Left at low support: <strong>${esc(outlookText(w.outlook))}</strong></p>` : ""}
${table(["", ...cols.map(([l]) => l)], body, "wean")}
${groupedBars(
  "Regurgitant volume by support",
  ["regurgitant volume (mL/beat)"],
  groupsOf((m) => m.mr_rvol_mL),
  "mL/beat",
)}
${groupedBars(
  "Mean transmitral gradient by support",
  ["mean gradient (mmHg)"],
  groupsOf((m) => m.mv_gradient_mean_mmHg),
  "mmHg",
)}
${loops.length ? pvLoops("LV pressure-volume loops by support", loops) : ""}
</section>`;
}

function gradientSection(r: PlanResult): string {
  const g = r.gradient;
  const c = g.contributions_mmHg;
  const yes = (b: boolean) => (b ? "current" : "reference");
  const subsets = g.subsets.map((s) => [
    yes(s.flow),
    yes(s.heartRate),
    yes(s.anaemia),
    fixed(s.gradient_mmHg, 2),
    fixed(s.transmitralFlow_L_min, 2),
  ]);
  return `<section id="gradient"><h2>Gradient interpretation</h2>
<p>Mean transmitral gradient <strong>${fixed(g.current_mmHg, 2)} mmHg</strong> now; <strong>${fixed(g.reference_mmHg, 2)} mmHg</strong> for the same valve at reference conditions (heart rate ${g.reference.hr_bpm} bpm, haemoglobin ${g.reference.hb_g_dL} g/dL, no pump). Effective valve area ${fixed(g.valveArea_cm2, 2)} cm².${cite(["gradient-conditions", "gradient-limit", "mvarc-stenosis"])}</p>
${table(
  ["factor", "share of the difference (mmHg)"],
  [
    ["flow (pump)", fixed(c.flow, 2)],
    ["heart rate", fixed(c.heartRate, 2)],
    ["anaemia", fixed(c.anaemia, 2)],
    ["<strong>total</strong>", fixed(g.current_mmHg - g.reference_mmHg, 2)],
  ],
  "contributions",
)}
${signedBars(
  "Shapley shares of (current − reference) gradient",
  [
    { label: "flow (pump)", value: c.flow },
    { label: "heart rate", value: c.heartRate },
    { label: "anaemia", value: c.anaemia },
  ],
  "mmHg",
)}
<details open><summary>Every mix of current and reference conditions</summary>${table(["pump", "heart rate", "haemoglobin", "gradient (mmHg)", "transmitral flow (L/min)"], subsets, "subsets")}</details>
</section>`;
}

function strategyRows(list: readonly ClipStrategy[]): string[][] {
  return list.map((s, i) => [
    String(i + 1),
    esc(describeClips(s.clips)),
    String(s.mr_grade),
    fixed(s.mr_rvol_mL),
    fixed(s.mv_gradient_mean_mmHg, 2),
    fixed(s.mv_area_cm2, 2),
    s.atReference ? fixed(s.atReference.mv_gradient_mean_mmHg, 2) : "–",
    s.impellaInterference ? "yes" : "no",
    s.misses.length ? esc(s.misses.join("; ")) : "meets",
  ]);
}

function strategySection(r: PlanResult): string {
  const s = r.clipSearch;
  if (!s) return `<section id="strategies"><h2>Clip strategies</h2><p>No search was asked for.</p></section>`;
  const length = num(r.parameters, "mv.commissuralLength_mm");
  const headers = [
    "#",
    "added clips (in order)",
    "MR grade",
    "RVol (mL)",
    "gradient (mmHg)",
    "area (cm²)",
    "gradient at HR 70, Hb 13 (mmHg)",
    "near Impella",
    "criteria",
  ];
  const existing = r.devices.clips.map((c) => ({
    offset_mm: c.offset_mm,
    width_mm: CLIPS[c.device].width_mm,
    label: `${c.device} (in place)`,
    kind: "existing" as const,
  }));
  const best = r.clipStrategies[0];
  const planned = (best?.clips ?? []).map((c) => ({
    offset_mm: c.offset_mm,
    width_mm: CLIPS[c.device].width_mm,
    label: describeClip(c),
    kind: "planned" as const,
  }));
  return `<section id="strategies"><h2>Clip strategies</h2>
<p>Up to ${s.maxClips} added clips (devices NT, NTW, XT, XTW, PASCAL-P10, PASCAL-ACE on a 2 mm grid along the coaptation line), judged at ${esc(s.criteria.support)}: mean gradient below ${s.criteria.gradientBelow_mmHg} mmHg and effective area at least ${s.criteria.areaAtLeast_cm2} cm²${cite(["mvarc-stenosis", "gradient-limit", "clip-geometry", "residual-mr"])}. Ranking: ${esc(s.ranking)}. Without an added clip: MR grade ${s.baseline.mr_grade}, ${fixed(s.baseline.mr_rvol_mL)} mL/beat, gradient ${fixed(s.baseline.mv_gradient_mean_mmHg, 2)} mmHg, area ${fixed(s.baseline.mv_area_cm2, 2)} cm².</p>
${r.clipStrategies.length ? table(headers, strategyRows(r.clipStrategies), "strategies") : "<p><strong>No strategy meets the criteria.</strong></p>"}
<p><strong>Why the best beats the next:</strong> ${esc(s.explanation)}</p>
${coaptationLine(`Coaptation line (anterolateral left, posteromedial right): clips in place and the best strategy${r.devices.impella ? "; shaded: where the Impella catheter crosses the outflow tract" : ""}`, length, [...existing, ...planned], r.devices.impella ? zoneEnd_mm(length) : undefined)}
${s.rejected.length ? `<h3>Closest strategies that miss the criteria</h3>${table(headers, strategyRows(s.rejected), "rejected")}` : ""}
<p class="muted">Search: ${s.geometryEvaluated} clip sets screened geometrically, ${s.simulated} simulated to steady state, beam width ${s.beamWidth}, ${s.simulationsPerLevel} simulations per level; ${fixed(s.wall_ms / 1000, 2)} s ${esc(s.mode)}${s.workers ? ` on ${s.workers} worker threads` : ""}${s.modeNote ? ` (${esc(s.modeNote)})` : ""}.</p>
</section>`;
}

function scoresSection(r: PlanResult): string {
  const euro = r.euroscore2
    ? `<p>EuroSCORE II predicted mortality: <strong>${fixed(r.euroscore2.predictedMortality_pct, 1)} %</strong> (logit ${fixed(r.euroscore2.logit, 3)})${cite(["euroscore2"])}: in-hospital mortality after cardiac surgery, i.e. of the surgical alternative; it does not predict mortality after TEER.</p>${table(
        ["factor", "β·x"],
        r.euroscore2.factors.map((f) => [esc(f.name), fixed(f.beta, 4)]),
        "euroscore2",
      )}`
    : `<p class="muted">EuroSCORE II: no <code>euroscore2</code> block in the scenario.</p>`;
  const sr = r.surgicalRisk;
  const risk = `<div id="surgical-risk" class="panel-box"><h3>Surgical risk (the alternative: mitral surgery)</h3>${table(
    ["score", "predicted mortality", "how"],
    [
      [
        "EuroSCORE II",
        sr.euroscore2_pct === null ? "–" : `${fixed(sr.euroscore2_pct, 1)} %`,
        sr.euroscore2_pct === null
          ? "no euroscore2 block in the scenario"
          : `computed here from the scenario's inputs${cite(["euroscore2"])}`,
      ],
      [
        "STS PROM",
        sr.stsProm_pct === null ? "–" : `${fixed(sr.stsProm_pct, 1)} %`,
        `${sr.stsProm_pct === null ? "not entered" : "entered by the user"}: the STS model is not computed here (scenario <code>stsProm_pct</code> or <code>plan --sts-prom</code>)${sr.stsProm_pct === null ? "" : cite(["sts-prom"])}`,
      ],
    ],
    "surgical-risk",
  )}<p class="muted">${esc(sr.note)}</p></div>`;
  return `<section id="scores"><h2>Scores</h2>
${risk}
<p>SCAI SHOCK stage (suggested): <strong>${esc(r.scai.stage)}</strong>${cite(["scai"])}</p><ul>${r.scai.reasons.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>
${euro}</section>`;
}

function citationsSection(r: PlanResult): string {
  const items = r.criteria
    .map((id) => CRITERION_BY_ID.get(id))
    .filter((c) => c !== undefined)
    .map(
      (c) =>
        `<li id="c-${esc(c.id)}"><strong>${esc(c.id)}</strong>: ${esc(c.rule)}. <em>${esc(c.source)}</em> ${c.refs.map((id) => `<a href="#r-${esc(id)}">[${esc(id)}]</a>`).join(" ")}</li>`,
    )
    .join("\n");
  const refs = referencesOf(r.criteria)
    .map(
      (x) =>
        `<li id="r-${esc(x.id)}">${esc(x.citation)}. <a href="${esc(x.url)}">${esc(x.doi ? `doi:${x.doi}` : x.pmid ? `PMID ${x.pmid}` : (x.pmc ?? x.url))}</a>${x.doi && x.pmid ? ` (PMID ${esc(x.pmid)})` : ""}</li>`,
    )
    .join("\n");
  return `<section id="criteria"><h2>Criteria and sources</h2><ol>${items}</ol>
<h3>References</h3><ol class="references">${refs}</ol>
<p class="muted">Clipshock is a simulator for teaching and planning research, not a validated clinical tool; every figure comes from a lumped-parameter model.</p></section>`;
}

export function planReportHtml(r: PlanResult): string {
  const devices = [
    r.devices.impella ? describeSetting(r.devices.impella) : "no pump",
    ...(describeOtherSupport(r.devices) ? [describeOtherSupport(r.devices)] : []),
    ...r.devices.clips.map((c) => `${c.device} at ${c.position ?? `${c.offset_mm} mm`}`),
  ].join("; ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Clipshock plan: ${esc(r.scenario.id)} after "${esc(r.at)}"</title><style>${CSS}</style></head>
<body>
<header><h1>Clipshock plan: ${esc(r.scenario.title)}</h1>
<p>Scenario <code>${esc(r.scenario.id)}</code>, state after step ${r.atIndex} “${esc(r.at)}”: ${esc(devices)}.</p>
${r.scenario.source ? `<p class="muted">Source: ${esc(r.scenario.source)}</p>` : ""}</header>
${bottomLineSection(r)}
${haemodynamicsSection(r)}
${warningsSection(r)}
${weanSection(r)}
${gradientSection(r)}
${strategySection(r)}
${scoresSection(r)}
${citationsSection(r)}
</body></html>
`;
}
