/**
 * A function of one variable tabulated at equal steps (e.g. the regurgitant orifice A(u) of the
 * tethering law): read by linear interpolation in the step loop, no allocation.
 */

/** Linear interpolation in a tabulated A(u) (0 for u ≤ 0, linear extrapolation past the end). */
export function tableAt(table: Float64Array, du: number, u: number): number {
  if (u <= 0) return 0;
  const x = u / du;
  const last = table.length - 1;
  if (x >= last) return table[last] + (x - last) * (table[last] - table[last - 1]);
  const i = x | 0;
  const f = x - i;
  return table[i] + f * (table[i + 1] - table[i]);
}
