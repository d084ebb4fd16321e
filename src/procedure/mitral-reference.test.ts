import { describe, expect, it } from "vitest";
import { presetParams } from "../physiology/params.js";
import { mitralReference, resolveMitralReference } from "./mitral-reference.js";
import { runState } from "./run-state.js";

describe("the mitral orifice's reference state is the patient's own operating point", () => {
  const p = presetParams("cardiogenic-shock-acute-mr");
  it("is found by simulation, memoised, and kept when given explicitly", () => {
    const a = mitralReference(p);
    expect(a.refVolume_mL).toBeGreaterThan(100);
    expect(a.refVolume_mL).toBeLessThan(250);
    expect(a.dpRef_mmHg).toBeGreaterThan(20);
    expect(mitralReference(p)).toBe(a);
    const fixed = resolveMitralReference({ ...p, "mr.refVolume_mL": 150, "mr.dpRef_mmHg": 60 });
    expect(fixed["mr.refVolume_mL"]).toBe(150);
    expect(fixed["mr.dpRef_mmHg"]).toBe(60);
  });
  it("a dilated LV has a reference of its own size, so its orifice is the stated one, not a larger one", () => {
    const dilated = { ...p, "lv.v0_mL": 80 };
    expect(mitralReference(dilated).refVolume_mL).toBeGreaterThan(mitralReference(p).refVolume_mL + 20);
    const m = runState(dilated, { impella: { model: "CP", pLevel: 6 }, clips: [] }).measurements;
    const n = runState(p, { impella: { model: "CP", pLevel: 6 }, clips: [] }).measurements;
    expect(Math.abs(m.mr_eroa_cm2 - n.mr_eroa_cm2) / n.mr_eroa_cm2).toBeLessThan(0.25);
  });
});
