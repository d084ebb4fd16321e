/**
 * MitraClip G4 sizes (reference §4.1; clinical-formulas §7.1): arm length 9 mm (NT/NTW) or 12 mm
 * (XT/XTW) [C2]; clip width 4 mm or 6 mm (W) [M, not confirmed from two sources].
 */
export type ClipDevice = "NT" | "NTW" | "XT" | "XTW";
export const CLIP_DEVICES: readonly ClipDevice[] = ["NT", "NTW", "XT", "XTW"];

export interface ClipData {
  readonly device: ClipDevice;
  readonly armLength_mm: number;
  readonly width_mm: number;
}

export const CLIPS: Readonly<Record<ClipDevice, ClipData>> = {
  NT: { device: "NT", armLength_mm: 9, width_mm: 4 },
  NTW: { device: "NTW", armLength_mm: 9, width_mm: 6 },
  XT: { device: "XT", armLength_mm: 12, width_mm: 4 },
  XTW: { device: "XTW", armLength_mm: 12, width_mm: 6 },
};
