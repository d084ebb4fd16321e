/**
 * VA-ECMO circuit data: a centrifugal pump's head-flow curve by speed and the pressure losses of the
 * drainage cannula, oxygenator and return cannula (femoral: drainage from the right atrium, return
 * retrograde into the descending aorta). Every number is an estimate [E] shaped on the manufacturers'
 * published charts, not digitised from them:
 *  - pump head H = a·n² − k·Q² (affinity-law quadratic, reference §1.4), n krpm, Q L/min: ≈ 400 mmHg
 *    at zero flow and ≈ 270 mmHg at 6 L/min at 3500 rpm, the shape of the RotaFlow/Cardiohelp HLS charts [E];
 *    speed range 1000-5000 rpm (RotaFlow console range) [E].
 *  - drainage cannula (25 Fr femoral-atrial): ≈ 60 mmHg at 4.5 L/min, quadratic [E];
 *  - oxygenator (HLS/Quadrox 7.0 class): ≈ 35 mmHg at 5 L/min, linear [E];
 *  - return cannula (17 Fr femoral): ≈ 100 mmHg at 5 L/min, quadratic [E].
 * Together they give 3.8 L/min at 3000 rpm and 4.6 L/min at 3500 rpm against a 60-mmHg arterial-
 * venous difference, the usual adult operating range (ELSO adult VA guideline: 3-5 L/min; Lorusso R et al.,
 * ASAIO J 2021;67:827-44).
 */
export const ECMO = {
  a_mmHg_krpm2: 400 / 12.25,
  k_mmHg_per_Lmin2: (400 - 270) / 36,
  drainage_mmHg_per_Lmin2: 60 / 4.5 ** 2,
  oxygenator_mmHg_per_Lmin: 35 / 5,
  return_mmHg_per_Lmin2: 100 / 25,
  /** Tubing (2 m of 3/8") and cannulae: ρℓ/A summed (mmHg·s²/mL) [E]. */
  inertance_mmHg_s2_mL: 0.4,
  minSpeed_rpm: 1000,
  maxSpeed_rpm: 5000,
  /** Highest flow target accepted (L/min): above what the circuit gives at 5000 rpm in an adult. */
  maxFlow_L_min: 7,
} as const;
