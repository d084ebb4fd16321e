/** Number formatting for readouts: a fixed number of decimals, an en dash when not available. */
export function fmt(x: number | undefined | null, decimals = 0): string {
  return x === undefined || x === null || !Number.isFinite(x) ? "–" : x.toFixed(decimals);
}

export const MR_GRADE_NAMES = ["none/trace", "mild", "moderate", "moderate-severe", "severe"] as const;

export function mrGradeText(grade: number): string {
  return MR_GRADE_NAMES[Math.max(0, Math.min(4, Math.round(grade)))] ?? "–";
}

/**
 * The change from `a` to `b` as the difference of the two figures shown (each rounded to `decimals`),
 * signed: "2.78 → 2.73" reads "-0.05", never "-0.06"; no change reads "0", never "-0".
 */
export function fmtDelta(a: number | undefined | null, b: number | undefined | null, decimals = 0): string {
  if (a === undefined || a === null || b === undefined || b === null) return "–";
  if (!Number.isFinite(a) || !Number.isFinite(b)) return "–";
  const d = Number(b.toFixed(decimals)) - Number(a.toFixed(decimals));
  const text = Math.abs(d).toFixed(decimals);
  if (Number(text) === 0) return (0).toFixed(decimals);
  return `${d > 0 ? "+" : "-"}${text}`;
}
