/**
 * TEER devices: the MitraClip G4 sizes and the PASCAL implants (P10 and ACE).
 *
 * MitraClip G4 (reference §4.1; clinical-formulas §7.1): arm length 9 mm (NT/NTW) or 12 mm (XT/XTW)
 * [C2]; clip width 4 mm or 6 mm (W) [M, not confirmed from two sources].
 *
 * PASCAL (Edwards): two broad, flexible paddles with clasps either side of a central spacer that fills
 * the coaptation gap. P10: implant width 10 mm (paddles 10 mm wide, 10-mm spacer) [L: Praz F et al.,
 * Lancet 2017;390:773-80]; ACE: implant width 6 mm, narrower spacer [L: PASCAL Precision system IFU;
 * Hensey M et al., JACC Cardiovasc Interv 2021;14:2051-2 (ACE description)]. Paddle length 10 mm for both
 * [E, from the manufacturer's drawings; not confirmed from two sources].
 *
 * Model terms per device:
 *  - `margin_mm`: leaflet immobilised each side of the device in diastole (mitral geometry header):
 *    4 mm for 9-mm arms, 5 mm for 12-mm arms [E, calibrated, reference §4.2]; 4 mm for PASCAL's
 *    10-mm paddles [E] (their flexibility is not credited with sparing more leaflet: no source).
 *  - `spacerSeal`: the spacer fills the gap beside the grasp, lengthening the closure decay
 *    (λ = ⅔·arm length·(1 + spacerSeal)) [E]: 0.25 for the 10-mm spacer, 0.15 for the ACE's, 0 for a clip.
 *    Calibrated so that PASCAL P10 leaves no more residual MR than an NTW in the same place, with a
 *    mean gradient within 1.5 mmHg of it, as in the CLASP IID randomised comparison (MR ≤ 1+ at 6 months
 *    83.7 % vs 71.1 %; mean gradients alike: Lim DS et al., JACC Cardiovasc Interv 2022;15:2523-36).
 */
export type ClipDevice = "NT" | "NTW" | "XT" | "XTW" | "PASCAL-P10" | "PASCAL-ACE";
export const CLIP_DEVICES: readonly ClipDevice[] = ["NT", "NTW", "XT", "XTW", "PASCAL-P10", "PASCAL-ACE"];
export const MITRACLIP_DEVICES: readonly ClipDevice[] = ["NT", "NTW", "XT", "XTW"];

export interface ClipData {
  readonly device: ClipDevice;
  /** Arm (MitraClip) or paddle (PASCAL) length (mm). */
  readonly armLength_mm: number;
  /** Width of the grasp (mm). */
  readonly width_mm: number;
  /** Leaflet immobilised each side of the device in diastole (mm). */
  readonly margin_mm: number;
  /** Central spacer's extra closure beside the grasp (fraction of the decay length; 0 = no spacer). */
  readonly spacerSeal: number;
  readonly family: "MitraClip" | "PASCAL";
}

export const CLIPS: Readonly<Record<ClipDevice, ClipData>> = {
  NT: { device: "NT", armLength_mm: 9, width_mm: 4, margin_mm: 4, spacerSeal: 0, family: "MitraClip" },
  NTW: { device: "NTW", armLength_mm: 9, width_mm: 6, margin_mm: 4, spacerSeal: 0, family: "MitraClip" },
  XT: { device: "XT", armLength_mm: 12, width_mm: 4, margin_mm: 5, spacerSeal: 0, family: "MitraClip" },
  XTW: { device: "XTW", armLength_mm: 12, width_mm: 6, margin_mm: 5, spacerSeal: 0, family: "MitraClip" },
  "PASCAL-P10": {
    device: "PASCAL-P10",
    armLength_mm: 10,
    width_mm: 10,
    margin_mm: 4,
    spacerSeal: 0.25,
    family: "PASCAL",
  },
  "PASCAL-ACE": {
    device: "PASCAL-ACE",
    armLength_mm: 10,
    width_mm: 6,
    margin_mm: 4,
    spacerSeal: 0.15,
    family: "PASCAL",
  },
};
