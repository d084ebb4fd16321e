/**
 * The plan's text names the low-support setting it used (e.g. "Impella CP at P2"), not only the rule
 * that picks it, and says the rule once.
 */
import { describe, expect, it } from "vitest";
import type { Measurements } from "../../src/measure/beat.js";
import { explainRanking } from "../../src/procedure/plan/rank.js";
import type { ClipStrategy, WeanTest } from "../../src/procedure/plan/types.js";
import { supportWarning } from "../../src/procedure/plan/warnings.js";
import { runCli } from "../cli/run-cli.js";

describe("plan text: the low-support setting", () => {
  it("the wean test and the clip search name the setting; the rule appears once", async () => {
    const r = await runCli([
      "plan",
      "shock-demo",
      "--at",
      "1",
      "--max-clips",
      "1",
      "--workers",
      "0",
      "--no-progress",
    ]);
    expect(r.code).toBe(0);
    const wean = r.stdout.split("\n").find((l) => l.startsWith("Wean test"));
    expect(wean).toBe(
      "Wean test (current: Impella CP at P6; low support: Impella CP at P2 (P2 for a pump run at a P-level, 1 L/min for a pump titrated to a flow, or the current setting if lower), looked at after 180 s and then left to settle; stopped: P0 with the pump left across the aortic valve)",
    );
    const search = r.stdout.split("\n").find((l) => l.startsWith("Clip strategies"));
    expect(search).toBe(
      "Clip strategies (up to 1 clip; at Impella CP at P2 (the wean test's low support); gradient < 5 mmHg, area >= 1.5 cm²)",
    );
    expect(r.stdout.match(/for a pump titrated to a flow/g)).toHaveLength(1);
    // Units follow their numbers directly: "RVol 36.9 mL", not "RVol 36.9  mL".
    expect(r.stdout).not.toMatch(/\d {2,}(mL|%)/);
  });
});

describe("plan text: ties and no pump", () => {
  const s = (offset_mm: number, gradient: number): ClipStrategy => ({
    clips: [{ device: "NT", offset_mm }],
    mr_grade: 0,
    mr_rvol_mL: 0.5,
    mr_rf_pct: 0.6,
    mr_eroa_cm2: 0.003,
    mv_gradient_mean_mmHg: gradient,
    mv_area_cm2: 2.92,
    geometricEroa_cm2: 0,
    meetsCriteria: true,
    misses: [],
    impellaInterference: false,
    converged: true,
  });

  it("mirror positions whose gradients differ only past the shown digits are called a tie, not 'a lower gradient'", () => {
    const text = explainRanking(s(10, 1.9012341), s(-10, 1.9012345));
    expect(text).not.toContain("it leaves a lower gradient");
    expect(text).toContain("they tie to measurement precision");
    expect(explainRanking(s(10, 1.8), s(-10, 2.4))).toContain("it leaves a lower gradient for the same MR");
  });

  it("without a pump the clip-search line says 'no pump', not 'at no pump'", async () => {
    const r = await runCli([
      "plan",
      "test/fixtures/good/contract-example.json",
      "--at",
      "0",
      "--max-clips",
      "1",
      "--workers",
      "0",
      "--no-progress",
    ]);
    expect(r.code).toBe(0);
    const search = r.stdout.split("\n").find((l) => l.startsWith("Clip strategies"));
    expect(search).toBe("Clip strategies (up to 1 clip; no pump; gradient < 5 mmHg, area >= 1.5 cm²)");
  });
});

describe("support-hides-mr: a grade change without a volume change is called borderline", () => {
  const m = (mr_grade: number, mr_rvol_mL: number, mr_eroa_cm2: number) =>
    ({ mr_grade, mr_rvol_mL, mr_eroa_cm2 }) as Measurements;
  const wean = (low: Measurements, stopped: Measurements): WeanTest => ({
    current: m(1, 20.1, 0.199),
    lowSupport: low,
    assessmentHold_s: 180,
    lowSupportSettled: null,
    outlook: null,
    eroaRatio: low.mr_eroa_cm2 / 0.199,
    pumpStopped: stopped,
    supportHidesMR: true,
    settings: {
      current: { model: "5.0", targetFlow_L_min: 2 },
      lowSupport: { model: "5.0", targetFlow_L_min: 1 },
      pumpStopped: { model: "5.0", pLevel: 0 },
    },
    note: "",
  });

  it("grade 1 -> 2 at the same 20 mL/beat (the wean-test case) says the EROA crossed its threshold", () => {
    const [w] = supportWarning(wean(m(2, 20.0, 0.204), m(2, 20.5, 0.21)));
    expect(w.code).toBe("support-hides-mr");
    expect(w.message).toContain(
      "The regurgitant volume changes by less than 3 mL/beat: the grade moves because an index crosses its threshold (EROA 0.199 cm² now, 0.204 and 0.210 cm² at less support), so the finding is borderline.",
    );
  });

  it("a real rise in volume gets no such note", () => {
    const [w] = supportWarning(wean(m(3, 40, 0.35), m(3, 42, 0.36)));
    expect(w.message).not.toContain("borderline");
  });
});
