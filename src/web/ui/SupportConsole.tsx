/**
 * The IABP and VA-ECMO consoles, kept modest: each device's main readouts (IABP: augmented diastolic,
 * assisted/unassisted systolic and end-diastolic pressures; ECMO: flow, speed, drainage and pre/post-
 * oxygenator pressures) and its controls (IABP ratio and balloon volume, ECMO flow target; off).
 */
import type { Measurements } from "../../measure/beat.js";
import type { Devices } from "../../procedure/circuit.js";
import type { EcmoRequest, IabpRequest } from "../../procedure/types.js";
import { fmt } from "../app/format.js";
import { Readout } from "./Readout.js";

export interface SupportConsoleProps {
  devices: Devices;
  m: Measurements;
  onSupport: (change: { iabp?: IabpRequest | null; ecmo?: EcmoRequest | null }) => void;
}

const VOLUMES = [30, 34, 40, 50];
const ECMO_FLOWS = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6];
const dash = (x: number, d: number) => (x === 0 ? "–" : fmt(x, d));

export function SupportConsole({ devices, m, onSupport }: SupportConsoleProps) {
  const b = devices.iabp ?? null;
  const e = devices.ecmo ?? null;
  return (
    <section class="panel pump" aria-labelledby="support-h">
      <h2 id="support-h">IABP and VA-ECMO</h2>
      <div class="readouts">
        <Readout
          label="IABP augmented"
          value={b ? dash(m.iabp_augmented_diastolic_mmHg, 0) : "–"}
          unit="mmHg"
          testId="iabp-augmented"
        />
        <Readout
          label="Syst. assisted/unassisted"
          value={
            b ? `${dash(m.iabp_assisted_systolic_mmHg, 0)}/${dash(m.iabp_unassisted_systolic_mmHg, 0)}` : "–"
          }
          testId="iabp-systolic"
        />
        <Readout
          label="EDP assisted/unassisted"
          value={
            b
              ? `${dash(m.iabp_assisted_end_diastolic_mmHg, 0)}/${dash(m.iabp_unassisted_end_diastolic_mmHg, 0)}`
              : "–"
          }
          testId="iabp-edp"
        />
        <Readout
          label="ECMO flow"
          value={e ? fmt(m.ecmo_flow_L_min, 2) : "–"}
          unit="L/min"
          testId="ecmo-flow"
        />
        <Readout label="ECMO rpm" value={e ? fmt(m.ecmo_speed_rpm, 0) : "–"} testId="ecmo-rpm" />
        <Readout
          label="Drain/pre/post-oxy"
          value={
            e
              ? `${fmt(m.ecmo_drainage_mmHg, 0)}/${fmt(m.ecmo_pre_oxygenator_mmHg, 0)}/${fmt(m.ecmo_post_oxygenator_mmHg, 0)}`
              : "–"
          }
          unit="mmHg"
          testId="ecmo-pressures"
        />
      </div>
      <div class="controls-row">
        <label>
          <span>IABP</span>
          <select
            data-testid="iabp-ratio"
            value={b ? String(b.ratio) : "off"}
            onChange={(ev) => {
              const v = (ev.target as HTMLSelectElement).value;
              onSupport({
                iabp: v === "off" ? null : { ...(b ?? { volume_mL: 40 }), ratio: Number(v) as 1 | 2 | 3 },
              });
            }}
          >
            <option value="off">off</option>
            <option value="1">1:1</option>
            <option value="2">1:2</option>
            <option value="3">1:3</option>
          </select>
        </label>
        <label>
          <span>Balloon (mL)</span>
          <select
            data-testid="iabp-volume"
            disabled={!b}
            value={String(b?.volume_mL ?? 40)}
            onChange={(ev) =>
              b && onSupport({ iabp: { ...b, volume_mL: Number((ev.target as HTMLSelectElement).value) } })
            }
          >
            {VOLUMES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>VA-ECMO (L/min)</span>
          <select
            data-testid="ecmo-flow-select"
            value={e?.flow_L_min !== undefined ? String(e.flow_L_min) : e ? "rpm" : "off"}
            onChange={(ev) => {
              const v = (ev.target as HTMLSelectElement).value;
              if (v === "rpm") return;
              onSupport({ ecmo: v === "off" ? null : { flow_L_min: Number(v) } });
            }}
          >
            <option value="off">off</option>
            {e && e.rpm !== undefined ? <option value="rpm">{e.rpm} rpm</option> : null}
            {ECMO_FLOWS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
