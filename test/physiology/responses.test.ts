import { describe, expect, it } from "vitest";
import type { Measurements } from "../../src/measure/beat.js";
import { presetParams } from "../../src/physiology/params.js";
import { LiveSession } from "../../src/procedure/live.js";
import { steady } from "../helpers.js";

describe("responses come out of the model", () => {
  it("more EROA gives higher LAP and lower forward output", () => {
    const a = steady("cardiogenic-shock-acute-mr", { "mr.eroa_cm2": 0.25 });
    const b = steady("cardiogenic-shock-acute-mr", { "mr.eroa_cm2": 0.5 }, undefined, a.state);
    expect(b.measurements.lap_mean_mmHg).toBeGreaterThan(a.measurements.lap_mean_mmHg + 1);
    expect(b.measurements.co_L_min).toBeLessThan(a.measurements.co_L_min - 0.1);
    expect(b.measurements.mr_rvol_mL).toBeGreaterThan(a.measurements.mr_rvol_mL);
  });

  it("losing 500 mL of stressed volume lowers MAP; the baroreflex raises HR and SVR and recovers part of it within ~30 s", () => {
    const s = new LiveSession({ id: "t", title: "t", patient: { preset: "normal" }, steps: [] });
    const before = s.fastForward();
    s.setParams({ stressedVolume_mL: (presetParams("normal").stressedVolume_mL as number) - 500 });
    const beats: Measurements[] = s.advance(60, 50).beats;
    const at = (t: number) => beats[Math.min(beats.length - 1, Math.round((t * before.hr_bpm) / 60))];
    const early = beats.slice(1, 4).reduce((a, m) => Math.min(a, m.map_mmHg), Infinity);
    const late = at(45);
    // An immediate fall of MAP...
    expect(early).toBeLessThan(before.map_mmHg - 10);
    // ...then heart rate and resistance rise and part of the MAP returns over about 30 s.
    expect(late.hr_bpm).toBeGreaterThan(before.hr_bpm + 5);
    expect(late.svr_mmHg_s_mL).toBeGreaterThan(before.svr_mmHg_s_mL * 1.05);
    expect(late.map_mmHg).toBeGreaterThan(early + 3);
    expect(late.map_mmHg).toBeLessThan(before.map_mmHg);
    const recovered30 = (at(30).map_mmHg - early) / (late.map_mmHg - early);
    expect(recovered30).toBeGreaterThan(0.5);
  });

  it("lower haemoglobin lowers systemic resistance and raises output", () => {
    const a = steady("normal", { hb_g_dL: 14 });
    const b = steady("normal", { hb_g_dL: 8 }, undefined, a.state);
    expect(b.measurements.svr_mmHg_s_mL).toBeLessThan(a.measurements.svr_mmHg_s_mL);
    expect(b.measurements.co_L_min).toBeGreaterThan(a.measurements.co_L_min);
    expect(b.measurements.do2_mL_min).toBeLessThan(a.measurements.do2_mL_min);
  });

  it("a faster heart rate shortens diastole and raises the transmitral gradient for the same flow", () => {
    const fixedHr = { "baroreflex.controlsHeartRate": false, "mv.area_cm2": 2.5 };
    const slow = steady("normal", { ...fixedHr, hr_bpm: 70 }).measurements;
    const fast = steady("normal", { ...fixedHr, hr_bpm: 110 }).measurements;
    expect(fast.diastolic_filling_time_s * fast.hr_bpm).toBeLessThan(
      slow.diastolic_filling_time_s * slow.hr_bpm,
    );
    // Gradient per squared transmitral flow: the Gorlin relation's (1/(HR·DFP))² factor.
    const perFlow = (m: Measurements) => m.mv_gradient_mean_mmHg / m.transmitral_flow_L_min ** 2;
    expect(perFlow(fast)).toBeGreaterThan(perFlow(slow) * 1.2);
    expect(fast.mv_gradient_mean_mmHg).toBeGreaterThan(slow.mv_gradient_mean_mmHg);
  });
});
