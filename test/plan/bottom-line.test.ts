/** The plan's bottom line (issue 13, item 4): accept, reassess at low support, add a clip, or nothing meets. */
import { describe, expect, it } from "vitest";
import { presetParams } from "../../src/physiology/params.js";
import { bottomLine } from "../../src/procedure/plan/bottom-line.js";
import type { ClipStrategy, WeanTest } from "../../src/procedure/plan/types.js";
import { runState } from "../../src/procedure/run-state.js";

const m0 = runState(presetParams("cardiogenic-shock-acute-mr"), { impella: null, clips: [] }).measurements;
const m = (over: Partial<typeof m0>) => ({ ...m0, ...over });

const wean = (current: typeof m0, low: typeof m0, hides = false): WeanTest => ({
  current,
  lowSupport: low,
  assessmentHold_s: 180,
  lowSupportSettled: low,
  outlook: null,
  eroaRatio: 1,
  pumpStopped: null,
  supportHidesMR: hides,
  settings: {
    current: { model: "5.0", targetFlow_L_min: 2 },
    lowSupport: { model: "5.0", targetFlow_L_min: 1 },
    pumpStopped: null,
  },
  note: "",
});

const strategy: ClipStrategy = {
  clips: [{ device: "NT", offset_mm: 4, segment: "A2P2", third: "medial" }],
  mr_grade: 1,
  mr_rvol_mL: 9,
  mr_rf_pct: 15,
  mr_eroa_cm2: 0.08,
  mv_gradient_mean_mmHg: 4.5,
  mv_area_cm2: 1.9,
  geometricEroa_cm2: 0.05,
  meetsCriteria: true,
  misses: [],
  impellaInterference: true,
  converged: true,
};

const good = { mr_grade: 1, mv_gradient_mean_mmHg: 4.2, mv_area_cm2: 1.8, mr_rvol_mL: 10 };
const bad = { mr_grade: 3, mv_gradient_mean_mmHg: 3, mv_area_cm2: 2.4, mr_rvol_mL: 45 };

describe("bottomLine", () => {
  it("accepts the current result when it meets the criteria at low support, even if a clip could be added", () => {
    const b = bottomLine({ wean: wean(m(good), m(good)), strategies: [strategy], referenceGradient_mmHg: 3 });
    expect(b.action).toBe("accept");
    expect(b.text).toContain("Accept the current result");
  });
  it("says reassess at low support when MR looks fine now but not at low support", () => {
    const b = bottomLine({
      wean: wean(m(good), m(bad), true),
      strategies: [strategy],
      referenceGradient_mmHg: 3,
    });
    expect(b.action).toBe("reassess-at-low-support");
    expect(b.text).toContain("A2-P2, medial third, +4 mm");
  });
  it("names the clip to add by segment and third", () => {
    const b = bottomLine({ wean: wean(m(bad), m(bad)), strategies: [strategy], referenceGradient_mmHg: 3 });
    expect(b.action).toBe("add-clip");
    expect(b.text).toMatch(/^Add NT at A2-P2, medial third, \+4 mm/);
  });
  it("with no strategy, weighs the residual MR against surgery and quotes both scores", () => {
    const b = bottomLine({
      wean: wean(m(bad), m(bad)),
      strategies: [],
      referenceGradient_mmHg: 3,
      euroscore2_pct: 48.7,
      stsProm_pct: 16,
    });
    expect(b.action).toBe("no-clip-meets-criteria");
    expect(b.text).toContain("EuroSCORE II 48.7 %");
    expect(b.text).toContain("STS PROM 16.0 % (entered)");
  });
});
