/** One labelled number with its unit, as on a monitor. */
import type { ComponentChildren } from "preact";

export interface ReadoutProps {
  label: string;
  value: string;
  unit?: string;
  testId?: string;
  tone?: "normal" | "alarm" | "big";
  title?: string;
  children?: ComponentChildren;
}

export function Readout({ label, value, unit, testId, tone = "normal", title }: ReadoutProps) {
  return (
    <div class={`readout readout-${tone}`} title={title}>
      <span class="readout-label">{label}</span>
      <span class="readout-value" data-testid={testId}>
        {value}
      </span>
      {unit ? <span class="readout-unit">{unit}</span> : null}
    </div>
  );
}
