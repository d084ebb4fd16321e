import type { Scenario } from "../types.js";

/**
 * Ugueto-Rodrigo C, Jurado-Román A, et al., "Impella-Clip: a secure and effective strategy in
 * cardiogenic shock due to acute severe mitral regurgitation. Case resolution",
 * REC Interv Cardiol 2023;5:315-317 (shared/seeds/001).
 */
export const impella5WeanTest: Scenario = {
  id: "impella5-wean-test",
  title: "Impella 5.0 at 2 L/min, NTW at A3-P3, wean test at 1 L/min, NT at A2-P2, support at 0.5 L/min",
  source:
    "Ugueto-Rodrigo C, Jurado-Román A, et al. Impella-Clip: a secure and effective strategy in cardiogenic shock due to acute severe mitral regurgitation. Case resolution. REC Interv Cardiol. 2023;5:315-317.",
  // Hb 8.6 g/dL and HR 90 bpm as reported [S]. The native mitral area is not reported: 4.3 cm², within
  // the range TEER requires (≥ 4.0), reproduces the reported 4 and 7 mmHg gradients at 2 L/min [E].
  patient: {
    preset: "cardiogenic-shock-acute-mr",
    overrides: { hb_g_dL: 8.6, hr_bpm: 90, "mv.area_cm2": 4.3 },
  },
  steps: [
    { name: "Impella 5.0 at 2 L/min", impella: { model: "5.0", targetFlow_L_min: 2 } },
    { name: "NTW at A3-P3", clip: { device: "NTW", position: "A3P3" } },
    // The report reassessed at 1 L/min and went back up: a timed look, not a new steady state. How long
    // it looked is not reported; 3 min is a TEE reassessment's usual span [E].
    { name: "support at 1 L/min", impella: { targetFlow_L_min: 1 }, hold_s: 180 },
    { name: "support back at 2 L/min", impella: { targetFlow_L_min: 2 } },
    { name: "NT at A2-P2", clip: { device: "NT", position: "A2P2" } },
    { name: "support at 0.5 L/min", impella: { targetFlow_L_min: 0.5 } },
  ],
  // The report gives only the result, "EuroSCORE II, 48,9%" [S]; its inputs are a plausible
  // reconstruction [E]: post-MI shock with acute MR on an Impella (critical state, recent MI, NYHA IV,
  // emergency), poor LV function, moderate pulmonary hypertension and renal impairment, and the
  // surgery it would need (mitral replacement with CABG: two procedures). It gives 48.7 %.
  euroscore2: {
    age_years: 72,
    sex: "male",
    creatinineClearance_mL_min: 40,
    dialysis: false,
    extracardiacArteriopathy: false,
    poorMobility: false,
    previousCardiacSurgery: false,
    chronicLungDisease: false,
    activeEndocarditis: false,
    criticalPreoperativeState: true,
    diabetesOnInsulin: false,
    nyhaClass: 4,
    ccs4Angina: false,
    lvef_pct: 25,
    recentMI: true,
    paSystolic_mmHg: 40,
    urgency: "emergency",
    weightOfIntervention: "two",
    thoracicAortaSurgery: false,
  },
  // "Society of Thoracic Surgeons score (STS), 16%" [S]: quoted in the plan, not computed here.
  stsProm_pct: 16,
};
