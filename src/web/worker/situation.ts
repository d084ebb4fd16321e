/**
 * The running situation as data: flattened into a scenario file (for export, the URL and recovery),
 * checks of parameter patches from the controls, and one-line descriptions of steps and changes.
 * Pure functions; the worker uses them, tests call them directly.
 */

import type { Devices } from "../../procedure/circuit.js";
import type { ImpellaRequest, InputProblem, Scenario, Step } from "../../procedure/types.js";
import {
  PARAM_BY_PATH,
  PARAMS,
  type Params,
  type ParamValue,
  type PresetId,
  presetParams,
  SEGMENTS,
} from "../domain.js";

const SHARE_TOLERANCE = 0.01;

const sameValue = (a: ParamValue | undefined, b: ParamValue | undefined): boolean => {
  if (typeof a === "object" && typeof b === "object")
    return SEGMENTS.every((s) => Math.abs(a[s] - b[s]) < 1e-9);
  return a === b;
};

/** Rounds to 6 significant digits so exported numbers stay readable. */
const tidy = (x: number): number => Number(x.toPrecision(6));

/** Parameters that differ from the preset's defaults. */
export function overridesFrom(preset: PresetId, params: Params): Record<string, ParamValue> {
  const base = presetParams(preset);
  const out: Record<string, ParamValue> = {};
  for (const p of PARAMS) {
    const v = params[p.path];
    if (v === undefined || sameValue(v, base[p.path])) continue;
    out[p.path] = typeof v === "object" ? { ...v } : typeof v === "number" ? tidy(v) : v;
  }
  return out;
}

/** One step that puts the devices in place (pump and clips), or none. */
export function devicesStep(devices: Devices): Step | null {
  const step: Step = { name: "devices" };
  const imp = devices.impella;
  if (imp) {
    step.impella =
      imp.targetFlow_L_min !== undefined
        ? { model: imp.model, targetFlow_L_min: tidy(imp.targetFlow_L_min) }
        : { model: imp.model, pLevel: imp.pLevel ?? 0 };
  }
  if (devices.iabp) step.iabp = { ...devices.iabp };
  if (devices.ecmo) step.ecmo = { ...devices.ecmo };
  if (devices.clips.length) {
    step.clip = devices.clips.map((c) => ({ device: c.device, position: { offset_mm: tidy(c.offset_mm) } }));
  }
  return step.impella || step.clip || step.iabp || step.ecmo ? step : null;
}

/** The situation as a scenario file: preset, overrides, and one step with the devices. */
/**
 * The id and title of the running situation written as a scenario (export, link): the loaded
 * scenario's, marked when the situation is not the whole scenario (a step before its last) or was
 * changed by hand, so that a file named after a case does not claim to be that case.
 */
export function situationMeta(
  meta: { id: string; title: string; source?: string },
  at: number,
  steps: readonly { name: string }[],
  modified: boolean,
): { id: string; title: string; source?: string } {
  let { id, title } = meta;
  if (at < steps.length - 1) {
    const where = at >= 0 ? `after step ${at + 1}: ${steps[at].name}` : "before the first step";
    id = `${id}-step${at + 1}`;
    title = `${title} — ${where}`;
  }
  if (modified && !title.endsWith(" (changed)")) {
    id = `${id}-changed`;
    title = `${title} (changed)`;
  }
  return { id, title, ...(meta.source ? { source: meta.source } : {}) };
}

export function situationScenario(
  meta: { id: string; title: string; source?: string },
  preset: PresetId,
  params: Params,
  devices: Devices,
): Scenario {
  const overrides = overridesFrom(preset, params);
  const dev = devicesStep(devices);
  return {
    id: meta.id,
    title: meta.title,
    ...(meta.source ? { source: meta.source } : {}),
    patient: { preset, ...(Object.keys(overrides).length ? { overrides } : {}) },
    steps: dev ? [dev] : [{ name: "baseline" }],
  };
}

const fmt = (v: ParamValue): string => {
  if (typeof v === "number") return String(tidy(v));
  if (typeof v === "boolean") return String(v);
  return SEGMENTS.map((s) => `${s} ${Math.round(v[s] * 100)} %`).join(", ");
};

/**
 * Checks a parameter patch from the controls against the definitions (type, range, shares summing
 * to 1). Messages follow the command line's form `path: value is out of range min..max unit`.
 */
export function checkPatch(patch: Record<string, ParamValue>): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [path, v] of Object.entries(patch)) {
    const def = PARAM_BY_PATH.get(path);
    if (!def) {
      problems.push({ path, message: "is not a parameter" });
      continue;
    }
    if (def.type === "number") {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        problems.push({ path, message: `${String(v)} is not a number` });
      } else if (v < def.min || v > def.max) {
        problems.push({ path, message: `${v} is out of range ${def.min}..${def.max} ${def.unit}` });
      } else if (def.integer && !Number.isInteger(v)) {
        problems.push({ path, message: `${v} is not a whole number` });
      }
    } else if (def.type === "boolean") {
      if (typeof v !== "boolean") problems.push({ path, message: `${String(v)} is not true or false` });
    } else {
      if (typeof v !== "object") {
        problems.push({ path, message: "expected shares for A1P1, A2P2, A3P3" });
        continue;
      }
      const bad = SEGMENTS.filter((s) => !(typeof v[s] === "number" && v[s] >= 0 && v[s] <= 1));
      if (bad.length) problems.push({ path, message: `shares must be between 0 and 1 (${bad.join(", ")})` });
      const sum = SEGMENTS.reduce((a, s) => a + (v[s] ?? 0), 0);
      if (Math.abs(sum - 1) > SHARE_TOLERANCE)
        problems.push({ path, message: `shares sum to ${tidy(sum)}; they must sum to 1` });
    }
  }
  return problems;
}

const clipText = (c: { device: string; offset_mm: number }): string =>
  `${c.device} at ${c.offset_mm >= 0 ? "+" : ""}${c.offset_mm.toFixed(1)} mm`;

function impellaText(d: Devices["impella"]): string {
  if (!d) return "no pump";
  return d.targetFlow_L_min !== undefined
    ? `Impella ${d.model} titrated to ${d.targetFlow_L_min} L/min`
    : `Impella ${d.model} at P${d.pLevel ?? 0}`;
}

/** What differs between two situations, one line each (parameters, pump, clips). */
export function describeDifference(
  before: { params: Params; devices: Devices },
  after: { params: Params; devices: Devices },
): string[] {
  const out: string[] = [];
  for (const p of PARAMS) {
    const a = before.params[p.path];
    const b = after.params[p.path];
    if (a === undefined || b === undefined || sameValue(a, b)) continue;
    const unit = p.type === "number" ? ` ${p.unit}` : "";
    out.push(`${p.path}: ${fmt(a)} → ${fmt(b)}${unit}`);
  }
  const ia = impellaText(before.devices.impella);
  const ib = impellaText(after.devices.impella);
  if (ia !== ib) out.push(`pump: ${ia} → ${ib}`);
  const ca = before.devices.clips.map(clipText);
  const cb = after.devices.clips.map(clipText);
  for (const c of cb) if (!ca.includes(c)) out.push(`clip added: ${c}`);
  for (const c of ca) if (!cb.includes(c)) out.push(`clip removed: ${c}`);
  return out;
}

/**
 * Highest flow target (L/min): the value of scenario-schema's MAX_TARGET_FLOW_L_MIN, not imported
 * because that module brings zod and yaml into the worker's first download (a test keeps them equal).
 */
export const MAX_TARGET_FLOW_L_MIN = 6.5;

/** Checks a pump request from the console with the command line's messages. */
export function checkImpellaRequest(req: ImpellaRequest | null): InputProblem[] {
  if (req === null) return [];
  const problems: InputProblem[] = [];
  const { pLevel, targetFlow_L_min: target } = req;
  if (pLevel !== undefined && !(Number.isInteger(pLevel) && pLevel >= 0 && pLevel <= 9))
    problems.push({ path: "impella.pLevel", message: `${pLevel} is out of range 0..9` });
  if (target !== undefined && !(Number.isFinite(target) && target > 0 && target <= MAX_TARGET_FLOW_L_MIN))
    problems.push({
      path: "impella.targetFlow_L_min",
      message: `${target} is out of range: expected above 0 up to ${MAX_TARGET_FLOW_L_MIN} L/min`,
    });
  return problems;
}
