/**
 * The Impella console: what the console shows (model, P-level, mean and min/max flow, speed,
 * suction alarm) and the operator's controls (model, P-level or flow target, removal).
 */
import { useEffect, useState } from "preact/hooks";
import type { Measurements } from "../../measure/beat.js";
import type { Devices } from "../../procedure/circuit.js";
import type { ImpellaRequest } from "../../procedure/types.js";
import { fmt } from "../app/format.js";
import { IMPELLA, IMPELLA_MODELS, type ImpellaModel } from "../domain.js";
import { Readout } from "./Readout.js";

export interface PumpConsoleProps {
  devices: Devices;
  m: Measurements;
  onImpella: (req: ImpellaRequest | null) => void;
}

const P_LEVELS = Array.from({ length: 10 }, (_, i) => i);

export function PumpConsole({ devices, m, onImpella }: PumpConsoleProps) {
  const imp = devices.impella;
  const byFlow = imp?.targetFlow_L_min !== undefined;
  const [target, setTarget] = useState(imp?.targetFlow_L_min ?? 2.5);
  useEffect(() => {
    if (imp?.targetFlow_L_min !== undefined) setTarget(imp.targetFlow_L_min);
  }, [imp?.targetFlow_L_min]);
  const maxFlow = imp ? IMPELLA[imp.model].labelledMaxFlow_L_min : 6;
  return (
    <section class="panel pump" aria-labelledby="pump-h">
      <h2 id="pump-h">
        Impella console{" "}
        {m.suction ? (
          <span class="alarm" role="alert" data-testid="suction-alarm">
            SUCTION
          </span>
        ) : null}
      </h2>
      <div class="readouts">
        <Readout label="Impella" value={imp ? imp.model : "none"} testId="pump-model" />
        <Readout label="P-level" value={imp ? `P${fmt(m.pLevel)}` : "–"} testId="pump-plevel" />
        <Readout label="Flow" value={fmt(m.pump_flow_L_min, 2)} unit="L/min" testId="pump-flow" tone="big" />
        <Readout
          label="Min/max L/min"
          value={`${fmt(m.pump_flow_min_L_min, 1)}/${fmt(m.pump_flow_max_L_min, 1)}`}
          testId="pump-flow-range"
        />
        <Readout label="Speed rpm" value={fmt(m.pump_speed_rpm, 0)} testId="pump-speed" />
        <Readout
          label="Suction % time"
          value={imp ? fmt(m.pump_suction_index_pct, 0) : "–"}
          testId="pump-suction-index"
          title="Share of the beat with the inlet in suction"
        />
        <Readout
          label="Haemolysis index"
          value={imp ? fmt(m.pump_haemolysis_index, 2) : "–"}
          testId="pump-haemolysis"
          tone={imp && m.pump_haemolysis_index >= 1.5 ? "alarm" : "normal"}
          title="Shear exposure relative to an Impella CP at P6 delivering 2.5 L/min without suction (Giersiepen power law; an indicator, not a prediction)"
        />
      </div>
      <div class="controls-row">
        <label>
          <span>Model</span>
          <select
            data-testid="pump-model-select"
            value={imp?.model ?? "none"}
            onChange={(e) => {
              const v = (e.target as HTMLSelectElement).value;
              if (v === "none") onImpella(null);
              else
                onImpella(
                  byFlow
                    ? { model: v as ImpellaModel, targetFlow_L_min: target }
                    : { model: v as ImpellaModel, pLevel: imp?.pLevel ?? 2 },
                );
            }}
          >
            <option value="none">no pump</option>
            {IMPELLA_MODELS.map((x) => (
              <option key={x} value={x}>
                Impella {x}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Mode</span>
          <select
            data-testid="pump-mode"
            disabled={!imp}
            value={byFlow ? "flow" : "plevel"}
            onChange={(e) => {
              if (!imp) return;
              const v = (e.target as HTMLSelectElement).value;
              onImpella(
                v === "flow"
                  ? { model: imp.model, targetFlow_L_min: Math.min(target, maxFlow) }
                  : { model: imp.model, pLevel: Math.round(m.pLevel) || 2 },
              );
            }}
          >
            <option value="plevel">P-level</option>
            <option value="flow">flow target</option>
          </select>
        </label>
        {byFlow ? (
          <label>
            <span>Target (L/min)</span>
            <input
              type="number"
              data-testid="pump-target"
              min={0.5}
              max={6.5}
              step={0.1}
              value={target}
              onChange={(e) => {
                const input = e.target as HTMLInputElement;
                if (!imp) return;
                // An emptied field, or one holding no number ("e"), reads as "" here: it is not a
                // request for 0 L/min, so nothing is sent and the field shows what runs again.
                if (input.value.trim() === "" || input.validity.badInput) {
                  if (imp.targetFlow_L_min !== undefined) input.value = String(imp.targetFlow_L_min);
                  return;
                }
                const v = Number(input.value);
                // The worker checks the value (and reports a rejection); the field shows what runs.
                onImpella({ model: imp.model, targetFlow_L_min: v });
                if (!(v > 0 && v <= 6.5) && imp.targetFlow_L_min !== undefined)
                  input.value = String(imp.targetFlow_L_min);
              }}
            />
          </label>
        ) : (
          <label>
            <span>P-level</span>
            <select
              data-testid="plevel"
              disabled={!imp}
              value={String(imp?.pLevel ?? 0)}
              onChange={(e) =>
                imp && onImpella({ model: imp.model, pLevel: Number((e.target as HTMLSelectElement).value) })
              }
            >
              {P_LEVELS.map((p) => (
                <option key={p} value={p}>
                  P{p}
                  {p === 0 ? " (stopped)" : ""}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </section>
  );
}
