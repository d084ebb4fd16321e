import { describe, expect, it } from "vitest";
import { IMPELLA, IMPELLA_MODELS, nearestPLevel, staticFlow_L_min } from "./models.js";

// Impella 2.5 IFU P-level flow ranges (reference §1.2) [S].
const IFU_25: Record<number, [number, number]> = {
  2: [0.8, 1.5],
  3: [1.1, 1.7],
  4: [1.3, 1.8],
  5: [1.5, 1.9],
  6: [1.7, 2.1],
  7: [1.8, 2.2],
  8: [2.1, 2.4],
  9: [2.1, 2.5],
};

describe("staticFlow_L_min", () => {
  it("staticFlow_L_min falls as the pressure head rises and rises with P-level, for every model", () => {
    for (const m of IMPELLA_MODELS) {
      const d = IMPELLA[m];
      for (let p = 1; p <= 9; p++) {
        for (let h = 0; h < 100; h += 10) {
          expect(staticFlow_L_min(d, d.speeds_krpm[p], h + 10)).toBeLessThan(
            staticFlow_L_min(d, d.speeds_krpm[p], h),
          );
        }
        if (p > 1)
          expect(staticFlow_L_min(d, d.speeds_krpm[p], 60)).toBeGreaterThan(
            staticFlow_L_min(d, d.speeds_krpm[p - 1], 60),
          );
      }
    }
  });
  it("staticFlow_L_min of the Impella 2.5 at heads of 40–80 mmHg spans the IFU range of each P-level", () => {
    const d = IMPELLA["2.5"];
    for (const [p, [lo, hi]] of Object.entries(IFU_25)) {
      const n = d.speeds_krpm[Number(p)];
      const qHigh = staticFlow_L_min(d, n, 40);
      const qLow = staticFlow_L_min(d, n, 80);
      // The fitted flows over 40–80 mmHg overlap the IFU range (reference §1.4 cross-check).
      expect(qHigh).toBeGreaterThanOrEqual(lo);
      expect(qLow).toBeLessThanOrEqual(hi);
      // and the IFU mid-range lies within the fitted span, widened by 10 %.
      const mid = (lo + hi) / 2;
      expect(mid).toBeGreaterThan(qLow * 0.9);
      expect(mid).toBeLessThan(qHigh * 1.1);
    }
  });
  it("staticFlow_L_min at P9 and a 20 mmHg mean head matches the labelled maximum within 10 % (CP, 5.0, 5.5)", () => {
    for (const m of ["CP", "5.0", "5.5"] as const) {
      const d = IMPELLA[m];
      const q = staticFlow_L_min(d, d.speeds_krpm[9], 20);
      expect(Math.abs(q - d.labelledMaxFlow_L_min) / d.labelledMaxFlow_L_min).toBeLessThan(0.1);
    }
  });
  it("staticFlow_L_min is negative (backflow) through a stopped pump against a positive head", () => {
    expect(staticFlow_L_min(IMPELLA.CP, 0, 60)).toBeLessThan(0);
  });
});

describe("nearestPLevel", () => {
  it("nearestPLevel maps a titrated speed to the console's P-level", () => {
    expect(nearestPLevel(IMPELLA.CP, 39)).toBe(6);
    expect(nearestPLevel(IMPELLA.CP, 38.2)).toBe(6);
    expect(nearestPLevel(IMPELLA["5.0"], 0)).toBe(0);
  });
});
