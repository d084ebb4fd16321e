import { describe, expect, it } from "vitest";
import { presetParams } from "../physiology/params.js";
import { runState } from "./run-state.js";
import { scaiOf } from "./scai-of.js";

describe("scaiOf: one SCAI rule for plan, report and web", () => {
  const params = presetParams("cardiogenic-shock-acute-mr");
  const m = runState(params, { impella: null, clips: [] }).measurements;
  const calm = { ...params, lactate_mmol_L: 1, vasoactiveDrugs: 0 };

  it("hypotension with low output and no support is C; the preset's drug with persistent hypotension makes it D", () => {
    expect(scaiOf(m, calm, 0).stage).toBe("C");
    const d = scaiOf(m, params, 0); // preset: lactate 4 mmol/L, one vasoactive drug
    expect(d.stage).toBe("D");
    expect(d.reasons.join(" ")).toMatch(/lactate 4 mmol\/L/);
  });

  it("a pump in place counts as a device", () => {
    expect(scaiOf(m, calm, 1).stage).toBe("D");
  });
});
