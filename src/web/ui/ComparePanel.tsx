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

/** Snapshots kept side by side (the oldest goes when one more is taken). */
export const MAX_SNAPSHOTS = 4;

export interface ComparePanelProps {
  snapshots: Snapshot[];
  now: Measurements;
  onTake: () => void;
  onClear: () => void;
}

export function ComparePanel({ snapshots, now, onTake, onClear }: ComparePanelProps) {
  const last = snapshots[snapshots.length - 1];
  return (
    <section class="panel compare" aria-labelledby="compare-h">
      <h2 id="compare-h">Snapshots and compare</h2>
      <div class="controls-row">
        <button type="button" data-testid="snapshot" onClick={onTake}>
          Take snapshot{" "}
          {snapshots.length
            ? `(${snapshots.length + 1 > MAX_SNAPSHOTS ? MAX_SNAPSHOTS : snapshots.length + 1}/${MAX_SNAPSHOTS})`
            : ""}
        </button>
        <button type="button" data-testid="snapshot-clear" disabled={!snapshots.length} onClick={onClear}>
          Clear
        </button>
      </div>
      {last ? (
        <div class="snapshots">
          <table class="mini" data-testid="compare-table">
            <thead>
              <tr>
                <th scope="col">&nbsp;</th>
                {snapshots.map((sn, i) => (
                  <th scope="col" key={sn.label + i} title={sn.label} data-testid="snapshot-col">
                    #{i + 1}
                  </th>
                ))}
                <th scope="col">now</th>
                <th scope="col">Δ vs #{snapshots.length}</th>
                <th scope="col">unit</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map(([k, label, unit, dec]) => {
                const b = now[k] as number;
                return (
                  <tr key={k}>
                    <th scope="row">{label}</th>
                    {snapshots.map((sn, i) => (
                      <td key={sn.label + i}>{fmt(sn.m[k] as number, dec)}</td>
                    ))}
                    <td>{fmt(b, dec)}</td>
                    <td>{fmtDelta(last.m[k] as number, b, dec)}</td>
                    <td class="unit">{unit}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="hint">
          Take snapshots, change something, and compare them side by side: the last one&apos;s PV loops stay
          on the plot, dashed.
        </p>
      )}
      {snapshots.length ? (
        <ol class="hint">
          {snapshots.map((sn, i) => (
            <li key={sn.label + i}>{sn.label}</li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
