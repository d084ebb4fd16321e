/**
 * Blood viscosity from haemoglobin, and its effect on systemic resistance.
 *   Hct (%) ≈ 3·Hb (g/dL)                                  [L] reference §6.2
 *   log10 η (cP) = 0.01138·Hct + 0.03699                    Lichtman [S] reference §6.2
 *   R = R_ref·(η/η_ref)^γ,  γ ≈ 0.5–0.8 (partial autoregulatory compensation)   [E] reference §6.2
 */
export const REFERENCE_HB_G_DL = 14;

export const haematocrit_pct = (hb_g_dL: number): number => 3 * hb_g_dL;

export function viscosity_cP(hb_g_dL: number): number {
  return 10 ** (0.01138 * haematocrit_pct(hb_g_dL) + 0.03699);
}

/** Multiplier on a resistance defined at REFERENCE_HB_G_DL. */
export function viscosityResistanceFactor(hb_g_dL: number, exponent: number): number {
  return (viscosity_cP(hb_g_dL) / viscosity_cP(REFERENCE_HB_G_DL)) ** exponent;
}

/** Arterial O2 content (mL/dL): 1.34·Hb·SaO2 + 0.003·PaO2 (clinical-formulas §5). */
export function arterialO2Content_mL_dL(hb_g_dL: number, sao2_fraction: number, pao2_mmHg: number): number {
  return 1.34 * hb_g_dL * sao2_fraction + 0.003 * pao2_mmHg;
}

/** O2 delivery (mL/min) = CO (L/min) × CaO2 (mL/dL) × 10. */
export function o2Delivery_mL_min(co_L_min: number, cao2_mL_dL: number): number {
  return co_L_min * cao2_mL_dL * 10;
}
