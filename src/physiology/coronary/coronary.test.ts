import { describe, expect, it } from "vitest";
import { presetParams } from "../../physiology/params.js";
import { runState } from "../../procedure/run-state.js";
import { regionalFunction } from "./myocardial-perfusion.js";

describe("regionalFunction (perfusion-contraction matching over a regional spread of flow)", () => {
  it("is 1 with reserve everywhere, r where no region has any, and continuous and rising between", () => {
    expect(regionalFunction(2.5)).toBe(1);
    expect(regionalFunction(2)).toBeCloseTo(1, 12);
    expect(regionalFunction(0.5)).toBe(0.5);
    expect(regionalFunction(2 / 3)).toBeCloseTo(2 / 3, 12);
    expect(regionalFunction(0)).toBe(0);
    let prev = 0;
    for (let r = 0.01; r < 2.5; r += 0.01) {
      const m = regionalFunction(r);
      expect(m).toBeGreaterThanOrEqual(prev);
      expect(m).toBeLessThanOrEqual(Math.min(1, r) + 1e-12);
      prev = m;
    }
  });
  it("at a mean reserve of exactly 1, the worst-perfused half of the regions is limited: 87.5 %", () => {
    // ξ uniform on [0.5, 1.5]: E[min(1, ξ)] = (0.5·(1 − 0.25)/1 + 0.5)... = 0.875
    expect(regionalFunction(1)).toBeCloseTo(0.875, 12);
  });
});

describe("coronary bed and myocardial O2 balance in the closed loop", () => {
  const normal = runState(presetParams("normal"), { impella: null, clips: [] }).measurements;
  it("the normal heart at rest: coronary flow ≈ 250 mL/min, perfusion pressure ≈ DBP − LVEDP, full function", () => {
    expect(normal.coronary_flow_mL_min).toBeGreaterThan(200);
    expect(normal.coronary_flow_mL_min).toBeLessThan(300);
    expect(normal.coronary_perfusion_mmHg).toBeCloseTo(normal.dbp_mmHg - normal.lvedp_mmHg, 6);
    expect(normal.coronary_reserve_ratio).toBeGreaterThan(2);
    expect(normal.lv_function_pct).toBeGreaterThan(99.5);
  });
  it("autoregulation: supply meets demand while there is reserve", () => {
    expect(normal.coronary_o2_supply_mL_min).toBeCloseTo(normal.myocardial_o2_demand_mL_min, 0);
  });
  it("less haemoglobin needs more coronary flow for the same demand (O2 content)", () => {
    const anaemic = runState(
      { ...presetParams("normal"), hb_g_dL: 8 },
      { impella: null, clips: [] },
    ).measurements;
    expect(anaemic.coronary_flow_mL_min).toBeGreaterThan(normal.coronary_flow_mL_min * 1.3);
    expect(anaemic.coronary_reserve_ratio).toBeLessThan(normal.coronary_reserve_ratio);
  });
  it("a bed that cannot dilate enough limits LV function, and a pump that raises diastolic pressure restores it", () => {
    const p = {
      ...presetParams("cardiogenic-shock-acute-mr"),
      "mr.eroa_cm2": 0,
      "coronary.rMin_mmHg_s_mL": 6,
    };
    const off = runState(p, { impella: null, clips: [] }).measurements;
    const on = runState(p, { impella: { model: "CP", pLevel: 8 }, clips: [] }).measurements;
    expect(off.coronary_reserve_ratio).toBeLessThan(1.5);
    expect(off.lv_function_pct).toBeLessThan(95);
    expect(on.coronary_perfusion_mmHg).toBeGreaterThan(off.coronary_perfusion_mmHg);
    expect(on.lv_function_pct).toBeGreaterThan(off.lv_function_pct);
  });
});
