/**
 * Units. The engine computes in mmHg, mL, s (ADR docs/decisions/0001-internal-units-mmHg-mL-s.md);
 * every public name carries its unit as a suffix (`map_mmHg`, `co_L_min`). Conversions live here only.
 */

/** mL/s per L/min. */
export const ML_S_PER_L_MIN = 1000 / 60;
/** Pa per mmHg. */
export const PA_PER_MMHG = 133.322;
/** mmHg·s/mL per Wood unit (mmHg·min/L). */
export const MMHG_S_ML_PER_WOOD = 0.06;
/** dyn·s·cm⁻⁵ per mmHg·s/mL. */
export const DYN_PER_MMHG_S_ML = 1333.22;
/** Blood density (kg/m³), reference §3.1. */
export const BLOOD_DENSITY_KG_M3 = 1060;
/**
 * Bernoulli coefficient ρ/2 in mmHg·s²·cm⁴/mL² (so ΔP = K·(Q/A)² with Q in mL/s, A in cm²).
 * 1060/2 kg/m³ → 3.976e-4 (reference §3.1 "B = 3.976e-4 / EOA²").
 */
export const BERNOULLI_MMHG_S2_CM4_ML2 = BLOOD_DENSITY_KG_M3 / 2 / PA_PER_MMHG / 1e4;
/** Inertance per cm of effective length per cm² of area: ρ·ℓ/A in mmHg·s²/mL (ρ in these units). */
export const INERTANCE_MMHG_S2_ML_PER_CM_CM2 = (BLOOD_DENSITY_KG_M3 / PA_PER_MMHG) * 1e-4;

export const lMinToMlS = (q_L_min: number): number => q_L_min * ML_S_PER_L_MIN;
export const mlSToLMin = (q_mL_s: number): number => q_mL_s / ML_S_PER_L_MIN;

/** Cardiac power output in W from MAP (mmHg) and flow (L/min): MAP·CO/451 (clinical-formulas §5). */
export const cardiacPower_W = (map_mmHg: number, co_L_min: number): number => (map_mmHg * co_L_min) / 451;
