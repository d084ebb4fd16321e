import { describe, expect, it } from "vitest";
import {
  bsaMosteller_m2,
  cardiacPowerOutput_W,
  cardiacPowerOutputNet_W,
  creatinineClearanceCockcroftGault_mL_min,
  diastolicFlow_mL_s,
  gorlinMeanGradient_mmHg,
  gorlinMitralArea_cm2,
  meanArterialPressure_mmHg,
  modifiedShockIndex,
  o2Content_mL_dL,
  o2Delivery_mL_min,
  papi,
  shockIndex,
  svr_dyn,
} from "./formulas.js";

describe("cardiacPowerOutput_W", () => {
  it("cardiacPowerOutput_W: MAP 60, CO 3.5 → 0.466 W (clinical-formulas §5)", () => {
    expect(cardiacPowerOutput_W(60, 3.5)).toBeCloseTo(0.466, 3);
  });
  it("cardiacPowerOutputNet_W: MAP 60, RAP 15, CO 3.5 → 0.349 W (§5)", () => {
    expect(cardiacPowerOutputNet_W(60, 15, 3.5)).toBeCloseTo(0.349, 3);
  });
});

describe("papi", () => {
  it("papi: 40/22/15 → 1.20 (§5)", () => {
    expect(papi(40, 22, 15)).toBeCloseTo(1.2, 2);
  });
});

describe("shockIndex", () => {
  it("shockIndex: HR 115, SBP 82 → 1.40 (§5)", () => {
    expect(shockIndex(115, 82)).toBeCloseTo(1.4, 2);
  });
  it("modifiedShockIndex divides by MAP", () => {
    expect(modifiedShockIndex(100, 50)).toBe(2);
  });
});

describe("o2Content_mL_dL", () => {
  it("o2Content_mL_dL: Hb 10, SaO2 0.92, PaO2 70 → 12.54 (§5)", () => {
    expect(o2Content_mL_dL(10, 0.92, 70)).toBeCloseTo(12.54, 2);
  });
  it("o2Delivery_mL_min: CO 3.5 with that content → 438.8 mL/min (§5)", () => {
    expect(o2Delivery_mL_min(3.5, o2Content_mL_dL(10, 0.92, 70))).toBeCloseTo(438.8, 1);
  });
});

describe("svr_dyn", () => {
  it("svr_dyn: 80 × (70 − 10) / 4 = 1200 dyn·s·cm⁻⁵", () => {
    expect(svr_dyn(70, 10, 4)).toBe(1200);
  });
});

describe("meanArterialPressure_mmHg", () => {
  it("meanArterialPressure_mmHg: 120/60 → 80", () => {
    expect(meanArterialPressure_mmHg(120, 60)).toBe(80);
  });
});

describe("bsaMosteller_m2", () => {
  it("bsaMosteller_m2: 170 cm, 70 kg → 1.82 m²; 180 cm, 80 kg → 2.00 m²", () => {
    expect(bsaMosteller_m2(170, 70)).toBeCloseTo(1.818, 3);
    expect(bsaMosteller_m2(180, 80)).toBe(2);
  });
});

describe("creatinineClearanceCockcroftGault_mL_min", () => {
  it("creatinineClearanceCockcroftGault_mL_min reproduces the §1.3 examples", () => {
    expect(creatinineClearanceCockcroftGault_mL_min(72, 80, 1.5, "male")).toBeCloseTo(50.37, 2);
    expect(creatinineClearanceCockcroftGault_mL_min(80, 60, 1.2, "female")).toBeCloseTo(35.42, 2);
  });
});

describe("diastolicFlow_mL_s", () => {
  it("diastolicFlow_mL_s: CO 4.5 L/min, HR 90, DFP 0.35 s → 143 mL/s (physiology §4.4)", () => {
    expect(diastolicFlow_mL_s({ co_L_min: 4.5, hr_bpm: 90, dfp_s: 0.35 })).toBeCloseTo(142.9, 1);
    expect(diastolicFlow_mL_s({ diastolicFlow_mL_s: 100 })).toBe(100);
  });
});

describe("gorlinMitralArea_cm2", () => {
  it("gorlinMitralArea_cm2: CO 3.5, DFP 0.45, HR 110, MG 6 → 0.77 cm² (clinical-formulas §5)", () => {
    expect(gorlinMitralArea_cm2({ co_L_min: 3.5, hr_bpm: 110, dfp_s: 0.45 }, 6)).toBeCloseTo(0.77, 2);
  });
  it("gorlinMitralArea_cm2 inverts gorlinMeanGradient_mmHg", () => {
    const flow = { diastolicFlow_mL_s: 180 };
    expect(gorlinMitralArea_cm2(flow, gorlinMeanGradient_mmHg(flow, 1.7))).toBeCloseTo(1.7, 12);
  });
});

describe("gorlinMeanGradient_mmHg", () => {
  it("gorlinMeanGradient_mmHg reproduces the physiology §4.4 examples (CO 4.5, HR 90, DFP 0.35)", () => {
    const base = { co_L_min: 4.5, hr_bpm: 90, dfp_s: 0.35 };
    expect(gorlinMeanGradient_mmHg(base, 2.0)).toBeCloseTo(3.6, 1);
    expect(gorlinMeanGradient_mmHg(base, 1.5)).toBeCloseTo(6.4, 1);
    expect(gorlinMeanGradient_mmHg({ ...base, co_L_min: 6.0 }, 2.0)).toBeCloseTo(6.4, 1);
    expect(gorlinMeanGradient_mmHg({ ...base, hr_bpm: 110, dfp_s: 0.25 }, 2.0)).toBeCloseTo(4.7, 1);
  });

  it("gorlinMeanGradient_mmHg reproduces the clinical-formulas §4.3 heart-rate examples (MVA 2.0)", () => {
    // §4.3 gives no DFP; formulas.py's DFP model was not available. The DFPs below (0.68 s at 60 bpm,
    // 0.22 s at 120 bpm) are the ones its three results imply, and reproduce all three.
    expect(gorlinMeanGradient_mmHg({ co_L_min: 3.5, hr_bpm: 60, dfp_s: 0.68 }, 2.0)).toBeCloseTo(1.3, 1);
    expect(gorlinMeanGradient_mmHg({ co_L_min: 3.5, hr_bpm: 120, dfp_s: 0.22 }, 2.0)).toBeCloseTo(3.1, 1);
    expect(gorlinMeanGradient_mmHg({ co_L_min: 5.0, hr_bpm: 120, dfp_s: 0.22 }, 2.0)).toBeCloseTo(6.3, 1);
  });

  it("gorlinMeanGradient_mmHg scales with the square of flow", () => {
    expect(gorlinMeanGradient_mmHg({ diastolicFlow_mL_s: 200 }, 2)).toBeCloseTo(
      4 * gorlinMeanGradient_mmHg({ diastolicFlow_mL_s: 100 }, 2),
      12,
    );
  });
});
