/**
 * EuroSCORE II: predicted in-hospital mortality after cardiac surgery (Nashef SAM et al., Eur J Cardiothorac
 * Surg 2012;41:734–744, doi:10.1093/ejcts/ezs043).
 *
 *   p = e^y / (1 + e^y),   y = β0 + Σ βi·xi                    (clinical-formulas §1.1)
 *
 * Coefficients: clinical-formulas §1.2 (poor mobility 0.2407181, single non-CABG 0.0062118, as the reference
 * recommends). Variable definitions: §1.3.
 * - age: completed years, x_age = max(1, age − 59) (age ≤ 60 → 1, 61 → 2, 75 → 16).
 * - renal: CrCl (Cockcroft–Gault) > 85 reference; 51–85 moderate; ≤ 50 severe (exactly 50 counts as ≤ 50,
 *   the reference's resolution of the conflict at 50); dialysis overrides the clearance.
 * - LV function: LVEF > 50 good (reference); 31–50 moderate; 21–30 poor; ≤ 20 very poor.
 * - PA systolic pressure: < 31 reference; 31–55 moderate; > 55 severe (the majority wording at 55).
 * Non-integer LVEF, clearance and PA pressure fall into the band whose integer limits enclose them
 * (e.g. LVEF 30.5 is moderate, CrCl 50.5 is moderate, PASP 55.5 is severe).
 *
 * Caveat: EuroSCORE II estimates the mortality of the *surgical* alternative (e.g. emergency mitral valve
 * replacement); it does not predict mortality after TEER (clinical-formulas §1.3, "Applicability caveat").
 *
 * Example (contract input: 72 M, CrCl 40, critical state, NYHA IV, LVEF 25, recent MI, PASP 40, emergency,
 * single non-CABG): y = −0.597949, p = 35.48 %.
 */
import type { EuroScore2Input } from "../procedure/types.js";
import { parseEuroScore2Input } from "./euroscore2-input.js";

export { parseEuroScore2Input } from "./euroscore2-input.js";
export type { EuroScore2Input };

/** Coefficients of the published model (clinical-formulas §1.2; keys as in euroscore2-vectors.json). */
export const EUROSCORE2_BETA = {
  const: -5.324537,
  age: 0.0285181,
  female: 0.2196434,
  cc50_85: 0.303553,
  cc_le50: 0.8592256,
  dialysis: 0.6421508,
  eca: 0.5360268,
  mob: 0.2407181,
  redo: 1.118599,
  cld: 0.1886564,
  endo: 0.6194522,
  crit: 1.086517,
  iddm: 0.3542749,
  nyha2: 0.1070545,
  nyha3: 0.2958358,
  nyha4: 0.5597929,
  ccs4: 0.2226147,
  lvmod: 0.3150652,
  lvpoor: 0.8084096,
  lvvpoor: 0.9346919,
  mi: 0.1528943,
  pa31_55: 0.1788899,
  pa55: 0.3491475,
  urgent: 0.3174673,
  emerg: 0.7039121,
  salvage: 1.362947,
  w1: 0.0062118,
  w2: 0.5521478,
  w3: 0.9724533,
  aorta: 0.6527205,
} as const;

export type EuroScore2FactorCode = Exclude<keyof typeof EUROSCORE2_BETA, "const">;

/** Human-readable names of the factor codes. */
export const EUROSCORE2_FACTOR_NAME: Readonly<Record<EuroScore2FactorCode, string>> = {
  age: "age",
  female: "female sex",
  cc50_85: "renal: creatinine clearance 51-85 mL/min",
  cc_le50: "renal: creatinine clearance <= 50 mL/min",
  dialysis: "renal: on dialysis",
  eca: "extracardiac arteriopathy",
  mob: "poor mobility",
  redo: "previous cardiac surgery",
  cld: "chronic lung disease",
  endo: "active endocarditis",
  crit: "critical preoperative state",
  iddm: "diabetes on insulin",
  nyha2: "NYHA II",
  nyha3: "NYHA III",
  nyha4: "NYHA IV",
  ccs4: "CCS class 4 angina",
  lvmod: "LV function moderate (LVEF 31-50 %)",
  lvpoor: "LV function poor (LVEF 21-30 %)",
  lvvpoor: "LV function very poor (LVEF <= 20 %)",
  mi: "recent MI (<= 90 days)",
  pa31_55: "PA systolic pressure 31-55 mmHg",
  pa55: "PA systolic pressure > 55 mmHg",
  urgent: "urgency: urgent",
  emerg: "urgency: emergency",
  salvage: "urgency: salvage",
  w1: "weight: single non-CABG major procedure",
  w2: "weight: two major procedures",
  w3: "weight: three or more major procedures",
  aorta: "surgery on thoracic aorta",
};

export interface EuroScore2Result {
  /** Predicted in-hospital mortality after cardiac surgery, % (full precision). */
  predictedMortality_pct: number;
  /** y = β0 + Σ βi·xi. */
  logit: number;
  /** Factors present, each with its contribution βi·xi to the logit (for age: β_age·x_age). */
  factors: { name: string; beta: number }[];
}

/** x_age = max(1, completed years − 59) (clinical-formulas §1.3). */
export function euroscore2AgeUnits(age_years: number): number {
  return Math.max(1, Math.floor(age_years) - 59);
}

/** Renal category: dialysis overrides clearance; > 85 reference, 51–85 moderate, ≤ 50 severe (§1.3). */
export function renalFactor(dialysis: boolean, crCl_mL_min: number | undefined): EuroScore2FactorCode | null {
  if (dialysis) return "dialysis";
  if (crCl_mL_min === undefined) throw new RangeError("creatinine clearance is required unless on dialysis");
  if (crCl_mL_min > 85) return null;
  return crCl_mL_min > 50 ? "cc50_85" : "cc_le50";
}

/** LV function: > 50 good (reference), 31–50 moderate, 21–30 poor, ≤ 20 very poor (§1.3). */
export function lvFactor(lvef_pct: number): EuroScore2FactorCode | null {
  if (lvef_pct > 50) return null;
  if (lvef_pct > 30) return "lvmod";
  return lvef_pct > 20 ? "lvpoor" : "lvvpoor";
}

/** PA systolic pressure: < 31 reference, 31–55 moderate, > 55 severe (§1.3). */
export function paFactor(paSystolic_mmHg: number): EuroScore2FactorCode | null {
  if (paSystolic_mmHg > 55) return "pa55";
  return paSystolic_mmHg >= 31 ? "pa31_55" : null;
}

const NYHA: Readonly<Record<1 | 2 | 3 | 4, EuroScore2FactorCode | null>> = {
  1: null,
  2: "nyha2",
  3: "nyha3",
  4: "nyha4",
};
const URGENCY: Readonly<Record<EuroScore2Input["urgency"], EuroScore2FactorCode | null>> = {
  elective: null,
  urgent: "urgent",
  emergency: "emerg",
  salvage: "salvage",
};
const WEIGHT: Readonly<Record<EuroScore2Input["weightOfIntervention"], EuroScore2FactorCode | null>> = {
  "isolated-cabg": null,
  "single-non-cabg": "w1",
  two: "w2",
  "three-or-more": "w3",
};

/** The binary (0/1) factor codes present in an input, in the order of §1.2 (age excluded). */
export function euroscore2FactorCodes(input: EuroScore2Input): EuroScore2FactorCode[] {
  const codes: (EuroScore2FactorCode | null)[] = [
    input.sex === "female" ? "female" : null,
    renalFactor(input.dialysis, input.creatinineClearance_mL_min),
    input.extracardiacArteriopathy ? "eca" : null,
    input.poorMobility ? "mob" : null,
    input.previousCardiacSurgery ? "redo" : null,
    input.chronicLungDisease ? "cld" : null,
    input.activeEndocarditis ? "endo" : null,
    input.criticalPreoperativeState ? "crit" : null,
    input.diabetesOnInsulin ? "iddm" : null,
    NYHA[input.nyhaClass],
    input.ccs4Angina ? "ccs4" : null,
    lvFactor(input.lvef_pct),
    input.recentMI ? "mi" : null,
    paFactor(input.paSystolic_mmHg),
    URGENCY[input.urgency],
    WEIGHT[input.weightOfIntervention],
    input.thoracicAortaSurgery ? "aorta" : null,
  ];
  return codes.filter((c): c is EuroScore2FactorCode => c !== null);
}

/**
 * EuroSCORE II predicted mortality (%). The input is checked as the command line checks it
 * (parseEuroScore2Input); an invalid one throws a RangeError with one `path: message` line per problem
 * rather than returning a number for an impossible patient.
 */
export function euroscore2(input: EuroScore2Input): EuroScore2Result {
  const checked = parseEuroScore2Input(input);
  if (!checked.ok) throw new RangeError(checked.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  const xAge = euroscore2AgeUnits(input.age_years);
  const factors = [
    { name: `${EUROSCORE2_FACTOR_NAME.age} (x_age ${xAge})`, beta: EUROSCORE2_BETA.age * xAge },
    ...euroscore2FactorCodes(input).map((c) => ({
      name: EUROSCORE2_FACTOR_NAME[c],
      beta: EUROSCORE2_BETA[c],
    })),
  ];
  const logit = factors.reduce<number>((y, f) => y + f.beta, EUROSCORE2_BETA.const);
  return { predictedMortality_pct: 100 / (1 + Math.exp(-logit)), logit, factors };
}
