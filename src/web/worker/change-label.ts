/**
 * Short labels for a change, as written on the waveform marker and in the change timings: what was
 * set and to what, with units (e.g. "HR 150 beats/min", "Impella CP P8", "XTW clip at −4 mm").
 */
import { PARAM_BY_PATH } from "../domain.js";
import type { Change } from "./protocol.js";

const SHORT: Record<string, string> = {
  hr_bpm: "HR",
  hb_g_dL: "Hb",
  "lv.ees_mmHg_mL": "LV Ees",
  stressedVolume_mL: "stressed volume",
  svr_mmHg_s_mL: "SVR",
  "mr.eroa_cm2": "EROA",
  "mr.segments": "EROA shares",
};

const num = (v: number): string => String(Number(v.toPrecision(4)));

function paramLabel(path: string, value: unknown): string {
  const name = SHORT[path] ?? path;
  const def = PARAM_BY_PATH.get(path);
  if (typeof value === "number")
    return `${name} ${num(value)}${def?.type === "number" ? ` ${def.unit}` : ""}`;
  if (typeof value === "boolean") return `${name} ${value ? "on" : "off"}`;
  if (value && typeof value === "object")
    return `${name} ${Object.values(value as Record<string, number>)
      .map((s) => Math.round(s * 100))
      .join("/")} %`;
  return `set ${name}`;
}

export function changeLabel(change: Change): string {
  switch (change.kind) {
    case "params":
      return Object.entries(change.patch)
        .map(([p, v]) => paramLabel(p, v))
        .join(", ");
    case "preset":
      return `preset ${change.preset}`;
    case "impella": {
      const r = change.request;
      if (r === null) return "pump removed";
      const model = r.model ? `Impella ${r.model}` : "Impella";
      if (r.targetFlow_L_min !== undefined) return `${model} to ${num(r.targetFlow_L_min)} L/min`;
      if (r.pLevel !== undefined) return `${model} P${r.pLevel}`;
      return model;
    }
    case "support": {
      const parts: string[] = [];
      if (change.iabp === null) parts.push("IABP off");
      else if (change.iabp) parts.push(`IABP 1:${change.iabp.ratio} ${num(change.iabp.volume_mL)} mL`);
      if (change.ecmo === null) parts.push("VA-ECMO off");
      else if (change.ecmo)
        parts.push(
          change.ecmo.rpm !== undefined
            ? `VA-ECMO ${num(change.ecmo.rpm)} rpm`
            : `VA-ECMO ${num(change.ecmo.flow_L_min ?? 0)} L/min`,
        );
      return parts.join(", ");
    }
    case "addClip": {
      const p = change.request.position;
      const where = typeof p === "string" ? p : `${p.offset_mm > 0 ? "+" : ""}${num(p.offset_mm)} mm`;
      return `${change.request.device} clip at ${where}`;
    }
    case "removeClip":
      return `clip ${change.index + 1} removed`;
  }
}
