import { describe, expect, it } from "vitest";
import { presetParams } from "../physiology/params.js";
import { runState } from "../procedure/run-state.js";
import { pvLoops } from "./pv-loop.js";

describe("pvLoops", () => {
  it("gives a closed loop per chamber whose LV extremes match the measured EDV and ESV", () => {
    const r = runState(presetParams("normal"), { impella: null, clips: [] }, { record_s: 1 });
    if (!r.waveforms) throw new Error("no waveforms");
    const loops = pvLoops(r.waveforms);
    for (const c of ["lv", "la", "rv", "ra"] as const) {
      const { p_mmHg, v_mL } = loops[c];
      expect(p_mmHg.length).toBe(v_mL.length);
      expect(p_mmHg.length).toBeGreaterThan(100);
      expect(Math.max(...v_mL) - Math.min(...v_mL), c).toBeGreaterThan(5); // the chamber fills and empties
    }
    const lv = loops.lv.v_mL;
    expect(Math.max(...lv)).toBeCloseTo(r.measurements.lvedv_mL, -1);
    expect(Math.min(...lv)).toBeCloseTo(r.measurements.lvesv_mL, -1);
    expect(Math.max(...loops.lv.p_mmHg)).toBeGreaterThan(Math.max(...loops.rv.p_mmHg)); // LV is the high-pressure side
  });
});
