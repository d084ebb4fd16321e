/** One labelled number with its unit, as on a monitor. */
import type { ComponentChildren } from "preact";

export interface ReadoutProps {
  label: string;
  value: string;
  unit?: string;
  testId?: string;
  tone?: "normal" | "alarm" | "big";
  /** Spans two columns. */
  wide?: boolean;
  title?: string;
  children?: ComponentChildren;
}

export function Readout({ label, value, unit, testId, tone = "normal", title, wide }: ReadoutProps) {
  return (
    <div class={`readout readout-${tone}${wide ? " wide" : ""}`} title={title}>
      <span class="readout-label">{label}</span>
      <span class="readout-line">
        <span class="readout-value" data-testid={testId}>
          {value}
        </span>
        {unit ? <span class="readout-unit">{unit}</span> : null}
      </span>
    </div>
  );
}
