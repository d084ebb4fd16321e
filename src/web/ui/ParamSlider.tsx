/**
 * A slider for one numeric patient parameter: range, unit and description from PARAMS. The value
 * follows the pointer while dragging and is sent when released (or on each key press).
 */
import type * as preact from "preact";
import { useEffect, useState } from "preact/hooks";
import { niceStep } from "../charts/nice.js";
import { PARAM_BY_PATH } from "../domain.js";

export interface ParamSliderProps {
  path: string;
  label: string;
  value: number;
  onCommit: (path: string, value: number) => void;
  /** Shown under the slider: the same value in other units, or what the reflex does with it. */
  note?: (draft: number) => preact.ComponentChildren;
}

const decimalsOf = (step: number): number => Math.max(0, -Math.floor(Math.log10(step)));

export function ParamSlider({ path, label, value, onCommit, note }: ParamSliderProps) {
  const def = PARAM_BY_PATH.get(path);
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  if (def?.type !== "number") return null;
  const step = def.integer ? 1 : niceStep(def.max - def.min, 100);
  const decimals = decimalsOf(step);
  const id = `param-${path.replace(/\W/g, "-")}`;
  return (
    <div class="slider" title={`${def.description}. Range ${def.min}–${def.max} ${def.unit}. ${def.source}`}>
      <label for={id}>
        <span>{label}</span>
        <output>
          {draft.toFixed(decimals)} <small>{def.unit}</small>
        </output>
      </label>
      <input
        id={id}
        data-testid={id}
        type="range"
        min={def.min}
        max={def.max}
        step={step}
        value={draft}
        onInput={(e) => setDraft(Number((e.target as HTMLInputElement).value))}
        onChange={(e) => onCommit(path, Number((e.target as HTMLInputElement).value))}
      />
      {note ? (
        <small class="slider-note" data-testid={`${id}-note`}>
          {note(draft)}
        </small>
      ) : null}
    </div>
  );
}
