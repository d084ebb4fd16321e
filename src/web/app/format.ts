/** Number formatting for readouts: a fixed number of decimals, an en dash when not available. */
export function fmt(x: number | undefined | null, decimals = 0): string {
  return x === undefined || x === null || !Number.isFinite(x) ? "–" : x.toFixed(decimals);
}

export const MR_GRADE_NAMES = ["none/trace", "mild", "moderate", "moderate-severe", "severe"] as const;

export function mrGradeText(grade: number): string {
  return MR_GRADE_NAMES[Math.max(0, Math.min(4, Math.round(grade)))] ?? "–";
}
