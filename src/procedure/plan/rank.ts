/**
 * Judging and ranking clip strategies from their simulated measurements (pure). Strategies that meet
 * the criteria (gradient < 5 mmHg and area ≥ 1.5 cm² at low support, criteria.ts) come first; then
 * least MR (grade, then regurgitant volume to the displayed 1 mL), then fewer clips, then the lower
 * gradient.
 */
import { CLIPS } from "../../devices/mitraclip/devices.js";
import type { Measurements } from "../../measure/beat.js";
import { AREA_MIN_CM2, GRADIENT_LIMIT_MMHG } from "./criteria.js";
import type { ClipStrategy, PlannedClip } from "./types.js";

export const RANKING =
  "meets the criteria first (the others by how far they miss them); then lower MR grade; then lower regurgitant volume (to 1 mL); then fewer clips; then lower mean gradient";

export function misses(m: Measurements): string[] {
  const out: string[] = [];
  if (!(m.mv_gradient_mean_mmHg < GRADIENT_LIMIT_MMHG))
    out.push(`mean gradient ${m.mv_gradient_mean_mmHg.toFixed(1)} mmHg is not below ${GRADIENT_LIMIT_MMHG}`);
  if (!(m.mv_area_cm2 >= AREA_MIN_CM2))
    out.push(`valve area ${m.mv_area_cm2.toFixed(2)} cm² is below ${AREA_MIN_CM2}`);
  return out;
}

export function strategyOf(
  clips: PlannedClip[],
  m: Measurements,
  geometricEroa_cm2: number,
  impellaInterference: boolean,
  converged: boolean,
): ClipStrategy {
  const missed = misses(m);
  return {
    clips,
    mr_grade: m.mr_grade,
    mr_rvol_mL: m.mr_rvol_mL,
    mr_rf_pct: m.mr_rf_pct,
    mr_eroa_cm2: m.mr_eroa_cm2,
    mv_gradient_mean_mmHg: m.mv_gradient_mean_mmHg,
    mv_area_cm2: m.mv_area_cm2,
    geometricEroa_cm2,
    meetsCriteria: missed.length === 0,
    misses: missed,
    impellaInterference,
    converged,
  };
}

/**
 * How far a strategy misses the criteria: relative excess of the gradient plus relative shortfall of
 * the area (0 when it meets both), so the rejected ones rank by how close they come.
 */
export function violation(s: Pick<ClipStrategy, "mv_gradient_mean_mmHg" | "mv_area_cm2">): number {
  return (
    Math.max(0, s.mv_gradient_mean_mmHg - GRADIENT_LIMIT_MMHG) / GRADIENT_LIMIT_MMHG +
    Math.max(0, AREA_MIN_CM2 - s.mv_area_cm2) / AREA_MIN_CM2
  );
}

/** The sort key, compared element by element. */
export function rankKey(s: ClipStrategy): number[] {
  return [
    s.meetsCriteria ? 0 : 1,
    Math.round(violation(s) * 100),
    s.mr_grade,
    Math.round(s.mr_rvol_mL),
    s.clips.length,
    s.mv_gradient_mean_mmHg,
  ];
}

export function compareStrategies(a: ClipStrategy, b: ClipStrategy): number {
  const ka = rankKey(a);
  const kb = rankKey(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
  return 0;
}

export function rankStrategies(list: readonly ClipStrategy[]): ClipStrategy[] {
  return [...list].sort(compareStrategies);
}

const side = (x: number) => (x < 0 ? "lateral" : x > 0 ? "medial" : "central");

export function describeClip(c: PlannedClip): string {
  const at = c.position ?? `${c.offset_mm > 0 ? "+" : ""}${c.offset_mm} mm`;
  return `${c.device} at ${at}`;
}

export const describeClips = (clips: readonly PlannedClip[]): string =>
  clips.length ? clips.map(describeClip).join(" then ") : "no added clip";

const figures = (s: ClipStrategy): string =>
  `MR grade ${s.mr_grade}, ${s.mr_rvol_mL.toFixed(1)} mL/beat, gradient ${s.mv_gradient_mean_mmHg.toFixed(2)} mmHg, area ${s.mv_area_cm2.toFixed(2)} cm²`;

/** Why `best` ranks above `next`: the deciding criterion, the figures, and what differs in the clips. */
export function explainRanking(best: ClipStrategy | undefined, next: ClipStrategy | undefined): string {
  if (!best) return "no strategy was simulated";
  if (!next) return `${describeClips(best.clips)} is the only strategy simulated (${figures(best)})`;
  const k1 = rankKey(best);
  const k2 = rankKey(next);
  const reasons = [
    "it meets the criteria and the next does not",
    "it comes closer to the criteria",
    "it leaves a lower MR grade",
    "it leaves less regurgitant volume",
    "it needs fewer clips for the same MR",
    "it leaves a lower gradient for the same MR",
  ];
  const i = k1.findIndex((v, j) => v !== k2[j]);
  // The last key is the unrounded gradient: mirror positions differ there only in the last digits.
  const sameShownGradient =
    i === k1.length - 1 && best.mv_gradient_mean_mmHg.toFixed(2) === next.mv_gradient_mean_mmHg.toFixed(2);
  const why =
    i < 0
      ? "they tie on every criterion (the order is arbitrary)"
      : sameShownGradient
        ? "of a gradient difference below 0.01 mmHg (they tie to the precision shown; the order is arbitrary)"
        : reasons[i];
  const parts = [
    `${describeClips(best.clips)} ranks above ${describeClips(next.clips)} because ${why}: ${figures(best)} against ${figures(next)}.`,
  ];
  const a = best.clips[best.clips.length - 1];
  const b = next.clips[next.clips.length - 1];
  if (a && b && best.clips.length === next.clips.length) {
    if (a.device !== b.device) {
      const da = CLIPS[a.device];
      const db = CLIPS[b.device];
      parts.push(
        `The ${a.device} is ${da.width_mm} mm wide with ${da.armLength_mm} mm arms, the ${b.device} ${db.width_mm} mm with ${db.armLength_mm} mm arms (a wider clip closes more of the gap under it, longer arms more beside it; both cost diastolic area).`,
      );
    }
    if (a.offset_mm !== b.offset_mm) {
      parts.push(
        `It sits ${side(a.offset_mm)} at ${a.offset_mm} mm against ${b.offset_mm} mm; the geometric residual orifice is ${best.geometricEroa_cm2.toFixed(3)} against ${next.geometricEroa_cm2.toFixed(3)} cm².`,
      );
    }
  }
  return parts.join(" ");
}
