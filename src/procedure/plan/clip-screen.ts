/**
 * The geometric screen of the clip search: no simulation, only the clip geometry (geometry.ts).
 * Candidates lie on a 2 mm grid along the coaptation line; a set of clips is judged by its residual
 * regurgitant orifice and by the diastolic area and gradient it leaves, scaled from a simulated
 * baseline (same patient, same support, no added clip): area ∝ geometric open area (exact: the model's
 * effective area is the geometric one times the discharge coefficient), and gradient ∝ 1/area. At a
 * fixed flow the orifice law gives 1/area² (clinical-formulas §4.3 "ΔP ∝ (Q/MVA)²"), but a smaller
 * orifice also lowers the flow through it; simulated single clips in both built-in cases follow
 * exponents of 0.8–0.95 [E], so 1 is the estimate. The estimate only orders candidates; the
 * simulation decides.
 */
import { CLIP_DEVICES, CLIPS } from "../../devices/mitraclip/devices.js";
import { checkClipPlacement, type PlacedClip, segmentCentre_mm } from "../../devices/mitraclip/geometry.js";
import { num, type Params, SEGMENTS, type Segment } from "../../physiology/params.js";
import { mitralGeometry } from "../circuit.js";
import { locateClip } from "./locate.js";
import type { PlannedClip } from "./types.js";

export const GRID_MM = 2;
/** Gradient ∝ area^−k in the screen (see above) [E]. */
export const GRADIENT_AREA_EXPONENT = 1;

export interface Baseline {
  /** Geometric open area of the existing clips (cm²). */
  geometricArea_cm2: number;
  /** Simulated effective area and gradient with the existing clips at the search's support. */
  mv_area_cm2: number;
  mv_gradient_mean_mmHg: number;
}

export interface Screened {
  clips: PlannedClip[];
  /** Residual EROA at the reference state (cm²). */
  eroa_cm2: number;
  area_cm2: number;
  gradient_mmHg: number;
}

/** The named segment whose centre is `offset_mm`, if any. */
export function namedPosition(offset_mm: number, length_mm: number): Segment | undefined {
  return SEGMENTS.find((s) => Math.abs(segmentCentre_mm(s, length_mm) - offset_mm) < 1e-9);
}

/** Every device at every grid offset that fits on the line beside the clips already placed. */
export function candidateClips(existing: readonly PlacedClip[], length_mm: number): PlannedClip[] {
  const out: PlannedClip[] = [];
  const half = length_mm / 2;
  for (const device of CLIP_DEVICES) {
    const limit = half - CLIPS[device].width_mm / 2 - 1;
    const k = Math.floor(limit / GRID_MM);
    for (let i = -k; i <= k; i++) {
      const offset_mm = i * GRID_MM;
      const clip = { device, offset_mm };
      if (checkClipPlacement([...existing, clip], length_mm).length > 0) continue;
      const position = namedPosition(offset_mm, length_mm);
      out.push({ ...clip, ...(position ? { position } : {}), ...locateClip(offset_mm, length_mm) });
    }
  }
  return out;
}

export function screen(
  params: Params,
  existing: readonly PlacedClip[],
  added: PlannedClip[],
  base: Baseline,
): Screened {
  const g = mitralGeometry(params, [...existing, ...added]);
  const eroa_cm2 = SEGMENTS.reduce((a, s) => a + g.eroaBySegment_cm2[s], 0);
  const ratio = g.openArea_cm2 / base.geometricArea_cm2;
  return {
    clips: added,
    eroa_cm2,
    area_cm2: base.mv_area_cm2 * ratio,
    gradient_mmHg: base.mv_gradient_mean_mmHg / ratio ** GRADIENT_AREA_EXPONENT,
  };
}

export function geometricArea_cm2(params: Params, clips: readonly PlacedClip[]): number {
  return mitralGeometry(params, clips).openArea_cm2;
}

export const lengthOf = (params: Params): number => num(params, "mv.commissuralLength_mm");

/** Order-free identity of a set of added clips. */
export const setKey = (clips: readonly PlannedClip[]): string =>
  clips
    .map((c) => `${c.device}@${c.offset_mm}`)
    .sort()
    .join(",");
