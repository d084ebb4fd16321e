import type { Scenario } from "../types.js";

/**
 * Coroas Pascual C et al., "Impella-supported MitraClip implantation in acute mitral regurgitation",
 * REC Interv Cardiol 2024;6:149-150 (shared/seeds/000).
 */
export const impellaCpTwoClips: Scenario = {
  id: "impella-cp-two-clips",
  title:
    "Inferior-posterior STEMI, shock, posterior-leaflet MR: Impella CP at P6, NTW at A2-P2, then NT beside it",
  source:
    "Coroas Pascual C, Arrizabalaga Gil M, Olavarri Miguel I, et al. Impella-supported MitraClip implantation in acute mitral regurgitation. REC Interv Cardiol. 2024;6:149-150.",
  // Day 5, "hemodynamically stable with Impella at P6" [S]: heart rate 85 [E]. Posterior-leaflet
  // restriction after inferior-posterior MI puts most of the orifice at P2-P3, medially (the first
  // clip at A2-P2 left "significant posterior-medial regurgitation") [S]: shares 10/35/55 % [E].
  patient: {
    preset: "cardiogenic-shock-acute-mr",
    overrides: { hr_bpm: 85, "mr.segments": { A1P1: 0.1, A2P2: 0.35, A3P3: 0.55 } },
  },
  steps: [
    { name: "Impella CP at P6", impella: { model: "CP", pLevel: 6 } },
    { name: "NTW at A2-P2", clip: { device: "NTW", position: "A2P2" } },
    // "implanted nearby" on the medial side: the closest an NT fits beside an NTW (5 mm) plus 1 mm.
    { name: "NT beside it", clip: { device: "NT", position: { offset_mm: 6 } } },
    { name: "Impella removed", impella: null },
  ],
};
