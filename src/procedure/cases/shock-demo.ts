import type { Scenario } from "../types.js";

/** The README's example: the shock preset, a pump, a clip, then weaning. Not a published case. */
export const shockDemo: Scenario = {
  id: "shock-demo",
  title: "Teaching example: shock with acute MR, Impella CP, one clip, wean",
  source: "Clipshock example (not a published case)",
  patient: { preset: "cardiogenic-shock-acute-mr" },
  steps: [
    { name: "baseline" },
    { name: "Impella CP at P6", impella: { model: "CP", pLevel: 6 } },
    { name: "NTW at A2-P2", clip: { device: "NTW", position: "A2P2" } },
    { name: "support at P2", impella: { pLevel: 2 } },
  ],
};
