import { describe, expect, it } from "vitest";
import { tableAt } from "../../physiology/valve/tabulated.js";
import { clipGeometry, regurgitantTable } from "./geometry.js";

const shares = { A1P1: 0.15, A2P2: 0.4, A3P3: 0.45 };

describe("regurgitantTable: one tethering law for native and clipped valves", () => {
  it("native: A(u) = u × EROA, linear, 0 at u = 0", () => {
    const t = regurgitantTable([], 36, 0.45, shares);
    expect(tableAt(t.total, t.du, 0)).toBe(0);
    expect(tableAt(t.total, t.du, 1)).toBeCloseTo(0.45, 3);
    expect(tableAt(t.total, t.du, 2)).toBeCloseTo(0.9, 3);
    expect(tableAt(t.bySegment.A3P3, t.du, 1)).toBeCloseTo(0.45 * 0.45, 3);
  });
  it("with clips, at the reference (u = 1) it is the clip geometry's residual orifice", () => {
    const clips = [{ device: "NTW" as const, offset_mm: 12 }];
    const t = regurgitantTable(clips, 36, 0.45, shares);
    const g = clipGeometry(clips, 5, 36, 0.45, shares);
    for (const s of ["A1P1", "A2P2", "A3P3"] as const)
      expect(tableAt(t.bySegment[s], t.du, 1)).toBeCloseTo(g.eroaBySegment_cm2[s], 3);
  });
  it("the residual beside a clip grows faster with tethering than a native orifice (relative)", () => {
    const native = regurgitantTable([], 36, 0.45, shares);
    const clipped = regurgitantTable([{ device: "NTW", offset_mm: 12 }], 36, 0.45, shares);
    const rel = (t: typeof native) => tableAt(t.total, t.du, 1.3) / tableAt(t.total, t.du, 1);
    expect(rel(native)).toBeCloseTo(1.3, 3);
    expect(rel(clipped)).toBeGreaterThan(1.3);
  });
  it("extrapolates linearly past its end and is monotone", () => {
    const t = regurgitantTable([{ device: "NT", offset_mm: 0 }], 36, 0.45, shares);
    let prev = -1;
    for (let u = 0; u < 8; u += 0.1) {
      const a = tableAt(t.total, t.du, u);
      expect(a).toBeGreaterThanOrEqual(prev);
      prev = a;
    }
  });
});
