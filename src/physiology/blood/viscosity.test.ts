import { describe, expect, it } from "vitest";
import {
  arterialO2Content_mL_dL,
  o2Delivery_mL_min,
  viscosity_cP,
  viscosityResistanceFactor,
} from "./viscosity.js";

describe("viscosity", () => {
  it("viscosity_cP follows Lichtman: ≈ 3.5 cP at Hct 45 %, ≈ 2.1 cP at Hct 25 %", () => {
    expect(viscosity_cP(15)).toBeCloseTo(3.5, 1);
    expect(viscosity_cP(25 / 3)).toBeCloseTo(2.1, 1);
  });
  it("viscosityResistanceFactor is 1 at the reference Hb and falls with anaemia", () => {
    expect(viscosityResistanceFactor(14, 0.7)).toBeCloseTo(1, 12);
    expect(viscosityResistanceFactor(8.6, 0.7)).toBeLessThan(0.85);
    expect(viscosityResistanceFactor(8.6, 0)).toBe(1);
  });
  it("arterialO2Content_mL_dL and o2Delivery_mL_min reproduce the reference example", () => {
    const cao2 = arterialO2Content_mL_dL(10, 0.92, 70);
    expect(cao2).toBeCloseTo(12.54, 2);
    expect(o2Delivery_mL_min(3.5, cao2)).toBeCloseTo(438.8, 0);
  });
});
