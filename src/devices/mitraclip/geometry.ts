/**
 * Clip geometry on the coaptation line (reference §4.2–4.3 [E], calibrated to ≈ 45 % area loss for
 * one central clip and ≈ 60–65 % for two, 80–95 % EROA loss on the clipped segment and 30–50 % on the
 * adjacent one).
 *
 * Coordinates: x (mm) along the coaptation line, 0 = centre of A2-P2, negative toward the
 * anterolateral commissure (A1P1), positive toward the posteromedial one (A3P3); the line runs
 * from −L/2 to +L/2. Segment centres at −L/3, 0, +L/3.
 *
 * Diastolic orifice: an ellipse whose opening depth is h(x) = h_max·√(1 − (2x/L)²). Each clip
 * immobilises the leaflets over its width plus δ each side (δ = 4 mm for 9-mm arms, 5 mm for
 * 12-mm arms); that area, times φ = 0.9 (the leaflet bellies still open a little near the clip),
 * is lost; overlapping zones count once. The rest splits into orifices between clips.
 *
 * Regurgitant orifice: each segment's EROA is spread along its third of the line as a raised cosine
 * peaked at the segment centre (jets arise mid-segment). A clip closes the gap completely under its
 * width and partly beside it, decaying as exp(−d/λ) with λ = ⅔·arm length ("zipper"). Closures of
 * several clips combine as 1 − Π(1 − k_i).
 *
 * Tethering (one law for native and clipped valves): the local coaptation gap is the reference gap
 * G(x) (the EROA profile above) scaled by the tethering state u (1 at the patient's reference
 * operating point, larger when the LV dilates or the closing force falls: orifice-valve.ts), less
 * what the clips bridge beside them, k(x)·G(x); under a clip's width the leaflets are held together:
 *
 *   A(u) = Σ_x G(x)·(u − k(x))₊        (0 under a clip)
 *
 * At u = 1 this is the same residual orifice as G·(1 − k). When tethering rises, a native orifice
 * grows in proportion (A = u·G) but the residual beside a clip grows faster, since the clip bridges a
 * fixed depth of gap: a clipped valve is more sensitive to tethering than a native one (the Ugueto-
 * Rodrigo case's jet at 1 L/min). A(u) is tabulated once per geometry (regurgitantTable).
 */
import type { Segment, SegmentShares } from "../../physiology/params.js";
import { CLIPS, type ClipDevice } from "./devices.js";

export { tableAt } from "../../physiology/valve/tabulated.js";

export interface PlacedClip {
  device: ClipDevice;
  offset_mm: number;
}

export interface ClipGeometry {
  /** Anatomic diastolic area left (cm²). */
  openArea_cm2: number;
  /** Fraction of the native area left. */
  areaFraction: number;
  /** The separate diastolic orifices (cm²), lateral to medial. */
  orifices_cm2: number[];
  /** Residual regurgitant orifice per segment (cm²) at the reference state. */
  eroaBySegment_cm2: SegmentShares;
}

/** Share of the immobilised zone's area that is lost [E]. */
export const IMMOBILISED_AREA_LOSS = 0.9;
/** Grid for the integrals along the line (mm). */
const DX_MM = 0.05;

export function segmentCentre_mm(segment: Segment, length_mm: number): number {
  return segment === "A1P1" ? -length_mm / 3 : segment === "A2P2" ? 0 : length_mm / 3;
}

export function tissueMargin_mm(device: ClipDevice): number {
  return CLIPS[device].armLength_mm >= 12 ? 5 : 4;
}

function closureAt(x: number, clips: readonly PlacedClip[]): number {
  let open = 1;
  for (const c of clips) {
    const d = CLIPS[c.device];
    const dist = Math.abs(x - c.offset_mm) - d.width_mm / 2;
    const k = dist <= 0 ? 1 : Math.exp(-dist / ((2 / 3) * d.armLength_mm));
    open *= 1 - k;
  }
  return 1 - open;
}

export function clipGeometry(
  clips: readonly PlacedClip[],
  nativeArea_cm2: number,
  length_mm: number,
  eroa_cm2: number,
  segmentShares: SegmentShares,
): ClipGeometry {
  const half = length_mm / 2;
  const hMax_mm = (4 * nativeArea_cm2 * 100) / (Math.PI * length_mm);
  const segW = length_mm / 3;
  const reg: SegmentShares = { A1P1: 0, A2P2: 0, A3P3: 0 };
  const orifices: number[] = [];
  let current = 0;
  let open_mm2 = 0;
  for (let x = -half + DX_MM / 2; x < half; x += DX_MM) {
    const h = hMax_mm * Math.sqrt(Math.max(0, 1 - (x / half) ** 2));
    let immobilised = false;
    for (const c of clips) {
      const d = CLIPS[c.device];
      if (Math.abs(x - c.offset_mm) <= d.width_mm / 2 + tissueMargin_mm(c.device)) immobilised = true;
    }
    const underClip = clips.some((c) => Math.abs(x - c.offset_mm) <= CLIPS[c.device].width_mm / 2);
    const a = (immobilised ? 1 - IMMOBILISED_AREA_LOSS : 1) * h * DX_MM;
    open_mm2 += a;
    if (underClip) {
      if (current > 0) orifices.push(current / 100);
      current = 0;
    } else current += a;
    // Regurgitant density: raised cosine over each segment.
    const closure = clips.length ? closureAt(x, clips) : 0;
    for (const s of ["A1P1", "A2P2", "A3P3"] as const) {
      const u = x - segmentCentre_mm(s, length_mm);
      if (Math.abs(u) <= segW / 2) {
        const density = (1 + Math.cos((2 * Math.PI * u) / segW)) / segW;
        reg[s] += eroa_cm2 * segmentShares[s] * density * DX_MM * (1 - closure);
      }
    }
  }
  if (current > 0) orifices.push(current / 100);
  const openArea_cm2 = open_mm2 / 100;
  return {
    openArea_cm2,
    areaFraction: openArea_cm2 / nativeArea_cm2,
    orifices_cm2: orifices,
    eroaBySegment_cm2: reg,
  };
}

/** Tethering states tabulated (0..U_MAX in steps of U_STEP); beyond U_MAX the table extrapolates linearly. */
export const U_MAX = 6;
export const U_STEP = 0.025;

export interface RegurgitantTable {
  /** Step of u between entries. */
  du: number;
  /** Total regurgitant orifice (cm²) at u = i·du. */
  total: Float64Array;
  /** The same per segment. */
  bySegment: Record<Segment, Float64Array>;
}

/** A(u) per segment and in total, for the tethering law (see the header). */
export function regurgitantTable(
  clips: readonly PlacedClip[],
  length_mm: number,
  eroa_cm2: number,
  segmentShares: SegmentShares,
): RegurgitantTable {
  const half = length_mm / 2;
  const segW = length_mm / 3;
  const n = Math.round(U_MAX / U_STEP) + 1;
  const bySegment: Record<Segment, Float64Array> = {
    A1P1: new Float64Array(n),
    A2P2: new Float64Array(n),
    A3P3: new Float64Array(n),
  };
  for (let x = -half + DX_MM / 2; x < half; x += DX_MM) {
    if (clips.some((c) => Math.abs(x - c.offset_mm) <= CLIPS[c.device].width_mm / 2)) continue;
    const k = clips.length ? closureAt(x, clips) : 0;
    for (const s of ["A1P1", "A2P2", "A3P3"] as const) {
      const v = x - segmentCentre_mm(s, length_mm);
      if (Math.abs(v) > segW / 2) continue;
      const g = (eroa_cm2 * segmentShares[s] * (1 + Math.cos((2 * Math.PI * v) / segW)) * DX_MM) / segW;
      if (g <= 0) continue;
      const col = bySegment[s];
      // Entries with u > k get g·(u − k); start at the first u above k.
      for (let i = Math.max(0, Math.ceil(k / U_STEP)); i < n; i++) col[i] += g * (i * U_STEP - k);
    }
  }
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) total[i] = bySegment.A1P1[i] + bySegment.A2P2[i] + bySegment.A3P3[i];
  return { du: U_STEP, total, bySegment };
}

export interface ClipPlacementProblem {
  index: number;
  message: string;
}

/**
 * Checks that clips fit: on the line (clear of the commissures) and not on top of another clip.
 * Returns one problem per impossible clip, in order.
 */
export function checkClipPlacement(clips: readonly PlacedClip[], length_mm: number): ClipPlacementProblem[] {
  const problems: ClipPlacementProblem[] = [];
  const half = length_mm / 2;
  clips.forEach((c, i) => {
    const w = CLIPS[c.device].width_mm;
    const limit = half - w / 2 - 1;
    if (!Number.isFinite(c.offset_mm) || Math.abs(c.offset_mm) > limit) {
      problems.push({
        index: i,
        message: `offset ${c.offset_mm} mm is off the coaptation line: a ${c.device} fits between ${(-limit).toFixed(1)} and ${limit.toFixed(1)} mm`,
      });
      return;
    }
    for (let j = 0; j < i; j++) {
      const o = clips[j];
      const minGap = (w + CLIPS[o.device].width_mm) / 2;
      if (Math.abs(c.offset_mm - o.offset_mm) < minGap) {
        problems.push({
          index: i,
          message: `a ${c.device} at ${c.offset_mm} mm lies on clip ${j + 1} (${o.device} at ${o.offset_mm} mm): centres must be at least ${minGap} mm apart`,
        });
        return;
      }
    }
  });
  return problems;
}
