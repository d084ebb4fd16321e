/**
 * Smooth, named regularisations instead of switches (style rule 8; MSL regRoot-style algebraic
 * forms rather than exp/log, because these run inside every derivative evaluation).
 * Each width is a documented constant in the caller's units.
 */

/**
 * Smooth max(x, 0) with transition width w (same units as x): ½(x + √(x² + w²)).
 * Equals max(x, 0) to within w²/(4|x|) away from zero; at x = 0 it is w/2.
 */
export function softplus(x: number, w: number): number {
  return 0.5 * (x + Math.sqrt(x * x + w * w));
}

/** Smooth lower bound: ≈ max(x, lo), with transition width w. */
export function softMin(x: number, lo: number, w: number): number {
  return lo + softplus(x - lo, w);
}
