/**
 * Sobol' low-discrepancy points (Sobol 1967; direction numbers of Joe & Kuo 2008, new-joe-kuo-6.21201,
 * first 21 dimensions), randomised by a digital shift (XOR with one random 32-bit word per dimension,
 * which keeps every net property). Point i is computed directly from i (no state), so any worker can
 * draw patient i alone and memory does not grow with N.
 */

/** [s, a, m_1..m_s] for dimensions 2..21 (dimension 1 is the van der Corput sequence). */
const JOE_KUO: readonly (readonly number[])[] = [
  [1, 0, 1],
  [2, 1, 1, 3],
  [3, 1, 1, 3, 1],
  [3, 2, 1, 1, 1],
  [4, 1, 1, 1, 3, 3],
  [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17],
  [5, 4, 1, 1, 5, 5, 5],
  [5, 7, 1, 1, 7, 11, 19],
  [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11],
  [5, 14, 1, 3, 5, 5, 31],
  [6, 1, 1, 3, 3, 9, 7, 49],
  [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49],
  [6, 19, 1, 1, 1, 15, 7, 5],
  [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103],
  [7, 4, 1, 3, 7, 13, 13, 15, 69],
];

export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;
const BITS = 32;

/** Direction numbers v[d][k] (k = bit of the index), as 32-bit words. */
function directionNumbers(dims: number): Uint32Array[] {
  const out: Uint32Array[] = [];
  for (let d = 0; d < dims; d++) {
    const v = new Uint32Array(BITS);
    if (d === 0) {
      for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    } else {
      const [s, a, ...m] = JOE_KUO[d - 1];
      for (let k = 0; k < s; k++) v[k] = m[k] * 2 ** (BITS - 1 - k);
      for (let k = s; k < BITS; k++) {
        let x = v[k - s] ^ (v[k - s] >>> s);
        for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) x ^= v[k - j];
        v[k] = x >>> 0;
      }
    }
    out.push(v);
  }
  return out;
}

export interface Sobol {
  dims: number;
  /** Point `index` (0 ≤ index < 2^32) in (0, 1)^dims, written into `out`. */
  point(index: number, out?: Float64Array): Float64Array;
}

/** `shift` (one word per dimension) randomises the sequence; all zeros gives the plain sequence. */
export function sobol(dims: number, shift?: Uint32Array): Sobol {
  if (!Number.isInteger(dims) || dims < 1 || dims > SOBOL_MAX_DIMENSIONS)
    throw new RangeError(`sobol: ${dims} dimensions; 1..${SOBOL_MAX_DIMENSIONS}`);
  const v = directionNumbers(dims);
  const s = shift ?? new Uint32Array(dims);
  return {
    dims,
    point(index, out = new Float64Array(dims)) {
      if (!Number.isInteger(index) || index < 0 || index >= 2 ** BITS)
        throw new RangeError(`sobol: index ${index}`);
      for (let d = 0; d < dims; d++) {
        let x = s[d] ?? 0;
        let i = index;
        for (let k = 0; i > 0; k++, i = Math.floor(i / 2)) if (i % 2 === 1) x ^= v[d][k];
        // Centre of the 2^-32 cell: never exactly 0 or 1 (safe for inverse CDFs).
        out[d] = ((x >>> 0) + 0.5) / 2 ** BITS;
      }
      return out;
    },
  };
}
