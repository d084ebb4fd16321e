/**
 * What `simulate` writes: the JSON document (contract "Result of simulate --json") and the waveform CSV
 * files of `--out`.
 */
import type { Trace } from "../engine/trace.js";
import type { ScenarioResult, StepResult } from "../procedure/types.js";

/** Significant digits of the measurements in the JSON document. */
export const JSON_SIGNIFICANT_DIGITS = 4;
/** Significant digits of the waveform samples in the CSV files. */
export const CSV_SIGNIFICANT_DIGITS = 6;

export function roundSignificant(x: number, digits: number): number | null {
  if (!Number.isFinite(x)) return null;
  if (x === 0) return 0;
  return Number(x.toPrecision(digits));
}

/** Rounds every number inside a value (objects and arrays included); booleans and strings are kept. */
export function roundDeep(v: unknown, digits = JSON_SIGNIFICANT_DIGITS): unknown {
  if (typeof v === "number") return roundSignificant(v, digits);
  if (Array.isArray(v)) return v.map((x) => roundDeep(x, digits));
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = roundDeep(x, digits);
    return out;
  }
  return v;
}

export interface StepDocument {
  name: string;
  parameters: StepResult["parameters"];
  measurements: Record<string, unknown>;
  devices: StepResult["devices"];
  assessment: StepResult["assessment"];
  converged: boolean;
  collapse: StepResult["collapse"];
  simulated_s: number;
  alarms: StepResult["alarms"];
  notes: string[];
}

export interface ResultDocument {
  scenario: string;
  steps: StepDocument[];
}

export function resultDocument(result: ScenarioResult): ResultDocument {
  return {
    scenario: result.scenario,
    steps: result.steps.map((s) => ({
      name: s.name,
      parameters: s.parameters,
      measurements: roundDeep(s.measurements) as Record<string, unknown>,
      devices: s.devices,
      assessment: s.assessment,
      converged: s.converged,
      collapse: s.collapse,
      simulated_s: roundSignificant(s.simulated_s, 6) ?? 0,
      alarms: s.alarms,
      notes: s.notes,
    })),
  };
}

/** Lower-case file-name slug of a step name: `Impella CP at P6` -> `impella-cp-at-p6`. */
export function slug(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return s || "step";
}

/** `<step-index>-<slug>.csv`, the index 0-based as in `steps[i]`, zero-padded so files sort in order. */
export function waveformFileName(index: number, count: number, name: string): string {
  const width = String(Math.max(0, count - 1)).length;
  return `${String(index).padStart(width, "0")}-${slug(name)}.csv`;
}

const WAVEFORM_COLUMN = /\.(p_mmHg|v_mL|q_mL_s)$/;

/** The columns of a trace written to CSV: every pressure, volume and flow, in trace order. */
export function waveformColumns(trace: Trace): string[] {
  return trace.names.filter((n) => WAVEFORM_COLUMN.test(n));
}

/** CSV of a trace: `t_s` (from the start of the recording) and every pressure, volume and flow column. */
export function waveformCsv(trace: Trace): string {
  const names = waveformColumns(trace);
  const cols = names.map((n) => trace.col(n));
  const t = trace.col("t_s");
  const t0 = trace.length > 0 ? t[0] : 0;
  const lines: string[] = [["t_s", ...names].join(",")];
  const cell = (x: number) => {
    const r = roundSignificant(x, CSV_SIGNIFICANT_DIGITS);
    return r === null ? "" : String(r);
  };
  for (let i = 0; i < trace.length; i++) {
    const row = [String(roundSignificant(t[i] - t0, 9) ?? "")];
    for (const c of cols) row.push(cell(c[i]));
    lines.push(row.join(","));
  }
  return `${lines.join("\n")}\n`;
}
