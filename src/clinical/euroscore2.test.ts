import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { EuroScore2Input } from "../procedure/types.js";
import {
  EUROSCORE2_BETA,
  euroscore2,
  euroscore2AgeUnits,
  euroscore2FactorCodes,
  lvFactor,
  paFactor,
  renalFactor,
} from "./euroscore2.js";

interface Vector {
  name: string;
  age: number;
  factors: Record<string, number>;
  y: number;
  pct: number;
  expected_pct_from_source: number | null;
}
const VECTORS: { coefficients: Record<string, number>; vectors: Vector[] } = JSON.parse(
  readFileSync(new URL("../../test/clinical/fixtures/euroscore2-vectors.json", import.meta.url), "utf8"),
);

/** Every factor absent / at its reference category. */
const REFERENCE: EuroScore2Input = {
  age_years: 50,
  sex: "male",
  creatinineClearance_mL_min: 100,
  dialysis: false,
  extracardiacArteriopathy: false,
  poorMobility: false,
  previousCardiacSurgery: false,
  chronicLungDisease: false,
  activeEndocarditis: false,
  criticalPreoperativeState: false,
  diabetesOnInsulin: false,
  nyhaClass: 1,
  ccs4Angina: false,
  lvef_pct: 60,
  recentMI: false,
  paSystolic_mmHg: 25,
  urgency: "elective",
  weightOfIntervention: "isolated-cabg",
  thoracicAortaSurgery: false,
};

/** How each factor code of euroscore2-vectors.json is expressed as an input. */
const CODE_TO_INPUT: Record<string, Partial<EuroScore2Input>> = {
  female: { sex: "female" },
  cc50_85: { creatinineClearance_mL_min: 65 },
  cc_le50: { creatinineClearance_mL_min: 40 },
  dialysis: { dialysis: true, creatinineClearance_mL_min: undefined },
  eca: { extracardiacArteriopathy: true },
  mob: { poorMobility: true },
  redo: { previousCardiacSurgery: true },
  cld: { chronicLungDisease: true },
  endo: { activeEndocarditis: true },
  crit: { criticalPreoperativeState: true },
  iddm: { diabetesOnInsulin: true },
  nyha2: { nyhaClass: 2 },
  nyha3: { nyhaClass: 3 },
  nyha4: { nyhaClass: 4 },
  ccs4: { ccs4Angina: true },
  lvmod: { lvef_pct: 40 },
  lvpoor: { lvef_pct: 25 },
  lvvpoor: { lvef_pct: 15 },
  mi: { recentMI: true },
  pa31_55: { paSystolic_mmHg: 40 },
  pa55: { paSystolic_mmHg: 60 },
  urgent: { urgency: "urgent" },
  emerg: { urgency: "emergency" },
  salvage: { urgency: "salvage" },
  w1: { weightOfIntervention: "single-non-cabg" },
  w2: { weightOfIntervention: "two" },
  w3: { weightOfIntervention: "three-or-more" },
  aorta: { thoracicAortaSurgery: true },
};

function inputFor(v: Vector): EuroScore2Input {
  let input: EuroScore2Input = { ...REFERENCE, age_years: v.age };
  for (const [code, x] of Object.entries(v.factors)) {
    expect(x, `${v.name}: ${code}`).toBe(1);
    expect(CODE_TO_INPUT[code], `unmapped code ${code}`).toBeDefined();
    input = { ...input, ...CODE_TO_INPUT[code] };
  }
  return input;
}

/** The contract's example input. */
const CONTRACT_EXAMPLE: EuroScore2Input = JSON.parse(
  readFileSync(new URL("../../test/fixtures/good/euroscore2-contract-example.json", import.meta.url), "utf8"),
) as EuroScore2Input;

describe("EUROSCORE2_BETA", () => {
  it("EUROSCORE2_BETA equals the coefficients of euroscore2-vectors.json", () => {
    expect({ ...EUROSCORE2_BETA }).toEqual(VECTORS.coefficients);
  });
});

describe("euroscore2", () => {
  it.each(VECTORS.vectors.map((v) => [v.name, v] as const))("euroscore2 reproduces vector %s", (_, v) => {
    const r = euroscore2(inputFor(v));
    expect(Math.abs(r.predictedMortality_pct - v.pct)).toBeLessThan(0.01);
    expect(Math.abs(r.logit - v.y)).toBeLessThan(1e-5);
    if (v.expected_pct_from_source !== null) {
      expect(Math.abs(r.predictedMortality_pct - v.expected_pct_from_source)).toBeLessThanOrEqual(
        0.005 + 1e-9,
      );
    }
  });

  it("euroscore2 factor codes of each vector input are exactly the vector's codes", () => {
    for (const v of VECTORS.vectors) {
      expect(euroscore2FactorCodes(inputFor(v)).sort(), v.name).toEqual(Object.keys(v.factors).sort());
    }
  });

  it("euroscore2 gives 35.48 % for the contract example (72 M, emergency single non-CABG)", () => {
    const r = euroscore2(CONTRACT_EXAMPLE);
    expect(r.predictedMortality_pct.toFixed(2)).toBe("35.48");
    expect(r.logit).toBeCloseTo(-0.597949, 5);
  });

  it("euroscore2 gives 48.70 % for the contract example with CABG added (scenario C, two procedures)", () => {
    expect(
      euroscore2({ ...CONTRACT_EXAMPLE, weightOfIntervention: "two" }).predictedMortality_pct.toFixed(2),
    ).toBe("48.70");
  });

  it("euroscore2 logit is the constant plus the listed factor contributions", () => {
    const r = euroscore2(CONTRACT_EXAMPLE);
    const sum = r.factors.reduce<number>((s, f) => s + f.beta, EUROSCORE2_BETA.const);
    expect(r.logit).toBeCloseTo(sum, 12);
    expect(r.factors[0]).toEqual({ name: "age (x_age 13)", beta: EUROSCORE2_BETA.age * 13 });
    expect(r.factors.map((f) => f.name)).toContain("critical preoperative state");
  });

  it("euroscore2 baseline (age <= 60, male, elective isolated CABG) is 0.50 %", () => {
    expect(euroscore2({ ...REFERENCE, age_years: 60 }).predictedMortality_pct.toFixed(2)).toBe("0.50");
    expect(euroscore2({ ...REFERENCE, age_years: 50 }).predictedMortality_pct.toFixed(2)).toBe("0.50");
  });

  it("euroscore2 on dialysis uses the dialysis factor and refuses a clearance given with it, as the CLI does", () => {
    const a = euroscore2({ ...REFERENCE, dialysis: true, creatinineClearance_mL_min: undefined });
    expect(a.logit - euroscore2(REFERENCE).logit).toBeCloseTo(EUROSCORE2_BETA.dialysis, 12);
    expect(() => euroscore2({ ...REFERENCE, dialysis: true, creatinineClearance_mL_min: 20 })).toThrow(
      /creatinineClearance_mL_min/,
    );
  });

  it("euroscore2 throws RangeError without clearance and without dialysis", () => {
    expect(() => euroscore2({ ...REFERENCE, creatinineClearance_mL_min: undefined })).toThrow(RangeError);
  });
});

describe("euroscore2AgeUnits", () => {
  it("euroscore2AgeUnits is max(1, completed years - 59)", () => {
    expect([18, 55, 60, 61, 62, 75, 95].map(euroscore2AgeUnits)).toEqual([1, 1, 1, 2, 3, 16, 36]);
    expect(euroscore2AgeUnits(61.9)).toBe(2);
  });
});

describe("renalFactor", () => {
  it("renalFactor puts exactly 50 in the severe band and 51-85 in the moderate band", () => {
    expect(renalFactor(false, 86)).toBeNull();
    expect(renalFactor(false, 85)).toBe("cc50_85");
    expect(renalFactor(false, 51)).toBe("cc50_85");
    expect(renalFactor(false, 50.37)).toBe("cc50_85");
    expect(renalFactor(false, 50)).toBe("cc_le50");
    expect(renalFactor(false, 10)).toBe("cc_le50");
    expect(renalFactor(true, 10)).toBe("dialysis");
  });
});

describe("lvFactor", () => {
  it("lvFactor bands: > 50 good, 31-50 moderate, 21-30 poor, <= 20 very poor", () => {
    expect([51, 50, 31, 30.5, 30, 21, 20, 10].map(lvFactor)).toEqual([
      null,
      "lvmod",
      "lvmod",
      "lvmod",
      "lvpoor",
      "lvpoor",
      "lvvpoor",
      "lvvpoor",
    ]);
  });
});

describe("paFactor", () => {
  it("paFactor bands: < 31 reference, 31-55 moderate, > 55 severe", () => {
    expect([30, 31, 55, 55.5, 56].map(paFactor)).toEqual([null, "pa31_55", "pa31_55", "pa55", "pa55"]);
  });
});
