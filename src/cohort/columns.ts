/**
 * The columns of a cohort's results: one row per patient x step. Measurement columns are named exactly
 * as in `simulate --json` (map_mmHg, mr_grade, coronary_perfusion_mmHg, ...); sampled parameters are
 * `param.<path>` (quote them in SQL: "param.mr.eroa_cm2").
 */
import { NUMERIC_KEYS } from "../measure/beat.js";
import { DEVICE_MEAN_KEYS, IABP_KEYS } from "../measure/devices.js";
import type { CohortSpec } from "./spec.js";

export type ColumnType = "VARCHAR" | "INTEGER" | "BIGINT" | "DOUBLE" | "BOOLEAN" | string;
export interface Column {
  name: string;
  type: ColumnType;
}

const SEGMENT_STRUCT = "STRUCT(A1P1 DOUBLE, A2P2 DOUBLE, A3P3 DOUBLE)";

/** Per row: who, which step, what was in place, how it was measured. */
export const BASE_COLUMNS: readonly Column[] = [
  { name: "patient_id", type: "VARCHAR" },
  { name: "patient_index", type: "INTEGER" },
  { name: "step", type: "INTEGER" },
  { name: "step_name", type: "VARCHAR" },
  { name: "spec_hash", type: "VARCHAR" },
  { name: "seed", type: "BIGINT" },
];

export const STEP_COLUMNS: readonly Column[] = [
  { name: "impella_model", type: "VARCHAR" },
  { name: "impella_pLevel", type: "INTEGER" },
  { name: "impella_targetFlow_L_min", type: "DOUBLE" },
  { name: "clips", type: "INTEGER" },
  { name: "clip_set", type: "VARCHAR" },
  { name: "assessment", type: "VARCHAR" },
  { name: "converged", type: "BOOLEAN" },
  { name: "collapsed", type: "BOOLEAN" },
  { name: "mapBelow60_s", type: "DOUBLE" },
  { name: "mapBelow50_s", type: "DOUBLE" },
  { name: "simulated_s", type: "DOUBLE" },
  { name: "error", type: "VARCHAR" },
];

export const MEASUREMENT_COLUMNS: readonly Column[] = [
  ...NUMERIC_KEYS.map((name) => ({ name, type: "DOUBLE" })),
  // The support devices' console readouts (IABP, VA-ECMO, pump risk), as in simulate --json.
  ...[...IABP_KEYS, ...DEVICE_MEAN_KEYS]
    .filter((name) => !(NUMERIC_KEYS as readonly string[]).includes(name))
    .map((name) => ({ name, type: "DOUBLE" })),
  { name: "mr_grade", type: "INTEGER" },
  { name: "pLevel", type: "INTEGER" },
  { name: "suction", type: "BOOLEAN" },
  { name: "aortic_valve_opens", type: "BOOLEAN" },
  { name: "pv_systolic_reversal", type: "BOOLEAN" },
  { name: "mr_eroa_by_segment_cm2", type: SEGMENT_STRUCT },
];

export const paramColumn = (path: string): string => `param.${path}`;

/** Every column of a spec's results, in order. */
export function cohortColumns(
  spec: Pick<CohortSpec, "sampled">,
  tableColumns: readonly string[] = [],
): Column[] {
  const params: Column[] = [
    ...spec.sampled.map((p) => ({
      name: paramColumn(p.path),
      type: p.dist.dist === "choice" ? "VARCHAR" : "DOUBLE",
    })),
    ...tableColumns.map((path) => ({ name: paramColumn(path), type: "DOUBLE" })),
  ];
  return [...BASE_COLUMNS, ...params, ...STEP_COLUMNS, ...MEASUREMENT_COLUMNS];
}

/** `"name"` for SQL. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
