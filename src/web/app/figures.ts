/** How the web panels show a measurement: label, unit and decimals, written once. */
import type { Measurements } from "../../measure/beat.js";

export type Figure = [key: keyof Measurements, label: string, unit: string, decimals: number];

const ALL: Record<string, Figure> = Object.fromEntries(
  (
    [
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
    ] satisfies Figure[]
  ).map((f) => [f[0], f]),
);

export const figures = (...keys: (keyof Measurements)[]): Figure[] => keys.map((k) => ALL[k]);
