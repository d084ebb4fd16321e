/**
 * Random valid patients and devices for property tests and the benchmark: each number parameter is
 * left at the preset value, drawn uniformly in its declared range, or set to a range end (so ends
 * are sampled often); cross-parameter constraints are respected. Deterministic from a seed.
 */
import { IMPELLA_MODELS } from "../src/devices/impella/models.js";
import { CLIP_DEVICES } from "../src/devices/mitraclip/devices.js";
import { checkClipPlacement } from "../src/devices/mitraclip/geometry.js";
import {
  MIN_MR_REF_DP_MMHG,
  MIN_MR_REF_VOLUME_ML,
  PARAMS,
  type Params,
  presetParams,
} from "../src/physiology/params.js";
import type { Devices } from "../src/procedure/circuit.js";

/** Deterministic PRNG (mulberry32) so that a failure can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Keeps the cross-parameter rules: an explicit MR reference volume or pressure is 0 (derive from
 * the patient) or at least its minimum. The random draw `r` is unused (kept for call symmetry).
 */
export function fixConstraints(params: Params, _r: () => number = () => 0.5): void {
  if ((params["mr.refVolume_mL"] as number) < MIN_MR_REF_VOLUME_ML) params["mr.refVolume_mL"] = 0;
  if ((params["mr.dpRef_mmHg"] as number) < MIN_MR_REF_DP_MMHG) params["mr.dpRef_mmHg"] = 0;
}

/**
 * @param endShare probability that a changed number parameter is put at a range end rather than
 * drawn inside the range.
 */
export function randomCase(seed: number, endShare = 0): { params: Params; devices: Devices } {
  const r = rng(seed);
  const params = presetParams(r() < 0.5 ? "normal" : "cardiogenic-shock-acute-mr");
  for (const p of PARAMS) {
    if (p.type === "number" && r() < 0.5) {
      const u = r();
      params[p.path] = u < endShare / 2 ? p.min : u < endShare ? p.max : p.min + r() * (p.max - p.min);
    } else if (p.type === "boolean" && r() < 0.2) params[p.path] = r() < 0.5;
    else if (p.type === "segments" && r() < 0.3) {
      const a = r();
      const b = r() * (1 - a);
      params[p.path] = { A1P1: a, A2P2: b, A3P3: 1 - a - b };
    }
  }
  fixConstraints(params, r);
  const devices: Devices = { impella: null, clips: [] };
  if (r() < 0.6) {
    const model = IMPELLA_MODELS[Math.floor(r() * 4)];
    devices.impella =
      r() < 0.7 ? { model, pLevel: Math.floor(r() * 10) } : { model, targetFlow_L_min: 0.5 + r() * 3 };
  }
  const nClips = Math.floor(r() * 3);
  for (let i = 0; i < nClips; i++) {
    const c = { device: CLIP_DEVICES[Math.floor(r() * 4)], offset_mm: Math.round((r() - 0.5) * 28) };
    if (checkClipPlacement([...devices.clips, c], params["mv.commissuralLength_mm"] as number).length === 0)
      devices.clips.push(c);
  }
  return { params, devices };
}

/** Rows of min/max choices (true = max) covering all four combinations of every pair [greedy]. */
export function coveringArray(k: number, seed: number): boolean[][] {
  const r = rng(seed);
  const covered = new Set<string>();
  const need = ((k * (k - 1)) / 2) * 4;
  const rows: boolean[][] = [];
  const gain = (row: boolean[]) => {
    let g = 0;
    for (let a = 0; a < k; a++)
      for (let b = a + 1; b < k; b++) if (!covered.has(`${a},${b},${+row[a]},${+row[b]}`)) g++;
    return g;
  };
  while (covered.size < need) {
    let best: boolean[] = [];
    let bestGain = -1;
    for (let c = 0; c < 40; c++) {
      const row = Array.from({ length: k }, () => r() < 0.5);
      const g = gain(row);
      if (g > bestGain) {
        best = row;
        bestGain = g;
      }
    }
    for (let a = 0; a < k; a++)
      for (let b = a + 1; b < k; b++) covered.add(`${a},${b},${+best[a]},${+best[b]}`);
    rows.push(best);
  }
  return rows;
}
