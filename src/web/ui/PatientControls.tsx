/** Preset and the key patient parameters, including the EROA and its share per segment. */
import type * as preact from "preact";
import { useEffect, useState } from "preact/hooks";
import {
  type Params,
  type ParamValue,
  PRESET_IDS,
  PRESETS,
  type PresetId,
  SEGMENTS,
  type Segment,
  type SegmentShares,
} from "../domain.js";
import { ParamSlider } from "./ParamSlider.js";

const SLIDERS: [path: string, label: string][] = [
  ["hr_bpm", "Heart rate"],
  ["hb_g_dL", "Haemoglobin"],
  ["lv.ees_mmHg_mL", "LV contractility (Ees)"],
  ["stressedVolume_mL", "Stressed volume"],
  ["svr_mmHg_s_mL", "Systemic resistance"],
  // The set EROA is the orifice at the reference LV volume and closing pressure; the echo panel's
  // EROA is this beat's, larger in a dilated LV and smaller in an unloaded one.
  ["mr.eroa_cm2", "MR EROA at reference"],
];

const PRESET_SHORT: Record<PresetId, string> = {
  normal: "Normal adult",
  "cardiogenic-shock-acute-mr": "Shock + acute MR",
  "cardiogenic-shock-papillary-rupture": "Shock + flail (papillary rupture)",
};

export interface PatientControlsProps {
  preset: PresetId;
  params: Params;
  /** The heart rate on the monitor now (what the reflex made of the slider's rate, unless paced). */
  hrNow?: number;
  onParams: (patch: Record<string, ParamValue>) => void;
  onPreset: (preset: PresetId) => void;
}

/** New shares with `segment` set to `share` and the others scaled to keep the sum at 1. */
export function reshare(shares: SegmentShares, segment: Segment, share: number): SegmentShares {
  const rest = SEGMENTS.filter((s) => s !== segment);
  const restSum = rest.reduce((a, s) => a + shares[s], 0);
  const out = { ...shares, [segment]: share } as SegmentShares;
  for (const s of rest)
    out[s] = restSum > 0 ? (shares[s] / restSum) * (1 - share) : (1 - share) / rest.length;
  return out;
}

function SegmentShareSliders({
  shares,
  onCommit,
}: {
  shares: SegmentShares;
  onCommit: (s: SegmentShares) => void;
}) {
  const [draft, setDraft] = useState(shares);
  useEffect(() => setDraft(shares), [shares]);
  return (
    <fieldset class="segments">
      <legend>EROA share per segment</legend>
      {SEGMENTS.map((s) => (
        <label key={s} class="segment-share">
          <span>{s}</span>
          <input
            type="range"
            data-testid={`share-${s}`}
            min={0}
            max={100}
            step={5}
            value={Math.round(draft[s] * 100)}
            aria-label={`share of the EROA at ${s} (%)`}
            onInput={(e) => setDraft(reshare(draft, s, Number((e.target as HTMLInputElement).value) / 100))}
            onChange={(e) => onCommit(reshare(shares, s, Number((e.target as HTMLInputElement).value) / 100))}
          />
          <output>{Math.round(draft[s] * 100)} %</output>
        </label>
      ))}
    </fieldset>
  );
}

/** 1 mmHg·s/mL = 60 Wood units (mmHg·min/L) = 1333 dyn·s/cm⁵. */
export const WOOD_PER_MMHG_S_ML = 60;
export const DYN_PER_MMHG_S_ML = 1333.22;

export function PatientControls({ preset, params, hrNow, onParams, onPreset }: PatientControlsProps) {
  const reflexRate = params["baroreflex.enabled"] === true && params["baroreflex.controlsHeartRate"] === true;
  const notes: Record<string, (v: number) => preact.ComponentChildren> = {
    hr_bpm: (v) => (
      <>
        <label class="pace">
          <input
            type="checkbox"
            data-testid="pacing"
            checked={!reflexRate}
            onChange={(e) =>
              onParams(
                (e.target as HTMLInputElement).checked
                  ? { "baroreflex.controlsHeartRate": false, hr_bpm: v }
                  : { "baroreflex.enabled": true, "baroreflex.controlsHeartRate": true },
              )
            }
          />{" "}
          paced / rate held
        </label>{" "}
        {reflexRate
          ? `the baroreflex sets the rate from ${v.toFixed(0)}: now ${hrNow !== undefined ? hrNow.toFixed(0) : "–"} /min`
          : `the heart runs at ${v.toFixed(0)} /min`}
      </>
    ),
    svr_mmHg_s_mL: (v) =>
      `= ${(v * WOOD_PER_MMHG_S_ML).toFixed(1)} WU = ${(v * DYN_PER_MMHG_S_ML).toFixed(0)} dyn·s/cm⁵`,
  };
  return (
    <section class="panel" aria-labelledby="patient-h">
      <h2 id="patient-h">Patient</h2>
      <label class="row">
        <span>Preset</span>
        <select
          data-testid="preset"
          value={preset}
          onChange={(e) => onPreset((e.target as HTMLSelectElement).value as PresetId)}
        >
          {PRESET_IDS.map((p) => (
            <option key={p} value={p} title={`${PRESETS[p].title}: ${PRESETS[p].description}`}>
              {PRESET_SHORT[p]}
            </option>
          ))}
        </select>
      </label>
      {SLIDERS.map(([path, label]) => (
        <ParamSlider
          key={path}
          path={path}
          label={label}
          value={params[path] as number}
          onCommit={(p, v) => onParams({ [p]: v })}
          note={notes[path]}
        />
      ))}
      <SegmentShareSliders
        shares={params["mr.segments"] as SegmentShares}
        onCommit={(s) => onParams({ "mr.segments": s })}
      />
    </section>
  );
}
