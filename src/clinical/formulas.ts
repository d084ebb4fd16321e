/**
 * Bedside haemodynamic formulas, each a pure function with the unit in its name.
 * Sources: clinical-formulas §5 (table, worked examples from `formulas.py`), §1.3 (Cockcroft–Gault), §4.3
 * (gradient vs heart rate); physiology-and-devices §4.4 (Gorlin flow dependence).
 * Units: pressure mmHg, CO L/min, flow mL/s, Hb g/dL, time s.
 */

/**
 * Cardiac power output (W) = MAP × CO / 451 (clinical-formulas §5; Fincke 2004).
 * Example: MAP 60, CO 3.5 → 0.466 W. SCAI C: CPO ≤ 0.6 W.
 */
export function cardiacPowerOutput_W(map_mmHg: number, co_L_min: number): number {
  return (map_mmHg * co_L_min) / 451;
}

/** CPO variant using the perfusion pressure: (MAP − RAP) × CO / 451 (§5). Example: 60, 15, 3.5 → 0.349 W. */
export function cardiacPowerOutputNet_W(map_mmHg: number, rap_mmHg: number, co_L_min: number): number {
  return ((map_mmHg - rap_mmHg) * co_L_min) / 451;
}

/**
 * Pulmonary artery pulsatility index (dimensionless) = (PASP − PADP) / RAP (§5).
 * < 1.85 is listed in SCAI stage C; < 0.9 RV failure in inferior AMI. Example: 40/22/15 → 1.20.
 */
export function papi(pasp_mmHg: number, padp_mmHg: number, rap_mmHg: number): number {
  return (pasp_mmHg - padp_mmHg) / rap_mmHg;
}

/** Shock index (bpm/mmHg) = HR / SBP (§5); ≥ 0.9–1.0 abnormal. Example: 115/82 → 1.40. */
export function shockIndex(hr_bpm: number, sbp_mmHg: number): number {
  return hr_bpm / sbp_mmHg;
}

/** Modified shock index = HR / MAP (§5). */
export function modifiedShockIndex(hr_bpm: number, map_mmHg: number): number {
  return hr_bpm / map_mmHg;
}

/**
 * Arterial O₂ content (mL O₂/dL) = 1.34 × Hb × SaO₂ + 0.003 × PaO₂ (§5; Hb g/dL, SaO₂ a fraction 0..1,
 * PaO₂ mmHg). Example: Hb 10, SaO₂ 0.92, PaO₂ 70 → 12.54 mL/dL.
 */
export function o2Content_mL_dL(hb_g_dL: number, sao2_fraction: number, pao2_mmHg: number): number {
  return 1.34 * hb_g_dL * sao2_fraction + 0.003 * pao2_mmHg;
}

/** O₂ delivery (mL/min) = CO × CaO₂ × 10 (§5; CO L/min, CaO₂ mL/dL). Example: 3.5, 12.54 → 438.8 mL/min. */
export function o2Delivery_mL_min(co_L_min: number, cao2_mL_dL: number): number {
  return co_L_min * cao2_mL_dL * 10;
}

/** Systemic vascular resistance (dyn·s·cm⁻⁵) = 80 × (MAP − RAP) / CO (§5). Example: 70, 10, 4 → 1200. */
export function svr_dyn(map_mmHg: number, rap_mmHg: number, co_L_min: number): number {
  return (80 * (map_mmHg - rap_mmHg)) / co_L_min;
}

/** Mean arterial pressure (mmHg) = DBP + (SBP − DBP) / 3 (§5). */
export function meanArterialPressure_mmHg(sbp_mmHg: number, dbp_mmHg: number): number {
  return dbp_mmHg + (sbp_mmHg - dbp_mmHg) / 3;
}

/** Body surface area (m²), Mosteller: √(height cm × weight kg / 3600). Example: 170 cm, 70 kg → 1.82 m². */
export function bsaMosteller_m2(height_cm: number, weight_kg: number): number {
  return Math.sqrt((height_cm * weight_kg) / 3600);
}

/**
 * Creatinine clearance (mL/min), Cockcroft–Gault (clinical-formulas §1.3):
 * (140 − age) × weight × (0.85 if female) / (72 × serum creatinine mg/dL). From µmol/L divide by 88.4 first.
 * Examples: 72 y, 80 kg, 1.5 mg/dL, male → 50.37; 80 y, 60 kg, 1.2 mg/dL, female → 35.42.
 */
export function creatinineClearanceCockcroftGault_mL_min(
  age_years: number,
  weight_kg: number,
  creatinine_mg_dL: number,
  sex: "male" | "female",
): number {
  return ((140 - age_years) * weight_kg * (sex === "female" ? 0.85 : 1)) / (72 * creatinine_mg_dL);
}

/** Gorlin constant × mitral discharge coefficient: 44.3 × 0.85 = 37.655 ("37.7", §5 and physiology §4.4). */
export const GORLIN_MITRAL_CONSTANT = 44.3 * 0.85;

/** Transmitral flow during diastole: either directly (mL/s) or as CO (L/min), HR and diastolic filling period. */
export type DiastolicFlow =
  | { diastolicFlow_mL_s: number }
  | { co_L_min: number; hr_bpm: number; dfp_s: number };

/** Mean diastolic flow (mL/s) = CO (mL/min) / (HR × DFP), DFP in s per beat (§5 Gorlin). */
export function diastolicFlow_mL_s(flow: DiastolicFlow): number {
  if ("diastolicFlow_mL_s" in flow) return flow.diastolicFlow_mL_s;
  return (flow.co_L_min * 1000) / (flow.hr_bpm * flow.dfp_s);
}

/**
 * Gorlin mitral valve area (cm²) = diastolic flow / (37.655 × √mean gradient) (clinical-formulas §5).
 * Example: CO 3.5 L/min, DFP 0.45 s, HR 110, mean gradient 6 mmHg → 0.77 cm².
 */
export function gorlinMitralArea_cm2(flow: DiastolicFlow, meanGradient_mmHg: number): number {
  return diastolicFlow_mL_s(flow) / (GORLIN_MITRAL_CONSTANT * Math.sqrt(meanGradient_mmHg));
}

/**
 * Inverse Gorlin: mean transmitral gradient (mmHg) = [diastolic flow / (37.655 × MVA)]² (physiology §4.4).
 * Transmitral flow is forward SV + Impella volume + regurgitant volume per beat, so residual MR and pump
 * flow inflate it. Examples: CO 4.5, HR 90, DFP 0.35 → 143 mL/s: MVA 2.0 → 3.6 mmHg; MVA 1.5 → 6.4 mmHg.
 */
export function gorlinMeanGradient_mmHg(flow: DiastolicFlow, mva_cm2: number): number {
  return (diastolicFlow_mL_s(flow) / (GORLIN_MITRAL_CONSTANT * mva_cm2)) ** 2;
}
