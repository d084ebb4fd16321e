/**
 * The readable table of `simulate`: one column per step, one row per measurement, units in the labels.
 */

import type { Measurements } from "../measure/beat.js";
import type { ScenarioResult, StepResult } from "../procedure/types.js";
import { escapeText } from "../text/escape-text.js";

const GRADE = ["none/trace", "mild", "moderate", "mod-severe", "severe"];
const DASH = "-";

const f = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : "?");

type Row = [label: string, cell: (m: Measurements, s: StepResult) => string] | [section: string];

const hasPump = (s: StepResult) => s.devices.impella !== null;

function impellaCell(s: StepResult): string {
  const imp = s.devices.impella;
  if (!imp) return "none";
  if (imp.targetFlow_L_min !== undefined) return `${imp.model} ${imp.targetFlow_L_min} L/min`;
  return `${imp.model} P${imp.pLevel ?? "?"}`;
}

function clipsCell(s: StepResult): string {
  if (s.devices.clips.length === 0) return "none";
  return s.devices.clips
    .map((c) => `${c.device}@${c.position ?? `${c.offset_mm > 0 ? "+" : ""}${f(c.offset_mm, 1)}mm`}`)
    .join(" ");
}

const hasIabp = (s: StepResult) => s.devices.iabp !== undefined;
const hasEcmo = (s: StepResult) => s.devices.ecmo !== undefined;
const orDash = (x: number, d: number) => (x === 0 ? DASH : f(x, d));

function iabpCell(s: StepResult): string {
  const b = s.devices.iabp;
  if (!b) return "none";
  const err = [
    b.inflationOffset_ms ? `infl ${b.inflationOffset_ms > 0 ? "+" : ""}${b.inflationOffset_ms} ms` : "",
    b.deflationOffset_ms ? `defl ${b.deflationOffset_ms > 0 ? "+" : ""}${b.deflationOffset_ms} ms` : "",
  ].filter(Boolean);
  return `1:${b.ratio} ${b.volume_mL} mL${err.length ? ` (${err.join(", ")})` : ""}`;
}

function ecmoCell(s: StepResult): string {
  const e = s.devices.ecmo;
  if (!e) return "none";
  return e.rpm !== undefined ? `${e.rpm} rpm` : `${e.flow_L_min} L/min`;
}

const ROWS: Row[] = [
  ["Devices"],
  ["Impella", (_m, s) => impellaCell(s)],
  ["IABP", (_m, s) => iabpCell(s)],
  ["VA-ECMO", (_m, s) => ecmoCell(s)],
  ["Clips", (_m, s) => clipsCell(s)],
  ["Haemodynamics"],
  ["HR (beats/min)", (m) => f(m.hr_bpm, 0)],
  ["MAP (SBP/DBP) (mmHg)", (m) => `${f(m.map_mmHg, 0)} (${f(m.sbp_mmHg, 0)}/${f(m.dbp_mmHg, 0)})`],
  ["CO total/native (L/min)", (m) => `${f(m.co_L_min, 2)}/${f(m.native_co_L_min, 2)}`],
  ["CPO (W)", (m) => f(m.cpo_W, 2)],
  ["Coronary / myocardium"],
  ["Coronary perfusion (mmHg)", (m) => f(m.coronary_perfusion_mmHg, 0)],
  ["Coronary flow (mL/min)", (m) => f(m.coronary_flow_mL_min, 0)],
  ["O2 reserve (supply/demand)", (m) => f(m.coronary_reserve_ratio, 2)],
  ["LV function (% of supplied)", (m) => f(m.lv_function_pct, 0)],
  ["Pump"],
  ["Pump flow (L/min)", (m, s) => (hasPump(s) ? f(m.pump_flow_L_min, 2) : DASH)],
  ["Pump speed (rpm)", (m, s) => (hasPump(s) ? f(m.pump_speed_rpm, 0) : DASH)],
  ["P-level", (m, s) => (hasPump(s) ? `P${m.pLevel}` : DASH)],
  ["Suction", (m, s) => (hasPump(s) ? (m.suction ? "YES" : "no") : DASH)],
  ["Suction index (% of time)", (m, s) => (hasPump(s) ? f(m.pump_suction_index_pct, 0) : DASH)],
  ["Haemolysis index (CP P6 = 1)", (m, s) => (hasPump(s) ? f(m.pump_haemolysis_index, 2) : DASH)],
  ["IABP"],
  ["Augmented diastolic (mmHg)", (m, s) => (hasIabp(s) ? orDash(m.iabp_augmented_diastolic_mmHg, 0) : DASH)],
  [
    "Systolic assisted/unassisted",
    (m, s) =>
      hasIabp(s)
        ? `${orDash(m.iabp_assisted_systolic_mmHg, 0)}/${orDash(m.iabp_unassisted_systolic_mmHg, 0)}`
        : DASH,
  ],
  [
    "End-diastolic assisted/unass.",
    (m, s) =>
      hasIabp(s)
        ? `${orDash(m.iabp_assisted_end_diastolic_mmHg, 0)}/${orDash(m.iabp_unassisted_end_diastolic_mmHg, 0)}`
        : DASH,
  ],
  ["VA-ECMO"],
  ["ECMO flow (L/min)", (m, s) => (hasEcmo(s) ? f(m.ecmo_flow_L_min, 2) : DASH)],
  ["ECMO speed (rpm)", (m, s) => (hasEcmo(s) ? f(m.ecmo_speed_rpm, 0) : DASH)],
  [
    "Drainage/pre/post-oxy (mmHg)",
    (m, s) =>
      hasEcmo(s)
        ? `${f(m.ecmo_drainage_mmHg, 0)}/${f(m.ecmo_pre_oxygenator_mmHg, 0)}/${f(m.ecmo_post_oxygenator_mmHg, 0)}`
        : DASH,
  ],
  ["Left ventricle"],
  ["LVEDP (mmHg)", (m) => f(m.lvedp_mmHg, 1)],
  ["LVEDV/LVESV (mL)", (m) => `${f(m.lvedv_mL, 0)}/${f(m.lvesv_mL, 0)}`],
  ["LVEF (%)", (m) => f(m.lvef_pct, 0)],
  ["Filling pressures"],
  ["LAP mean/v (mmHg)", (m) => `${f(m.lap_mean_mmHg, 1)}/${f(m.lap_v_mmHg, 1)}`],
  ["PCWP (mmHg)", (m) => f(m.pcwp_mmHg, 1)],
  ["RAP (mmHg)", (m) => f(m.rap_mmHg, 1)],
  ["PAP mean (mmHg)", (m) => f(m.pap_mean_mmHg, 1)],
  ["Mitral valve"],
  ["MR RVol (mL/beat)", (m) => f(m.mr_rvol_mL, 1)],
  ["MR RF (%)", (m) => f(m.mr_rf_pct, 0)],
  ["MR EROA (cm²)", (m) => f(m.mr_eroa_cm2, 2)],
  ["MR grade", (m) => `${m.mr_grade} ${GRADE[m.mr_grade] ?? ""}`.trim()],
  ["EROA A1P1 (cm²)", (m) => f(m.mr_eroa_by_segment_cm2.A1P1, 2)],
  ["EROA A2P2 (cm²)", (m) => f(m.mr_eroa_by_segment_cm2.A2P2, 2)],
  ["EROA A3P3 (cm²)", (m) => f(m.mr_eroa_by_segment_cm2.A3P3, 2)],
  ["MV mean gradient (mmHg)", (m) => f(m.mv_gradient_mean_mmHg, 1)],
  ["MV area (cm²)", (m) => f(m.mv_area_cm2, 2)],
  ["PV flow S/D", (m) => `${f(m.pv_s_d_ratio, 2)}${m.pv_systolic_reversal ? " reversal" : ""}`],
  ["Check"],
  ["Blood volume (mL)", (m) => f(m.total_blood_volume_mL, 0)],
  [
    "Measured at",
    (_m, s) =>
      s.assessment === "timed"
        ? `${f(s.simulated_s, 0)} s (timed)`
        : s.converged
          ? "steady state"
          : "NOT SETTLED",
  ],
  ["Collapse", (_m, s) => (s.collapse.collapsed ? "YES" : "no")],
];

/** Longest step name shown in a column header; longer names are cut with an ellipsis. */
const MAX_HEADER = 22;

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function formatTable(result: ScenarioResult, title?: string): string {
  const steps = result.steps;
  // Names are user text: escaped before layout, so a newline or ESC in one cannot break the table.
  const headers = steps.map((s, i) => cut(`${i}: ${escapeText(s.name)}`, MAX_HEADER));
  const body = ROWS.map((r) => (r.length === 1 ? null : steps.map((s) => r[1](s.measurements, s))));
  const labelWidth = Math.max(...ROWS.map((r) => (r.length === 1 ? r[0].length : r[0].length + 2)));
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...body.map((cells) => (cells ? cells[i].length : 0))),
  );
  const line = (label: string, cells: string[]) =>
    `${label.padEnd(labelWidth)}  ${cells.map((c, i) => c.padStart(widths[i])).join("  ")}`.trimEnd();
  const out: string[] = [];
  out.push(escapeText(`${result.scenario}${title ? `: ${title}` : ""}`));
  out.push("");
  out.push(line("", headers));
  ROWS.forEach((r, k) => {
    const cells = body[k];
    if (cells === null) out.push(r[0]);
    else out.push(line(`  ${r[0]}`, cells));
  });
  const said = steps.flatMap((s, i) => [
    ...(s.alarms ?? []).map((a) => `  step ${i}: ALARM ${a.code}: ${a.message}`),
    ...(s.notes ?? []).map((n) => `  step ${i}: note: ${n}`),
  ]);
  if (said.length) out.push("", "Pump alarms and notes", ...said.map(escapeText));
  return `${out.join("\n")}\n`;
}
