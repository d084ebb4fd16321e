/**
 * The Impella console: what the console shows (model, P-level, mean and min/max flow, speed,
 * suction alarm) and the operator's controls (model, P-level or flow target, removal).
 */
import { useEffect, useState } from "preact/hooks";
import type { Measurements } from "../../measure/beat.js";
import type { Devices } from "../../procedure/circuit.js";
import { consoleDisplay, type PumpAlarmCode, pumpAlarms } from "../../procedure/pump-console.js";
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

const ALARM_TITLE: Record<PumpAlarmCode, string> = {
  suction: "Suction",
  "retrograde-flow": "Retrograde flow",
  "target-flow-not-reached": "Target flow not reached",
  position: "Position unknown",
};

export function PumpConsole({ devices, m, onImpella }: PumpConsoleProps) {
  const imp = devices.impella;
  const byFlow = imp?.targetFlow_L_min !== undefined;
  const [target, setTarget] = useState(imp?.targetFlow_L_min ?? 2.5);
  useEffect(() => {
    if (imp?.targetFlow_L_min !== undefined) setTarget(imp.targetFlow_L_min);
  }, [imp?.targetFlow_L_min]);
  const maxFlow = imp ? IMPELLA[imp.model].labelledMaxFlow_L_min : 6;
  const alarms = pumpAlarms(m, imp);
  const shown = imp ? consoleDisplay(m, imp) : null;
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
      {alarms.length ? (
        <ul class="pump-alarms" data-testid="pump-alarms">
          {alarms.map((a) => (
            <li key={a.code} data-code={a.code} class="alarm-line">
              <strong>{ALARM_TITLE[a.code]}</strong> {a.message.replace(/^[^:]*: /, "")}
            </li>
          ))}
        </ul>
      ) : null}
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
        {shown ? (
          <>
            <Readout
              label="Placement signal"
              value={`${fmt(shown.placement.systolic_mmHg, 0)}/${fmt(shown.placement.diastolic_mmHg, 0)}`}
              unit="mmHg aortic"
              testId="pump-placement"
              title="Pressure at the pump's outlet: an aortic waveform (pulsatile, diastole well above LV diastolic) when the pump sits across the aortic valve"
            />
            <Readout
              label="Motor current (est.)"
              value={`${fmt(shown.motorCurrent_mA, 0)}`}
              unit={`mA (${fmt(shown.motorCurrentMin_mA, 0)}–${fmt(shown.motorCurrentMax_mA, 0)})`}
              testId="pump-current"
              title="Estimate from speed and hydraulic load: the model has no motor. Its swing over the beat follows the flow's, as when positioned across the valve"
            />
            <Readout
              label="Purge (est.)"
              value={`${fmt(shown.purgePressure_mmHg, 0)} mmHg`}
              unit={`${fmt(shown.purgeFlow_mL_h, 0)} mL/h`}
              testId="pump-purge"
              title="Plausible display of a working purge: the model has no purge system"
            />
          </>
        ) : null}
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
