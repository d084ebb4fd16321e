import { describe, expect, it } from "vitest";
import { presetParams } from "../../src/physiology/params.js";
import { totalBloodVolume_mL } from "../../src/procedure/circuit.js";
import { steady } from "../helpers.js";

describe("presets at steady state", () => {
  const normal = steady("normal");
  const shock = steady("cardiogenic-shock-acute-mr");

  it("normal: resting haemodynamics within adult ranges", () => {
    const m = normal.measurements;
    expect(normal.converged).toBe(true);
    expect(m.map_mmHg).toBeGreaterThanOrEqual(85);
    expect(m.map_mmHg).toBeLessThanOrEqual(100);
    expect(m.co_L_min).toBeGreaterThanOrEqual(4.5);
    expect(m.co_L_min).toBeLessThanOrEqual(6.0);
    expect(m.lvef_pct).toBeGreaterThanOrEqual(55);
    expect(m.lvef_pct).toBeLessThanOrEqual(70);
    expect(m.lvedv_mL).toBeGreaterThanOrEqual(100);
    expect(m.lvedv_mL).toBeLessThanOrEqual(160);
    expect(m.lvedp_mmHg).toBeGreaterThanOrEqual(5);
    expect(m.lvedp_mmHg).toBeLessThanOrEqual(12);
    expect(m.pcwp_mmHg).toBeGreaterThanOrEqual(6);
    expect(m.pcwp_mmHg).toBeLessThanOrEqual(12);
    expect(m.rap_mmHg).toBeGreaterThanOrEqual(2);
    expect(m.rap_mmHg).toBeLessThanOrEqual(8);
    expect(m.pap_mean_mmHg).toBeGreaterThanOrEqual(12);
    expect(m.pap_mean_mmHg).toBeLessThanOrEqual(20);
    expect(m.mr_grade).toBe(0);
    expect(m.mv_gradient_mean_mmHg).toBeLessThan(2);
  });

  it("cardiogenic-shock-acute-mr: low output, congestion, large v-wave, severe MR", () => {
    const m = shock.measurements;
    expect(shock.converged).toBe(true);
    expect(m.map_mmHg).toBeGreaterThanOrEqual(55);
    expect(m.map_mmHg).toBeLessThanOrEqual(75);
    expect(m.co_L_min).toBeLessThanOrEqual(3.6);
    expect(m.cpo_W).toBeLessThan(0.6);
    expect(m.pcwp_mmHg).toBeGreaterThanOrEqual(20);
    expect(m.lap_v_mmHg - m.lap_mean_mmHg).toBeGreaterThanOrEqual(8);
    expect(m.mr_eroa_cm2).toBeGreaterThanOrEqual(0.4);
    expect(m.mr_grade).toBe(4);
    expect(m.mr_rf_pct).toBeGreaterThanOrEqual(50);
  });

  it("both presets hold stressed volume + every unstressed volume, exactly", () => {
    for (const [r, preset] of [
      [normal, "normal"],
      [shock, "cardiogenic-shock-acute-mr"],
    ] as const) {
      const expected = totalBloodVolume_mL(presetParams(preset));
      expect(Math.abs(r.measurements.total_blood_volume_mL - expected)).toBeLessThan(1e-6 * expected);
    }
  });
});
