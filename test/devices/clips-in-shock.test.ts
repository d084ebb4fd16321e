import { describe, expect, it } from "vitest";
import type { Devices } from "../../src/procedure/circuit.js";
import { steady } from "../helpers.js";

const jetAtA2P2 = { "mr.segments": { A1P1: 0, A2P2: 1, A3P3: 0 } };

describe("MitraClip in the shock preset", () => {
  const base = steady("cardiogenic-shock-acute-mr", jetAtA2P2);

  it("a clip on the segment that carries the jet removes at least 60 % of the regurgitant volume; one on a segment without jet removes much less", () => {
    const onJet = steady(
      "cardiogenic-shock-acute-mr",
      jetAtA2P2,
      { impella: null, clips: [{ device: "NT", offset_mm: 0 }] },
      base.state,
    );
    const offJet = steady(
      "cardiogenic-shock-acute-mr",
      jetAtA2P2,
      { impella: null, clips: [{ device: "NT", offset_mm: -12 }] },
      base.state,
    );
    const r0 = base.measurements.mr_rvol_mL;
    expect(1 - onJet.measurements.mr_rvol_mL / r0).toBeGreaterThanOrEqual(0.6);
    expect(1 - offJet.measurements.mr_rvol_mL / r0).toBeLessThan(0.3);
  });

  it("one central clip lowers the effective diastolic area by 35–55 %, two by 50–70 %", () => {
    const one = steady(
      "cardiogenic-shock-acute-mr",
      {},
      { impella: null, clips: [{ device: "NTW", offset_mm: 0 }] },
    );
    const two = steady(
      "cardiogenic-shock-acute-mr",
      {},
      {
        impella: null,
        clips: [
          { device: "NTW", offset_mm: 0 },
          { device: "NT", offset_mm: 6 },
        ],
      },
      one.state,
    );
    const native = base.measurements.mv_area_cm2;
    expect(1 - one.measurements.mv_area_cm2 / native).toBeGreaterThan(0.35);
    expect(1 - one.measurements.mv_area_cm2 / native).toBeLessThan(0.55);
    expect(1 - two.measurements.mv_area_cm2 / native).toBeGreaterThan(0.5);
    expect(1 - two.measurements.mv_area_cm2 / native).toBeLessThan(0.7);
  });

  it("after clips the mean gradient rises with transmitral flow: higher pump flow, lower haemoglobin, higher heart rate", () => {
    const clips: Devices["clips"] = [
      { device: "NTW", offset_mm: 0 },
      { device: "NT", offset_mm: 6 },
    ];
    const ref = steady(
      "cardiogenic-shock-acute-mr",
      { hr_bpm: 80 },
      { impella: { model: "CP", pLevel: 2 }, clips },
    );
    const g = (r: typeof ref) => r.measurements.mv_gradient_mean_mmHg;
    const morePump = steady(
      "cardiogenic-shock-acute-mr",
      { hr_bpm: 80 },
      { impella: { model: "CP", pLevel: 8 }, clips },
      ref.state,
    );
    const anaemia = steady(
      "cardiogenic-shock-acute-mr",
      { hr_bpm: 80, hb_g_dL: 8 },
      { impella: { model: "CP", pLevel: 2 }, clips },
      ref.state,
    );
    const tachy = steady(
      "cardiogenic-shock-acute-mr",
      { hr_bpm: 110 },
      { impella: { model: "CP", pLevel: 2 }, clips },
      ref.state,
    );
    expect(morePump.measurements.transmitral_flow_L_min).toBeGreaterThan(
      ref.measurements.transmitral_flow_L_min,
    );
    expect(g(morePump)).toBeGreaterThan(g(ref));
    expect(anaemia.measurements.transmitral_flow_L_min).toBeGreaterThan(
      ref.measurements.transmitral_flow_L_min,
    );
    expect(g(anaemia)).toBeGreaterThan(g(ref));
    expect(g(tachy)).toBeGreaterThan(g(ref));
  });
});
