/** Snapshot and compare: the snapshot's PV loops are overlaid (dashed) and its figures tabulated beside now. */
import type { Measurements } from "../../measure/beat.js";
import { figures } from "../app/figures.js";
import { fmt, fmtDelta } from "../app/format.js";

export interface Snapshot {
  label: string;
  m: Measurements;
}

const ROWS = figures(
  "map_mmHg",
  "co_L_min",
  "cpo_W",
  "pcwp_mmHg",
  "lvedp_mmHg",
  "lvedv_mL",
  "mr_rvol_mL",
  "mr_rf_pct",
  "mr_grade",
  "mv_gradient_mean_mmHg",
  "mv_area_cm2",
  "pump_flow_L_min",
);

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
