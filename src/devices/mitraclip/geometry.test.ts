import { describe, expect, it } from "vitest";
import { checkClipPlacement, clipGeometry } from "./geometry.js";

const shares = { A1P1: 0.15, A2P2: 0.4, A3P3: 0.45 };
const geo = (clips: { device: "NT" | "NTW" | "XT" | "XTW"; offset_mm: number }[], s = shares) =>
  clipGeometry(clips, 5, 36, 0.45, s);

describe("clipGeometry", () => {
  it("clipGeometry without clips keeps the native area and the whole EROA", () => {
    const g = geo([]);
    expect(g.openArea_cm2).toBeCloseTo(5, 2);
    expect(g.eroaBySegment_cm2.A1P1 + g.eroaBySegment_cm2.A2P2 + g.eroaBySegment_cm2.A3P3).toBeCloseTo(
      0.45,
      3,
    );
    expect(g.eroaBySegment_cm2.A3P3).toBeCloseTo(0.45 * 0.45, 3);
    expect(g.orifices_cm2).toHaveLength(1);
  });
  it("clipGeometry: one central clip lowers the area by 35–55 %, two by 50–70 %", () => {
    for (const d of ["NT", "NTW", "XT", "XTW"] as const) {
      const one = 1 - geo([{ device: d, offset_mm: 0 }]).areaFraction;
      expect(one).toBeGreaterThan(0.35);
      expect(one).toBeLessThan(0.55);
    }
    const two =
      1 -
      geo([
        { device: "NTW", offset_mm: 0 },
        { device: "NT", offset_mm: 6 },
      ]).areaFraction;
    expect(two).toBeGreaterThan(0.5);
    expect(two).toBeLessThan(0.7);
    const twoApart =
      1 -
      geo([
        { device: "NT", offset_mm: -5 },
        { device: "NT", offset_mm: 5 },
      ]).areaFraction;
    expect(twoApart).toBeGreaterThan(0.5);
    expect(twoApart).toBeLessThan(0.7);
  });
  it("clipGeometry splits the diastolic orifice into one more orifice per clip", () => {
    expect(geo([{ device: "NT", offset_mm: 0 }]).orifices_cm2).toHaveLength(2);
    expect(
      geo([
        { device: "NT", offset_mm: -6 },
        { device: "NT", offset_mm: 6 },
      ]).orifices_cm2,
    ).toHaveLength(3);
  });
  it("clipGeometry removes 80–95 % of the clipped segment's EROA and 20–50 % of the adjacent one", () => {
    const before = geo([]).eroaBySegment_cm2;
    const after = geo([{ device: "NT", offset_mm: 0 }]).eroaBySegment_cm2;
    const own = 1 - after.A2P2 / before.A2P2;
    const adj = 1 - after.A3P3 / before.A3P3;
    expect(own).toBeGreaterThan(0.8);
    expect(own).toBeLessThan(0.99);
    expect(adj).toBeGreaterThan(0.2);
    expect(adj).toBeLessThan(0.5);
  });
  it("clipGeometry: a commissural clip removes less area than a central one", () => {
    expect(geo([{ device: "NT", offset_mm: 12 }]).areaFraction).toBeGreaterThan(
      geo([{ device: "NT", offset_mm: 0 }]).areaFraction,
    );
  });
});

describe("checkClipPlacement", () => {
  it("checkClipPlacement accepts clips that fit and names the clip a new one lies on", () => {
    expect(
      checkClipPlacement(
        [
          { device: "NTW", offset_mm: 0 },
          { device: "NT", offset_mm: 6 },
        ],
        36,
      ),
    ).toEqual([]);
    const p = checkClipPlacement(
      [
        { device: "NTW", offset_mm: 0 },
        { device: "NT", offset_mm: 3 },
      ],
      36,
    );
    expect(p).toHaveLength(1);
    expect(p[0].index).toBe(1);
    expect(p[0].message).toContain("lies on clip 1");
  });
  it("checkClipPlacement rejects a position off the coaptation line", () => {
    const p = checkClipPlacement([{ device: "XTW", offset_mm: 17 }], 36);
    expect(p[0].message).toContain("off the coaptation line");
  });
});
