/** Snapshot and compare: the snapshot's PV loops are overlaid (dashed) and its figures tabulated beside now. */
import type { Measurements } from "../../measure/beat.js";
import { fmt, fmtDelta } from "../app/format.js";

export interface Snapshot {
  label: string;
  m: Measurements;
}

const ROWS: [keyof Measurements, string, string, number][] = [
  ["map_mmHg", "MAP", "mmHg", 0],
  ["co_L_min", "CO total", "L/min", 2],
  ["cpo_W", "CPO", "W", 2],
  ["pcwp_mmHg", "PCWP", "mmHg", 0],
  ["lvedp_mmHg", "LVEDP", "mmHg", 0],
  ["lvedv_mL", "LVEDV", "mL", 0],
  ["mr_rvol_mL", "MR RVol", "mL", 0],
  ["mr_rf_pct", "MR RF", "%", 0],
  ["mr_grade", "MR grade", "0–4", 0],
  ["mv_gradient_mean_mmHg", "MV gradient", "mmHg", 1],
  ["mv_area_cm2", "MVA", "cm²", 2],
  ["pump_flow_L_min", "Pump flow", "L/min", 2],
];

export interface ComparePanelProps {
  snapshot: Snapshot | null;
  now: Measurements;
  onTake: () => void;
  onClear: () => void;
}

export function ComparePanel({ snapshot, now, onTake, onClear }: ComparePanelProps) {
  return (
    <section class="panel compare" aria-labelledby="compare-h">
      <h2 id="compare-h">Snapshot and compare</h2>
      <div class="controls-row">
        <button type="button" data-testid="snapshot" onClick={onTake}>
          Take snapshot
        </button>
        <button type="button" data-testid="snapshot-clear" disabled={!snapshot} onClick={onClear}>
          Clear
        </button>
      </div>
      {snapshot ? (
        <table class="mini" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">&nbsp;</th>
              <th scope="col">before</th>
              <th scope="col">now</th>
              <th scope="col">Δ</th>
              <th scope="col">unit</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map(([k, label, unit, dec]) => {
              const a = snapshot.m[k] as number;
              const b = now[k] as number;
              return (
                <tr key={k}>
                  <th scope="row">{label}</th>
                  <td>{fmt(a, dec)}</td>
                  <td>{fmt(b, dec)}</td>
                  <td>{fmtDelta(a, b, dec)}</td>
                  <td class="unit">{unit}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p class="hint">
          Take a snapshot, change something, and compare: its PV loops stay on the plot, dashed.
        </p>
      )}
      {snapshot ? <p class="hint">Before: {snapshot.label}</p> : null}
    </section>
  );
}
