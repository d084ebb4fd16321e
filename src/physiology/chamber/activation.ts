/**
 * Burkhoff/Harvi activation e(t) in [0, 1]: half-sine rise to Tmax, half-sine fall to 1.5·Tmax,
 * then exponential relaxation with time constant τ; the baseline term b makes e continuous across
 * beats. Reference §2.1 (g960059/hemodynamicSimulator pvFunc.js) [S].
 *
 * @param tc_s  time since this chamber's activation onset, in [0, T)
 * @param period_s beat period T
 * @param tmax_s time to peak activation
 * @param tau_s relaxation time constant
 */
export function activation(tc_s: number, period_s: number, tmax_s: number, tau_s: number): number {
  if (tc_s < tmax_s) {
    const b = 0.5 * Math.exp(-(period_s - 1.5 * tmax_s) / tau_s);
    return 0.5 * (Math.sin((Math.PI * tc_s) / tmax_s - Math.PI / 2) + 1) * (1 - b) + b;
  }
  if (tc_s < 1.5 * tmax_s) return 0.5 * (Math.sin((Math.PI * tc_s) / tmax_s - Math.PI / 2) + 1);
  return 0.5 * Math.exp(-(tc_s - 1.5 * tmax_s) / tau_s);
}
