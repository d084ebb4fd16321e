/**
 * Judging and ranking clip strategies from their simulated measurements (pure). Strategies that meet
 * the criteria (gradient < 5 mmHg and area ≥ 1.5 cm² at low support, criteria.ts) come first; then
 * least MR (grade, then regurgitant volume to the displayed 1 mL), then fewer clips, then the lower
 * gradient.
 */
import { CLIPS } from "../../devices/mitraclip/devices.js";
import type { Measurements } from "../../measure/beat.js";
import { AREA_MIN_CM2, GRADIENT_LIMIT_MMHG } from "./criteria.js";
import { locationText } from "./locate.js";
import type { ClipStrategy, PlannedClip } from "./types.js";

export const RANKING =
  "meets the criteria first (the others by how far they miss them); then lower MR grade; then lower regurgitant volume, differences below 2 mL being ties; among ties fewer clips, then lower mean gradient (differences below 0.1 mmHg being ties), then less regurgitant volume";

export function misses(m: Measurements): string[] {
  const out: string[] = [];
  if (!(m.mv_gradient_mean_mmHg < GRADIENT_LIMIT_MMHG))
    out.push(`mean gradient ${m.mv_gradient_mean_mmHg.toFixed(2)} mmHg is not below ${GRADIENT_LIMIT_MMHG}`);
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

/**
 * Differences below what the bedside can measure are ties [E]: regurgitant volume by PISA or
 * volumetrics is uncertain by several mL, so 2 mL is a tie; the mean gradient, the criterion closest to
 * its limit after TEER, decides from 0.1 mmHg (the report's precision), so a clip with 0.5 mmHg less
 * gradient is never passed over for 0.2 mL less regurgitation.
 */
export const RVOL_PRECISION_ML = 2;
export const GRADIENT_PRECISION_MMHG = 0.1;

/** Exact keys that decide before any tolerance: meets the criteria, closeness to them, MR grade. */
function hardKey(s: ClipStrategy): number[] {
  return [s.meetsCriteria ? 0 : 1, Math.round(violation(s) * 100), s.mr_grade];
}

/** The sort key, compared element by element (hard keys, then the exact values the ties fall back on). */
export function rankKey(s: ClipStrategy): number[] {
  return [...hardKey(s), s.mr_rvol_mL, s.clips.length, s.mv_gradient_mean_mmHg];
}

function compareKeys(ka: number[], kb: number[]): number {
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
  return 0;
}

/**
 * Splits `list` (sorted by `value`) into runs whose values lie within `tol` of the run's first.
 * Anchoring each run at its first member keeps the grouping (and so the order) well defined.
 */
function tieRuns<T>(list: readonly T[], value: (x: T) => number, tol: number): T[][] {
  const runs: T[][] = [];
  for (const x of list) {
    const run = runs[runs.length - 1];
    if (run && value(x) - value(run[0]) < tol) run.push(x);
    else runs.push([x]);
  }
  return runs;
}

/** Orders strategies that tie on MR (within RVOL_PRECISION_ML): fewer clips, then lower gradient (to its precision), then less MR. */
function orderTied(group: readonly ClipStrategy[]): ClipStrategy[] {
  const out: ClipStrategy[] = [];
  const byClips = [...group].sort((a, b) => a.clips.length - b.clips.length);
  for (const sameCount of tieRuns(byClips, (s) => s.clips.length, 1)) {
    const byGradient = [...sameCount].sort((a, b) => a.mv_gradient_mean_mmHg - b.mv_gradient_mean_mmHg);
    for (const run of tieRuns(byGradient, (s) => s.mv_gradient_mean_mmHg, GRADIENT_PRECISION_MMHG))
      out.push(...run.sort((a, b) => compareKeys(rankKey(a), rankKey(b))));
  }
  return out;
}

export function rankStrategies(list: readonly ClipStrategy[]): ClipStrategy[] {
  const sorted = [...list].sort((a, b) => compareKeys(rankKey(a), rankKey(b)));
  const out: ClipStrategy[] = [];
  for (const hard of splitBy(sorted, (s) => hardKey(s).join(",")))
    for (const group of tieRuns(hard, (s) => s.mr_rvol_mL, RVOL_PRECISION_ML)) out.push(...orderTied(group));
  return out;
}

/** Consecutive runs with the same key. */
function splitBy<T>(list: readonly T[], key: (x: T) => string): T[][] {
  const runs: T[][] = [];
  for (const x of list) {
    const run = runs[runs.length - 1];
    if (run && key(run[0]) === key(x)) run.push(x);
    else runs.push([x]);
  }
  return runs;
}

/** Negative when `a` ranks above `b` (by rankStrategies on the pair). */
export function compareStrategies(a: ClipStrategy, b: ClipStrategy): number {
  if (a === b) return 0;
  const [first] = rankStrategies([a, b]);
  if (compareKeys(rankKey(a), rankKey(b)) === 0) return 0;
  return first === a ? -1 : 1;
}

/**
 * The top `n`, diverse: no more than two with the same devices in the same order, and none that
 * repeats another's devices in the same segments and thirds (one device at five offsets is one idea).
 */
export function diverseTop(ranked: readonly ClipStrategy[], n: number): ClipStrategy[] {
  const out: ClipStrategy[] = [];
  const devices = (s: ClipStrategy) => s.clips.map((c) => c.device).join("+");
  const places = (s: ClipStrategy) =>
    s.clips
      .map((c) => `${c.device}@${c.segment ?? ""}/${c.third ?? ""}/${c.segment ? "" : c.offset_mm}`)
      .join("+");
  for (const s of ranked) {
    if (out.length >= n) break;
    if (out.some((o) => places(o) === places(s))) continue;
    if (out.filter((o) => devices(o) === devices(s)).length >= 2) continue;
    out.push(s);
  }
  // Fewer diverse strategies than asked for: fill with the next best.
  for (const s of ranked) {
    if (out.length >= n) break;
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

const side = (x: number) => (x < 0 ? "lateral" : x > 0 ? "medial" : "central");

export function describeClip(c: PlannedClip): string {
  if (c.segment && c.third)
    return `${c.device} at ${locationText(c.offset_mm, { segment: c.segment, third: c.third })}`;
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
  const h1 = hardKey(best);
  const h2 = hardKey(next);
  const hardReasons = [
    "it meets the criteria and the next does not",
    "it comes closer to the criteria",
    "it leaves a lower MR grade",
  ];
  const i = h1.findIndex((v, j) => v !== h2[j]);
  const dRvol = next.mr_rvol_mL - best.mr_rvol_mL;
  const dGrad = next.mv_gradient_mean_mmHg - best.mv_gradient_mean_mmHg;
  const why =
    i >= 0
      ? hardReasons[i]
      : dRvol >= RVOL_PRECISION_ML
        ? "it leaves less regurgitant volume"
        : best.clips.length < next.clips.length
          ? `it needs fewer clips for the same MR (regurgitant volumes within ${RVOL_PRECISION_ML} mL are a tie)`
          : dGrad >= GRADIENT_PRECISION_MMHG
            ? `it leaves a lower gradient for the same MR (regurgitant volumes within ${RVOL_PRECISION_ML} mL are a tie)`
            : `they tie to measurement precision (regurgitant volume within ${RVOL_PRECISION_ML} mL, gradient within ${GRADIENT_PRECISION_MMHG} mmHg); the smaller regurgitant volume decides, a difference no echo could confirm`;
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
