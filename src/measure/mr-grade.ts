/**
 * MR grade 0–4 from EROA, regurgitant volume and fraction (ASE 2017 / ESC 2021 thresholds,
 * clinical-formulas §4.1 [C2]): mild < 0.20 cm² / < 30 mL / < 30 %; moderate 0.20–0.29 / 30–44 /
 * 30–39 %; moderate-severe 0.30–0.39 / 45–59 / 40–49 %; severe ≥ 0.40 / ≥ 60 / ≥ 50 %.
 * Grade 0 (none/trace) below 0.05 cm² / 8 mL / 10 % [E]. Each parameter gives a grade; the
 * integrated grade is their median, as the guideline asks for concordant parameters.
 */
export type MrGrade = 0 | 1 | 2 | 3 | 4;

export function gradeByEroa(eroa_cm2: number): MrGrade {
  return eroa_cm2 >= 0.4 ? 4 : eroa_cm2 >= 0.3 ? 3 : eroa_cm2 >= 0.2 ? 2 : eroa_cm2 >= 0.05 ? 1 : 0;
}
export function gradeByRegurgitantVolume(rvol_mL: number): MrGrade {
  return rvol_mL >= 60 ? 4 : rvol_mL >= 45 ? 3 : rvol_mL >= 30 ? 2 : rvol_mL >= 8 ? 1 : 0;
}
export function gradeByRegurgitantFraction(rf_pct: number): MrGrade {
  return rf_pct >= 50 ? 4 : rf_pct >= 40 ? 3 : rf_pct >= 30 ? 2 : rf_pct >= 10 ? 1 : 0;
}

export function mrGrade(eroa_cm2: number, rvol_mL: number, rf_pct: number): MrGrade {
  const g = [
    gradeByEroa(eroa_cm2),
    gradeByRegurgitantVolume(rvol_mL),
    gradeByRegurgitantFraction(rf_pct),
  ].sort();
  return g[1];
}

export const MR_GRADE_LABEL: Readonly<Record<MrGrade, string>> = {
  0: "none/trace",
  1: "mild",
  2: "moderate",
  3: "moderate-severe",
  4: "severe",
};
