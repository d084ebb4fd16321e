/** Developer probe: run a built-in case and print the key measurements per step. */
import { getCase } from "../src/procedure/cases/index.js";
import { simulateScenario } from "../src/procedure/execute.js";

const c = getCase(process.argv[2] ?? "impella5-wean-test");
if (!c) throw new Error("no such case");
if (process.argv[3]) c.patient.overrides = { ...c.patient.overrides, ...JSON.parse(process.argv[3]) };
const t0 = performance.now();
const r = simulateScenario(c);
const keys = (
  process.env.KEYS ??
  "map_mmHg,co_L_min,pump_flow_L_min,pLevel,lvedp_mmHg,lvedv_mL,lap_mean_mmHg,mr_rvol_mL,mr_rf_pct,mr_eroa_cm2,mr_grade,mv_gradient_mean_mmHg,mv_area_cm2,transmitral_flow_L_min"
).split(",");
for (const s of r.steps) {
  const m = s.measurements as unknown as Record<string, number>;
  const seg = s.measurements.mr_eroa_by_segment_cm2;
  console.log(
    `${s.name.padEnd(24)} ${keys.map((k) => `${k.replace(/_(mmHg|L_min|mL|pct|cm2)$/, "")}=${Number(m[k]).toFixed(2)}`).join(" ")} seg=${seg.A1P1.toFixed(2)}/${seg.A2P2.toFixed(2)}/${seg.A3P3.toFixed(2)} ${s.converged ? "" : "NOT CONVERGED"}`,
  );
}
console.log(`wall ${(performance.now() - t0).toFixed(0)} ms`);
