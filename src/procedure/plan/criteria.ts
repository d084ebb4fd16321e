/**
 * Thresholds the planner judges by, each with the source it comes from (see citations.ts for the
 * full references).
 */

/** Post-TEER mean gradient: ≥ 5 mmHg = elevated / iatrogenic stenosis (clinical-formulas §4.3, consensus across studies). */
export const GRADIENT_LIMIT_MMHG = 5;
/** MVARC "no significant stenosis": EOA ≥ 1.5 cm² and TMPG < 5 mmHg (physiology-and-devices §4.2, PMC12873582). */
export const AREA_MIN_CM2 = 1.5;
/** The clip search adds at most this many clips (clinical use: ≥ 3 clips in 5 % of EXPAND patients). */
export const MAX_ADDED_CLIPS = 3;
