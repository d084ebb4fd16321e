/** Built-in cases with their citations, stepped one step at a time, and what the last step changed. */
import type { Measurements } from "../../measure/beat.js";
import { CASES } from "../../procedure/cases/index.js";
import { figures } from "../app/figures.js";
import { fmt } from "../app/format.js";
import type { ScenarioInfo, StepChange } from "../worker/protocol.js";

export interface CasePanelProps {
  info: ScenarioInfo;
  change: StepChange | null;
  now: Measurements;
  onCase: (id: string) => void;
  onStep: (at: number) => void;
}

const KEY_FIGURES = figures(
  "map_mmHg",
  "co_L_min",
  "pcwp_mmHg",
  "mr_rvol_mL",
  "mv_gradient_mean_mmHg",
  "pump_flow_L_min",
);

export function CasePanel({ info, change, now, onCase, onStep }: CasePanelProps) {
  const last = info.stepNames.length - 1;
  return (
    <section class="panel case" aria-labelledby="case-h">
      <h2 id="case-h">Case</h2>
      <label class="row-full">
        <span class="sr-only">Built-in case</span>
        <select
          data-testid="case-select"
          value={info.builtIn ? info.id : ""}
          onChange={(e) => onCase((e.target as HTMLSelectElement).value)}
        >
          {info.builtIn ? null : <option value="">{info.title} (imported)</option>}
          {CASES.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </label>
      {info.source ? (
        <p class="citation" data-testid="case-source">
          Source: {info.source}
        </p>
      ) : null}
      <ol class="steps" data-testid="case-steps">
        {info.stepNames.map((name, i) => (
          <li key={`${i}-${name}`} class={i === info.at ? "current" : i < info.at ? "done" : ""}>
            <button type="button" onClick={() => onStep(i)} aria-current={i === info.at ? "step" : undefined}>
              {i + 1}. {name}
            </button>
          </li>
        ))}
      </ol>
      <div class="controls-row">
        <button
          type="button"
          data-testid="step-prev"
          disabled={info.at < 0}
          onClick={() => onStep(info.at - 1)}
        >
          ◀ Previous
        </button>
        <button
          type="button"
          data-testid="step-next"
          disabled={info.at >= last}
          onClick={() => onStep(info.at + 1)}
        >
          Next step ▶
        </button>
        {info.modified ? <span class="badge">changed by hand</span> : null}
      </div>
      {change ? (
        <div class="changed" data-testid="what-changed">
          <h3>What changed: {change.label}</h3>
          <ul>
            {change.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          {change.before ? (
            <table class="mini">
              <tbody>
                {KEY_FIGURES.map(([k, label, unit, dec]) => (
                  <tr key={k}>
                    <th scope="row">{label}</th>
                    <td>{fmt(change.before?.[k] as number, dec)}</td>
                    <td>→ {fmt(now[k] as number, dec)}</td>
                    <td class="unit">{unit}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
