/**
 * Every criterion the planner uses, with its source (shared/reference/clinical-formulas.md and
 * physiology-and-devices.md hold the research notes and their certainty tags). Warnings and the report
 * refer to these by id.
 */
export interface Criterion {
  id: string;
  /** What is judged, in one line. */
  rule: string;
  source: string;
}

export const CRITERIA: readonly Criterion[] = [
  {
    id: "mr-grade",
    rule: "MR grade 0-4 from EROA (0.20/0.30/0.40 cm²), regurgitant volume (30/45/60 mL) and fraction (30/40/50 %), median of the three",
    source:
      "Zoghbi WA et al. Recommendations for noninvasive evaluation of native valvular regurgitation. J Am Soc Echocardiogr 2017;30:303-371; Vahanian A et al. 2021 ESC/EACTS valvular heart disease guidelines, Eur Heart J 2022;43:561-632 (Table 6)",
  },
  {
    id: "wean-test",
    rule: "judge MR at minimal support (P2, or about 0.5-1 L/min) and with the pump stopped: support unloads the LV and makes MR look smaller; warn when it hides at least one grade",
    source:
      "Ugueto-Rodrigo C, Jurado-Román A, et al. Impella-Clip ... Case resolution. REC Interv Cardiol 2023;5:315-317 (lesson b); clinical-formulas §4.1 'Effect of Impella on MR assessment'; Impella IFU weaning: keep ≥ P2 while across the valve (clinical-formulas §6.2)",
  },
  {
    id: "gradient-limit",
    rule: "mean transmitral gradient ≥ 5 mmHg after TEER = elevated (iatrogenic stenosis concern)",
    source:
      "clinical-formulas §4.3: Oguz D et al. (Mayo, > 5 mmHg, HR 1.91); PMC10944065 (TMPG ≥ 5); consensus across outcome studies",
  },
  {
    id: "mvarc-stenosis",
    rule: "no significant stenosis after repair: effective orifice area ≥ 1.5 cm² and mean gradient < 5 mmHg",
    source:
      "Stone GW et al. MVARC, J Am Coll Cardiol 2015;66:278-307 and 308-321, as quoted in the editorial PMC12873582 (physiology-and-devices §4.2)",
  },
  {
    id: "gradient-conditions",
    rule: "the gradient rises with diastolic flow and heart rate (ΔP ∝ (Q/MVA)²); read it with HR, CO and Hb; reference conditions here: HR 70 bpm, Hb 13 g/dL, no pump; shares by Shapley values",
    source:
      "clinical-formulas §4.3 and §5 (Gorlin); Ugueto-Rodrigo 2023 (lesson c: anaemia and tachycardia overestimate the gradient); Shapley LS. A value for n-person games. Contributions to the Theory of Games II, 1953:307-317",
  },
  {
    id: "residual-mr",
    rule: "residual MR ≤ 2+ acceptable, ≤ 1+ optimal",
    source:
      "MVARC (Stone 2015) and ASE 2019 (Zoghbi WA et al., JASE 2019;32:431-475), clinical-formulas §4.2",
  },
  {
    id: "impella-interference",
    rule: "with an Impella across the aortic valve, clips from the anterolateral commissure to the medial edge of A2-P2 are placed next to the pump catheter in the LV outflow tract",
    source:
      "Ugueto-Rodrigo 2023 (lesson a: A2-P2 clip hampered by the Impella 5.0, reversal manoeuvres toward the atrium); Impella positioning, clinical-formulas §6.2",
  },
  {
    id: "clip-geometry",
    rule: "clip geometry: 45-55 % area loss for one central clip, 80-95 % EROA loss on the clipped segment, 20-50 % on the adjacent one [E]",
    source: "physiology-and-devices §4.2-4.3 (geometric clip model); devices: clinical-formulas §7.1",
  },
  {
    id: "scai",
    rule: "suggested SCAI SHOCK stage from blood pressure, CPO, lactate and the number of drugs and devices",
    source:
      "Baran DA et al., Catheter Cardiovasc Interv 2019;94:29-37; Naidu SS et al., J Am Coll Cardiol 2022;79:933-946; computable rule after PMC9652191 Table 1",
  },
  {
    id: "euroscore2",
    rule: "EuroSCORE II predicted in-hospital mortality after cardiac surgery",
    source: "Nashef SAM et al. EuroSCORE II. Eur J Cardiothorac Surg 2012;41:734-744",
  },
];

export const CRITERION_BY_ID: ReadonlyMap<string, Criterion> = new Map(CRITERIA.map((c) => [c.id, c]));
