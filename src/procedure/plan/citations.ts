/**
 * Every criterion the planner uses, with its published source (references.ts gives each work's DOI or
 * PubMed Central id; docs/references.md lists them). Warnings and the report refer to these by id.
 */
export interface Criterion {
  id: string;
  /** What is judged, in one line. */
  rule: string;
  source: string;
  /** Ids of the published works behind it (references.ts, docs/references.md). */
  refs: string[];
}

export const CRITERIA: readonly Criterion[] = [
  {
    id: "mr-grade",
    rule: "MR grade 0-4 from EROA (0.20/0.30/0.40 cm²), regurgitant volume (30/45/60 mL) and fraction (30/40/50 %), median of the three",
    source:
      "Zoghbi WA et al. J Am Soc Echocardiogr 2017;30:303-371; Vahanian A et al. 2021 ESC/EACTS guidelines, Eur Heart J 2022;43:561-632 (Table 6)",
    refs: ["zoghbi-2017", "vahanian-2021"],
  },
  {
    id: "wean-test",
    rule: "judge MR at minimal support (P2, or about 0.5-1 L/min) and with the pump stopped: support unloads the LV and makes MR look smaller; warn when it hides at least one grade",
    source:
      "Ugueto-Rodrigo C, Jurado-Román A, et al. REC Interv Cardiol 2023;5:315-317 (lesson b: reduce support to judge the result); the Impella instructions for use keep at least P2 while the pump lies across the aortic valve",
    refs: ["ugueto-rodrigo-2023"],
  },
  {
    id: "gradient-limit",
    rule: "mean transmitral gradient ≥ 5 mmHg after TEER = elevated (iatrogenic stenosis concern)",
    source:
      "outcome studies after TEER (a mean gradient ≥ 5 mmHg predicts worse outcome), e.g. PMC10944065; MVARC (Stone GW et al. J Am Coll Cardiol 2015;66:308-321)",
    refs: ["teer-gradient-pmc10944065", "stone-2015-mvarc2"],
  },
  {
    id: "mvarc-stenosis",
    rule: "no significant stenosis after repair: effective orifice area ≥ 1.5 cm² and mean gradient < 5 mmHg",
    source:
      "Stone GW et al. MVARC, J Am Coll Cardiol 2015;66:278-307 and 308-321, as quoted in the editorial PMC12873582",
    refs: ["stone-2015-mvarc1", "stone-2015-mvarc2", "mvarc-editorial-pmc12873582"],
  },
  {
    id: "gradient-conditions",
    rule: "the gradient rises with diastolic flow and heart rate (ΔP ∝ (Q/MVA)²); read it with HR, CO and Hb; reference conditions here: HR 70 bpm, Hb 13 g/dL, no pump; shares by Shapley values",
    source:
      "Gorlin R, Gorlin SG. Am Heart J 1951;41:1-29; Ugueto-Rodrigo 2023 (lesson c: anaemia and tachycardia overestimate the gradient); Shapley LS. Contributions to the Theory of Games II, 1953:307-317",
    refs: ["gorlin-1951", "ugueto-rodrigo-2023", "shapley-1953"],
  },
  {
    id: "residual-mr",
    rule: "residual MR ≤ 2+ acceptable, ≤ 1+ optimal",
    source:
      "MVARC (Stone GW et al. J Am Coll Cardiol 2015;66:308-321) and ASE 2019 (Zoghbi WA et al. J Am Soc Echocardiogr 2019;32:431-475)",
    refs: ["stone-2015-mvarc2", "zoghbi-2019"],
  },
  {
    id: "impella-interference",
    rule: "with an Impella across the aortic valve, clips from the anterolateral commissure to the medial edge of A2-P2 are placed next to the pump catheter in the LV outflow tract",
    source:
      "Ugueto-Rodrigo 2023 (lesson a: A2-P2 clip hampered by the Impella 5.0, reversal manoeuvres toward the atrium); Coroas Pascual 2024 (two clips beside an Impella CP)",
    refs: ["ugueto-rodrigo-2023", "coroas-pascual-2024"],
  },
  {
    id: "clip-geometry",
    rule: "clip geometry: 45-55 % area loss for one central clip, 80-95 % EROA loss on the clipped segment, 20-50 % on the adjacent one [E]",
    source:
      "the model’s geometric clip model [E], calibrated on one central clip losing 45-55 % of the diastolic area (MVARC stenosis criteria, Stone 2015)",
    refs: ["stone-2015-mvarc2"],
  },
  {
    id: "scai",
    rule: "suggested SCAI SHOCK stage from blood pressure, CPO, lactate and the number of drugs and devices",
    source:
      "Baran DA et al. Catheter Cardiovasc Interv 2019;94:29-37; Naidu SS et al. J Am Coll Cardiol 2022;79:933-946; computable rule after PMC9652191 Table 1",
    refs: ["baran-2019", "naidu-2022", "scai-rule-pmc9652191"],
  },
  {
    id: "euroscore2",
    rule: "EuroSCORE II predicted in-hospital mortality after cardiac surgery",
    source: "Nashef SAM et al. EuroSCORE II. Eur J Cardiothorac Surg 2012;41:734-744",
    refs: ["nashef-2012"],
  },
  {
    id: "sts-prom",
    rule: "STS predicted risk of mortality (PROM), entered by the user from the STS online calculator: the STS model is not computed here",
    source:
      "O'Brien SM et al. The Society of Thoracic Surgeons 2018 adult cardiac surgery risk models. Ann Thorac Surg 2018;105:1419-1428",
    refs: ["obrien-2018-sts"],
  },
];

export const CRITERION_BY_ID: ReadonlyMap<string, Criterion> = new Map(CRITERIA.map((c) => [c.id, c]));
