import type { Scenario } from "../types.js";

/**
 * IABP teaching case: shock with acute MR, a 40-mL balloon at 1:2 (to read assisted against
 * unassisted beats, as at the bedside), then 1:1, then the four classic timing errors.
 */
export const iabpTiming: Scenario = {
  id: "iabp-timing",
  title: "Teaching: IABP in shock with acute MR, 1:2 and 1:1, and the four classic timing errors",
  source:
    "Timing rules and errors: Trost JC, Hillis LD, Am J Cardiol 2006;97:1391-8. Haemodynamic effects of IABP in shock: Unverzagt S et al., Cochrane Database Syst Rev 2015;(3):CD007398. Teaching example, not a published patient.",
  patient: { preset: "cardiogenic-shock-acute-mr" },
  steps: [
    { name: "baseline" },
    { name: "IABP 1:2, 40 mL", iabp: { ratio: 2, volume_mL: 40 } },
    { name: "IABP 1:1", iabp: { ratio: 1, volume_mL: 40 } },
    { name: "early inflation", iabp: { ratio: 2, volume_mL: 40, inflationOffset_ms: -100 } },
    { name: "late inflation", iabp: { ratio: 2, volume_mL: 40, inflationOffset_ms: 100 } },
    { name: "early deflation", iabp: { ratio: 2, volume_mL: 40, deflationOffset_ms: -150 } },
    { name: "late deflation", iabp: { ratio: 2, volume_mL: 40, deflationOffset_ms: 80 } },
  ],
};
