/**
 * Cholesky factor L (lower triangular, R = L Lᵀ) of a correlation matrix, for correlated normals
 * z = L u with u independent standard normals. Returns null when R is not positive definite.
 */
export function cholesky(r: readonly (readonly number[])[]): number[][] | null {
  const n = r.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = r[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(s > 1e-12)) return null;
        l[i][i] = Math.sqrt(s);
      } else l[i][j] = s / l[j][j];
    }
  }
  return l;
}

/** out = L u (L lower triangular). */
export function lowerTimes(l: readonly (readonly number[])[], u: ArrayLike<number>, out: number[]): number[] {
  for (let i = 0; i < l.length; i++) {
    let s = 0;
    for (let k = 0; k <= i; k++) s += l[i][k] * u[k];
    out[i] = s;
  }
  return out;
}
