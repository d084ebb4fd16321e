import { describe, expect, it } from "vitest";
import { SCAI_SOURCE, scaiStage } from "./scai.js";

const NORMAL = { sbp_mmHg: 120, map_mmHg: 85 };

describe("scaiStage", () => {
  it("scaiStage is A without hypotension, hypoperfusion or support", () => {
    const s = scaiStage({ ...NORMAL, ci_L_min_m2: 2.8, lactate_mmol_L: 1.1 });
    expect(s.stage).toBe("A");
    expect(s.source).toBe(SCAI_SOURCE);
    expect(s.source).toMatch(/suggested/);
  });

  it("scaiStage is B for hypotension alone or lactate 2-5 alone without support", () => {
    expect(scaiStage({ sbp_mmHg: 85, map_mmHg: 62 }).stage).toBe("B");
    expect(scaiStage({ sbp_mmHg: 100, map_mmHg: 58 }).stage).toBe("B");
    expect(scaiStage({ ...NORMAL, lactate_mmol_L: 3 }).stage).toBe("B");
  });

  it("scaiStage is C for hypotension with hypoperfusion, one drug/device, or lactate >= 5", () => {
    expect(scaiStage({ sbp_mmHg: 85, map_mmHg: 58, lactate_mmol_L: 2.4 }).stage).toBe("C");
    expect(scaiStage({ sbp_mmHg: 85, map_mmHg: 58, ci_L_min_m2: 1.8 }).stage).toBe("C");
    expect(scaiStage({ ...NORMAL, vasoactiveDrugs: 1 }).stage).toBe("C");
    expect(scaiStage({ ...NORMAL, lactate_mmol_L: 5.5 }).stage).toBe("C");
  });

  it("scaiStage computes CI from CO and BSA and CPO from MAP and CO", () => {
    const s = scaiStage({ sbp_mmHg: 85, map_mmHg: 58, co_L_min: 3.5, bsa_m2: 2.0 });
    expect(s.stage).toBe("C");
    expect(s.reasons).toContain("CI 1.75 L/min/m2 < 2.2");
    expect(s.reasons).toContain("CPO 0.45 W <= 0.6");
  });

  it("scaiStage is D for one device with persistent hypoperfusion (an Impella counts as one device)", () => {
    const s = scaiStage({ sbp_mmHg: 95, map_mmHg: 68, lactate_mmol_L: 2.6, mcsDevices: 1 });
    expect(s.stage).toBe("D");
    expect(s.reasons[0]).toBe("stage D: 1 drug/device with persistent hypotension or hypoperfusion");
  });

  it("scaiStage is D for two drugs/devices or hypotension with lactate >= 5", () => {
    expect(scaiStage({ ...NORMAL, vasoactiveDrugs: 1, mcsDevices: 1 }).stage).toBe("D");
    expect(scaiStage({ sbp_mmHg: 80, map_mmHg: 55, lactate_mmol_L: 6 }).stage).toBe("D");
  });

  it("scaiStage is E for arrest, SBP < 60 or MAP < 50, lactate >= 8, or > 3 drugs", () => {
    expect(scaiStage({ ...NORMAL, cardiacArrest: true }).stage).toBe("E");
    expect(scaiStage({ sbp_mmHg: 58, map_mmHg: 45 }).stage).toBe("E");
    expect(scaiStage({ sbp_mmHg: 70, map_mmHg: 49 }).stage).toBe("E");
    expect(scaiStage({ ...NORMAL, lactate_mmol_L: 8 }).stage).toBe("E");
    expect(scaiStage({ ...NORMAL, vasoactiveDrugs: 4 }).stage).toBe("E");
    expect(scaiStage({ ...NORMAL, vasoactiveDrugs: 3, mcsDevices: 1 }).stage).toBe("D");
  });

  it("scaiStage lactate thresholds are 2 / 5 / 8 with hypotension", () => {
    const hypo = { sbp_mmHg: 85, map_mmHg: 58 };
    expect([1.9, 2, 4.9, 5, 7.9, 8].map((l) => scaiStage({ ...hypo, lactate_mmol_L: l }).stage)).toEqual([
      "B",
      "C",
      "C",
      "D",
      "D",
      "E",
    ]);
  });

  it("scaiStage reports congestion and RV findings without changing the stage", () => {
    const s = scaiStage({ ...NORMAL, pcwp_mmHg: 22, rap_mmHg: 18, papi: 1.2 });
    expect(s.stage).toBe("A");
    expect(s.reasons.join("\n")).toMatch(/PCWP 22 mmHg > 15/);
    expect(s.reasons.join("\n")).toMatch(/RAP\/PCWP 0.82 >= 0.8/);
    expect(s.reasons.join("\n")).toMatch(/PAPi 1.2 < 1.85/);
  });

  it("scaiStage suggests D for the shock scenario on Impella CP with norepinephrine", () => {
    const s = scaiStage({
      sbp_mmHg: 88,
      map_mmHg: 62,
      co_L_min: 3.6,
      lactate_mmol_L: 4.1,
      vasoactiveDrugs: 1,
      mcsDevices: 1,
    });
    expect(s.stage).toBe("D");
    expect(s.reasons[0]).toMatch(/^stage D: 2 or more drugs\/devices/);
  });

  it("scaiStage rejects non-numeric pressures", () => {
    expect(() => scaiStage({ sbp_mmHg: Number.NaN, map_mmHg: 60 })).toThrow(RangeError);
  });
});
