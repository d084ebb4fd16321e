import type { Scenario } from "../types.js";

/**
 * VA-ECMO and ECPELLA teaching case: femoral VA-ECMO raises the LV's afterload and distends it (the
 * aortic valve opens less, filling pressures rise); an Impella CP vents it.
 */
export const ecpella: Scenario = {
  id: "ecpella",
  title: "Teaching: VA-ECMO loads the LV, an Impella vents it (ECPELLA)",
  source:
    "Donker DW, Brodie D, Henriques JPS, Broomé M, ASAIO J 2019;65:11-20 (LV unloading during VA-ECMO, simulation); Schrage B et al., Circulation 2020;142:2095-106 (ECPELLA). Teaching example, not a published patient.",
  patient: { preset: "cardiogenic-shock-acute-mr" },
  steps: [
    { name: "baseline" },
    { name: "VA-ECMO 4 L/min", ecmo: { flow_L_min: 4 } },
    { name: "ECMO 5 L/min", ecmo: { flow_L_min: 5 } },
    { name: "ECPELLA: + Impella CP P6", impella: { model: "CP", pLevel: 6 } },
    { name: "ECMO off, Impella CP P8", ecmo: null, impella: { pLevel: 8 } },
  ],
};
