/**
 * Golden behaviour of the built-in cases: ranges taken from the published reports (issue 3), never
 * numbers copied from a run. Targets the model misses are written as `it.fails` with the figures,
 * so that they are visible and a model change that meets them shows up as a test to update.
 */
import { describe, expect, it } from "vitest";
import { getCase } from "../../src/procedure/cases/index.js";
import { simulateScenario } from "../../src/procedure/execute.js";

function run(id: string) {
  const c = getCase(id);
  if (!c) throw new Error(`no case ${id}`);
  const r = simulateScenario(c);
  const step = (name: string) => {
    const s = r.steps.find((x) => x.name === name);
    if (!s) throw new Error(`no step ${name}`);
    return s.measurements;
  };
  return { r, step };
}

describe("impella-cp-two-clips (Coroas Pascual 2024)", () => {
  const { r, step } = run("impella-cp-two-clips");

  it("has the report's steps, named exactly, each at steady state", () => {
    expect(r.steps.map((s) => s.name)).toEqual([
      "Impella CP at P6",
      "NTW at A2-P2",
      "NT beside it",
      "Impella removed",
    ]);
    for (const s of r.steps) expect(s.converged).toBe(true);
  });
  it("MR is severe (grade 4) on Impella CP at P6 before clipping", () => {
    expect(step("Impella CP at P6").mr_grade).toBe(4);
  });
  // Close to a threshold (docs/validation.md, coroas-residual-grade): residual EROA ≈ 0.21 cm² against the
  // grade-2 threshold of 0.20, RVol ≈ 23 mL (mild), RF ≈ 38 % (moderate).
  it("after the NTW at A2-P2 MR is grade 2–3", () => {
    const m = step("NTW at A2-P2");
    expect(m.mr_grade).toBeGreaterThanOrEqual(2);
    expect(m.mr_grade).toBeLessThanOrEqual(3);
  });
  it("after the NTW at A2-P2 the largest residual orifice is on the medial side (A3P3)", () => {
    const m = step("NTW at A2-P2");
    const seg = m.mr_eroa_by_segment_cm2;
    expect(seg.A3P3).toBeGreaterThan(seg.A2P2);
    expect(seg.A3P3).toBeGreaterThan(seg.A1P1);
  });
  it("after the NT beside it MR is at most mild and the mean gradient below 5 mmHg", () => {
    const m = step("NT beside it");
    expect(m.mr_grade).toBeLessThanOrEqual(1);
    expect(m.mv_gradient_mean_mmHg).toBeLessThan(5);
  });
  it("MAP stays at least 60 mmHg after the pump is removed", () => {
    const m = step("Impella removed");
    expect(m.map_mmHg).toBeGreaterThanOrEqual(60);
    expect(m.pump_flow_L_min).toBe(0);
  });
  // Speed is measured by `npm run bench`, not asserted here (a shared CI machine makes wall time noise).
  it("blood volume stays conserved through every step", () => {
    const v = r.steps.map((s) => s.measurements.total_blood_volume_mL);
    for (const x of v) expect(Math.abs(x - v[0])).toBeLessThan(1e-6 * v[0]);
  });
});

describe("impella5-wean-test (Ugueto-Rodrigo 2023)", () => {
  const { r, step } = run("impella5-wean-test");

  it("has the report's steps, named exactly, with the displayed pump flow at each target", () => {
    expect(r.steps.map((s) => s.name)).toEqual([
      "Impella 5.0 at 2 L/min",
      "NTW at A3-P3",
      "support at 1 L/min",
      "support back at 2 L/min",
      "NT at A2-P2",
      "support at 0.5 L/min",
    ]);
    const targets = [2, 2, 1, 2, 2, 0.5];
    r.steps.forEach((s, i) => {
      expect(Math.abs(s.measurements.pump_flow_L_min - targets[i])).toBeLessThan(0.05 * targets[i] + 0.02);
    });
  });
  it("after the first clip at 2 L/min the gradient is 3–5 mmHg and MR is reduced", () => {
    const before = step("Impella 5.0 at 2 L/min");
    const m = step("NTW at A3-P3");
    expect(m.mv_gradient_mean_mmHg).toBeGreaterThanOrEqual(3);
    expect(m.mv_gradient_mean_mmHg).toBeLessThanOrEqual(5);
    expect(m.mr_grade).toBeLessThan(before.mr_grade);
    expect(m.mr_rvol_mL).toBeLessThan(before.mr_rvol_mL);
  });
  it("after the second clip MR is at most grade 1 and the gradient 6–8 mmHg at 2 L/min", () => {
    const m = step("NT at A2-P2");
    expect(m.mr_grade).toBeLessThanOrEqual(1);
    expect(m.mv_gradient_mean_mmHg).toBeGreaterThanOrEqual(6);
    expect(m.mv_gradient_mean_mmHg).toBeLessThanOrEqual(8);
  });
  it("lowering support after the second clip lowers the gradient (direction)", () => {
    expect(step("support at 0.5 L/min").mv_gradient_mean_mmHg).toBeLessThan(
      step("NT at A2-P2").mv_gradient_mean_mmHg,
    );
  });
  it("at 1 L/min (a 3-min look) MR is grade 3 or more and the orifice at least 1.25 × its size at 2 L/min", () => {
    const low = step("support at 1 L/min");
    const high = step("NTW at A3-P3");
    expect(low.mr_grade).toBeGreaterThanOrEqual(3);
    expect(low.mr_eroa_cm2).toBeGreaterThanOrEqual(1.25 * high.mr_eroa_cm2);
  });
  // Known miss (measured: 7.1 → 6.9 mmHg; docs/validation.md): from 2 to 0.5 L/min the forward flow
  // falls 16 % but the MR the support was hiding returns (RVol 9 → 12 mL) and the pump's flattening of
  // the inflow is lost (peak E 1.8 → 1.9 m/s), so the transmitral flow falls only 7 % and the gradient
  // 4 %. The report saw 7 → 5 mmHg.
  it.fails("at 0.5 L/min the gradient is 4–6 mmHg and at least 1 mmHg lower than at 2 L/min", () => {
    const low = step("support at 0.5 L/min");
    const high = step("NT at A2-P2");
    expect(low.mv_gradient_mean_mmHg).toBeGreaterThanOrEqual(4);
    expect(low.mv_gradient_mean_mmHg).toBeLessThanOrEqual(6);
    expect(high.mv_gradient_mean_mmHg - low.mv_gradient_mean_mmHg).toBeGreaterThanOrEqual(1);
  });
  // Speed is measured by `npm run bench`, not asserted here (a shared CI machine makes wall time noise).
  it("blood volume stays conserved through every step", () => {
    const v = r.steps.map((s) => s.measurements.total_blood_volume_mL);
    for (const x of v) expect(Math.abs(x - v[0])).toBeLessThan(1e-6 * v[0]);
  });
});
