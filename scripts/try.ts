/**
 * Developer probe: run one state to steady state and print the measurements.
 *   npx tsx scripts/try.ts <preset> '<overrides JSON>' '<devices JSON>'
 */
import { presetParams } from "../src/physiology/params.js";
import { runState } from "../src/procedure/run-state.js";

const preset = (process.argv[2] ?? "normal") as "normal";
const params = { ...presetParams(preset), ...JSON.parse(process.argv[3] ?? "{}") };
const devices = { impella: null, clips: [], ...JSON.parse(process.argv[4] ?? "{}") };
const t0 = performance.now();
const r = runState(params, devices);
const wall = performance.now() - t0;
const m = r.measurements as unknown as Record<string, unknown>;
const keys = (
  process.env.KEYS ??
  "hr_bpm,map_mmHg,sbp_mmHg,dbp_mmHg,co_L_min,pump_flow_L_min,cpo_W,lvedp_mmHg,lvedv_mL,lvesv_mL,lvef_pct,lap_mean_mmHg,lap_v_mmHg,pcwp_mmHg,rap_mmHg,pap_mean_mmHg,mr_rvol_mL,mr_rf_pct,mr_eroa_cm2,mr_grade,mv_gradient_mean_mmHg,mv_area_cm2,suction"
).split(",");
console.log(
  keys
    .map(
      (k) =>
        `${k.replace(/_(mmHg|L_min|mL|pct|cm2|bpm|W)$/, "")}=${typeof m[k] === "number" ? (m[k] as number).toFixed(2) : m[k]}`,
    )
    .join(" "),
);
console.log(`converged=${r.converged} sim=${r.simulated_s.toFixed(1)}s wall=${wall.toFixed(0)}ms`);
