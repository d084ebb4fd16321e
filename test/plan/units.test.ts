/** The planner's pure pieces: Shapley shares, --at, the candidate grid and screen, ranking. */
import { describe, expect, it } from "vitest";
import { presetParams } from "../../src/physiology/params.js";
import { getCase } from "../../src/procedure/cases/index.js";
import { resolveAt } from "../../src/procedure/plan/at.js";
import { candidateClips, namedPosition, screen, setKey } from "../../src/procedure/plan/clip-screen.js";
import { createEvaluator } from "../../src/procedure/plan/evaluator.js";
import { inImpellaZone } from "../../src/procedure/plan/interference.js";
import { locateClip, locationText } from "../../src/procedure/plan/locate.js";
import {
  compareStrategies,
  diverseTop,
  explainRanking,
  rankStrategies,
  violation,
} from "../../src/procedure/plan/rank.js";
import { scheduledClips } from "../../src/procedure/plan/scheduled-clips.js";
import { shapley } from "../../src/procedure/plan/shapley.js";
import type { ClipStrategy } from "../../src/procedure/plan/types.js";
import { interferenceWarning } from "../../src/procedure/plan/warnings.js";
import { InputError, type Scenario } from "../../src/procedure/types.js";

describe("shapley", () => {
  it("shapley gives each player its own effect in an additive game", () => {
    const w = { a: 1, b: 2, c: -0.5 };
    const phi = shapley(["a", "b", "c"] as const, (s) => [...s].reduce((t, p) => t + w[p], 0));
    expect(phi.a).toBeCloseTo(1, 12);
    expect(phi.b).toBeCloseTo(2, 12);
    expect(phi.c).toBeCloseTo(-0.5, 12);
  });
  it("shapley splits an interaction evenly and the shares add up to v(all) − v(none)", () => {
    const v = (s: ReadonlySet<string>) => (s.has("x") && s.has("y") ? 6 : 0) + (s.has("z") ? 1 : 0) + 2;
    const phi = shapley(["x", "y", "z"], v);
    expect(phi.x).toBeCloseTo(3, 12);
    expect(phi.y).toBeCloseTo(3, 12);
    expect(phi.z).toBeCloseTo(1, 12);
    expect(phi.x + phi.y + phi.z).toBeCloseTo(v(new Set(["x", "y", "z"])) - v(new Set()), 12);
  });
});

describe("resolveAt", () => {
  const scenario = {
    id: "s",
    title: "",
    patient: { preset: "normal" },
    steps: [{ name: "baseline" }, { name: "Pump On" }, { name: "clip" }],
  } as Scenario;
  it("resolveAt takes a name (case-insensitive), a 0-based index, or defaults to the last step", () => {
    expect(resolveAt(scenario)).toBe(2);
    expect(resolveAt(scenario, " pump on ")).toBe(1);
    expect(resolveAt(scenario, "0")).toBe(0);
    expect(resolveAt(scenario, 2)).toBe(2);
  });
  it("resolveAt rejects an unknown step, listing the steps", () => {
    expect(() => resolveAt(scenario, "3")).toThrow(InputError);
    expect(() => resolveAt(scenario, "nope")).toThrow('0 "baseline", 1 "Pump On", 2 "clip"');
  });
  it("resolveAt finds a step named with digits when no index fits", () => {
    const digits = { ...scenario, steps: [{ name: "baseline" }, { name: "3" }] } as Scenario;
    expect(resolveAt(digits, "3")).toBe(1);
    expect(resolveAt(digits, "1")).toBe(1);
  });
});

describe("clip screen", () => {
  const params = presetParams("cardiogenic-shock-acute-mr");
  it("candidateClips lies on a 2 mm grid, fits the line and keeps clear of clips in place", () => {
    const c = candidateClips([{ device: "NTW", offset_mm: 0 }], 36);
    expect(c.every((x) => x.offset_mm % 2 === 0)).toBe(true);
    expect(c.some((x) => Math.abs(x.offset_mm) < 5)).toBe(false);
    expect(Math.max(...c.map((x) => x.offset_mm))).toBeLessThanOrEqual(16);
    expect(c.find((x) => x.offset_mm === 12)?.position).toBe("A3P3");
    expect(namedPosition(0, 36)).toBe("A2P2");
    expect(namedPosition(2, 36)).toBeUndefined();
  });
  it("screen scales the simulated baseline area by the geometric area and lowers the residual orifice", () => {
    const base = { geometricArea_cm2: 5, mv_area_cm2: 4.25, mv_gradient_mean_mmHg: 2 };
    const none = screen(params, [], [], base);
    const one = screen(params, [], [{ device: "NT", offset_mm: 0 }], base);
    expect(none.area_cm2).toBeCloseTo(4.25 * (none.area_cm2 / 4.25), 9);
    expect(one.area_cm2).toBeLessThan(none.area_cm2);
    expect(one.gradient_mmHg).toBeGreaterThan(none.gradient_mmHg);
    expect(one.eroa_cm2).toBeLessThan(none.eroa_cm2);
  });
  it("setKey ignores the order of clips", () => {
    expect(
      setKey([
        { device: "NT", offset_mm: 2 },
        { device: "XT", offset_mm: -6 },
      ]),
    ).toBe(
      setKey([
        { device: "XT", offset_mm: -6 },
        { device: "NT", offset_mm: 2 },
      ]),
    );
  });
  it("inImpellaZone covers the anterolateral and central positions, not A3-P3", () => {
    expect(inImpellaZone(-12, 36)).toBe(true);
    expect(inImpellaZone(0, 36)).toBe(true);
    expect(inImpellaZone(6, 36)).toBe(true);
    expect(inImpellaZone(12, 36)).toBe(false);
  });
});

describe("ranking", () => {
  const s = (over: Partial<ClipStrategy>): ClipStrategy => ({
    clips: [{ device: "NT", offset_mm: 0 }],
    mr_grade: 1,
    mr_rvol_mL: 10,
    mr_rf_pct: 15,
    mr_eroa_cm2: 0.1,
    mv_gradient_mean_mmHg: 4,
    mv_area_cm2: 2,
    geometricEroa_cm2: 0.1,
    meetsCriteria: true,
    misses: [],
    impellaInterference: false,
    converged: true,
    ...over,
  });
  it("rankStrategies puts strategies meeting the criteria first, then less MR, then fewer clips", () => {
    const fails = s({ meetsCriteria: false, mr_rvol_mL: 1, mr_grade: 0, mv_gradient_mean_mmHg: 6 });
    const more = s({ mr_rvol_mL: 15 });
    const twoClips = s({
      clips: [
        { device: "NT", offset_mm: 0 },
        { device: "NT", offset_mm: 6 },
      ],
    });
    const best = s({});
    expect(rankStrategies([fails, more, twoClips, best])).toEqual([best, twoClips, more, fails]);
    expect(compareStrategies(best, best)).toBe(0);
  });
  it("violation is 0 within the criteria and grows with the miss", () => {
    expect(violation({ mv_gradient_mean_mmHg: 4.9, mv_area_cm2: 1.5 })).toBe(0);
    expect(violation({ mv_gradient_mean_mmHg: 6, mv_area_cm2: 1.5 })).toBeCloseTo(0.2, 9);
    expect(violation({ mv_gradient_mean_mmHg: 5, mv_area_cm2: 1.2 })).toBeCloseTo(0.2, 9);
  });
  it("explainRanking names the deciding criterion and both sets of figures", () => {
    const text = explainRanking(s({}), s({ mr_rvol_mL: 14, clips: [{ device: "NTW", offset_mm: -4 }] }));
    expect(text).toContain("it leaves less regurgitant volume");
    expect(text).toContain("less regurgitant volume");
    expect(text).toContain("10.0 mL/beat");
    expect(text).toContain("14.0 mL/beat");
    expect(text).toContain("NTW");
  });
});

describe("ranking within measurement precision (issue 13)", () => {
  const s = (
    device: "NT" | "XTW",
    offset_mm: number,
    rvol: number,
    gradient: number,
    n = 1,
  ): ClipStrategy => ({
    clips: Array.from({ length: n }, (_, i) => ({ device, offset_mm: offset_mm + 8 * i })),
    mr_grade: 1,
    mr_rvol_mL: rvol,
    mr_rf_pct: 15,
    mr_eroa_cm2: 0.1,
    mv_gradient_mean_mmHg: gradient,
    mv_area_cm2: 2,
    geometricEroa_cm2: 0.1,
    meetsCriteria: true,
    misses: [],
    impellaInterference: false,
    converged: true,
  });
  it("0.2 mL less regurgitation does not beat 0.46 mmHg less gradient: XTW 4.96 vs NT 4.50 at +6 mm", () => {
    const xtw = s("XTW", 6, 10.0, 4.96);
    const nt = s("NT", 6, 10.2, 4.5);
    expect(rankStrategies([xtw, nt])).toEqual([nt, xtw]);
    expect(explainRanking(nt, xtw)).toContain("lower gradient for the same MR");
  });
  it("a real difference in regurgitant volume still decides", () => {
    const leaky = s("NT", 6, 16, 3);
    const tight = s("XTW", 6, 10, 4.9);
    expect(rankStrategies([leaky, tight])).toEqual([tight, leaky]);
  });
  it("ties prefer fewer clips", () => {
    const two = s("NT", -4, 9.5, 3.5, 2);
    const one = s("NT", 0, 10.5, 4.0);
    expect(rankStrategies([two, one])).toEqual([one, two]);
    expect(explainRanking(one, two)).toContain("fewer clips");
  });
  it("diverseTop keeps no two in the same segment and third with the same device, and at most two per device set", () => {
    const c = (
      device: "NT" | "XTW",
      offset_mm: number,
      segment: "A2P2" | "A3P3",
      third: "central" | "medial",
    ) => ({
      ...s(device, offset_mm, 10, 4),
      clips: [{ device, offset_mm, segment, third }],
    });
    const ranked = [
      c("NT", 0, "A2P2", "central"),
      c("NT", 2, "A2P2", "central"),
      c("NT", 4, "A2P2", "medial"),
      c("NT", 12, "A3P3", "central"),
      c("XTW", 0, "A2P2", "central"),
    ];
    const top = diverseTop(ranked, 3);
    expect(top.map((x) => `${x.clips[0].device}${x.clips[0].offset_mm}`)).toEqual(["NT0", "NT4", "XTW0"]);
  });
});

describe("locateClip", () => {
  it("names segment and third along a 36 mm line", () => {
    expect(locateClip(0, 36)).toEqual({ segment: "A2P2", third: "central" });
    expect(locateClip(4, 36)).toEqual({ segment: "A2P2", third: "medial" });
    expect(locateClip(-4, 36)).toEqual({ segment: "A2P2", third: "lateral" });
    expect(locateClip(12, 36)).toEqual({ segment: "A3P3", third: "central" });
    expect(locateClip(6, 36)).toEqual({ segment: "A2P2", third: "medial" });
    expect(locateClip(-6, 36)).toEqual({ segment: "A2P2", third: "lateral" });
    expect(locateClip(-16, 36)).toEqual({ segment: "A1P1", third: "lateral" });
    expect(locationText(4, locateClip(4, 36))).toBe("A2-P2, medial third, +4 mm");
  });
});

describe("createEvaluator", () => {
  it("createEvaluator falls back to in-process simulation, with a note, when the bundled worker is missing", async () => {
    const e = createEvaluator({ workers: 2, workerScript: "/nonexistent/plan-worker.mjs" });
    expect(e.mode).toBe("in-process");
    expect(e.note).toContain("/nonexistent/plan-worker.mjs");
    const o = await e.run({ params: presetParams("normal"), devices: { impella: null, clips: [] } });
    expect(o.ok && o.measurements.mr_grade).toBe(0);
    await e.close();
  });
});

describe("scheduledClips and interferenceWarning", () => {
  const scenario = getCase("impella5-wean-test") as Scenario;
  it("scheduledClips lists the clips the scenario deploys from a step on, with the pump at that step", () => {
    const s = scheduledClips(scenario, 1);
    expect(s.map((x) => [x.stepIndex, x.clip.device, x.clip.position, x.pumpInPlace])).toEqual([
      [1, "NTW", "A3P3", true],
      [4, "NT", "A2P2", true],
    ]);
    expect(scheduledClips(scenario, 5)).toEqual([]);
  });
  it("interferenceWarning names a scheduled clip in the pump's zone, and stays quiet without a pump", () => {
    const w = interferenceWarning(undefined, 36, true, scheduledClips(scenario, 1));
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain('Step 4 "NT at A2-P2" places NT at A2-P2');
    expect(w[0].message).not.toContain("NTW");
    const noPump = scheduledClips(scenario, 1).map((x) => ({ ...x, pumpInPlace: false }));
    expect(interferenceWarning(undefined, 36, false, noPump)).toEqual([]);
  });
});
