import type { Scenario } from "../types.js";

/** TEER device choice: the same anatomy treated with a MitraClip NTW or a PASCAL P10/ACE (run separately by the planner). */
export const pascalVsMitraclip: Scenario = {
  id: "pascal-vs-mitraclip",
  title: "Teaching: PASCAL P10 at A2-P2 under Impella CP (compare with the NTW in shock-demo)",
  source:
    "Device data: Praz F et al., Lancet 2017;390:773-80 (PASCAL); comparison: Lim DS et al., JACC Cardiovasc Interv 2022;15:2523-36 (CLASP IID). Teaching example, not a published patient.",
  patient: { preset: "cardiogenic-shock-acute-mr" },
  steps: [
    { name: "baseline" },
    { name: "Impella CP at P6", impella: { model: "CP", pLevel: 6 } },
    { name: "PASCAL P10 at A2-P2", clip: { device: "PASCAL-P10", position: "A2P2" } },
    { name: "support at P2", impella: { pLevel: 2 } },
  ],
};
