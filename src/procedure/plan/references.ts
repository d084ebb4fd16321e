/**
 * The published works behind the planner's criteria, each resolvable by DOI (or PubMed Central id)
 * so a reader can open it. docs/references.md lists the same works (a test keeps them in step).
 */
import { CRITERION_BY_ID } from "./citations.js";

export interface Reference {
  id: string;
  /** Authors, title, journal, year;volume:pages. */
  citation: string;
  doi?: string;
  pmid?: string;
  /** A PubMed Central article id (PMC...) where no DOI is given. */
  pmc?: string;
}

export const REFERENCES: readonly Reference[] = [
  {
    id: "zoghbi-2017",
    citation:
      "Zoghbi WA, Adams D, Bonow RO, et al. Recommendations for noninvasive evaluation of native valvular regurgitation. J Am Soc Echocardiogr 2017;30:303-371",
    doi: "10.1016/j.echo.2017.01.007",
    pmid: "28314623",
  },
  {
    id: "vahanian-2021",
    citation:
      "Vahanian A, Beyersdorf F, Praz F, et al. 2021 ESC/EACTS Guidelines for the management of valvular heart disease. Eur Heart J 2022;43:561-632",
    doi: "10.1093/eurheartj/ehab395",
    pmid: "34453165",
  },
  {
    id: "ugueto-rodrigo-2023",
    citation:
      "Ugueto-Rodrigo C, Jurado-Román A, et al. Impella-Clip: a secure and effective strategy in cardiogenic shock due to acute severe mitral regurgitation. Case resolution. REC Interv Cardiol 2023;5:315-317",
    doi: "10.24875/RECICE.M22000317",
  },
  {
    id: "coroas-pascual-2024",
    citation:
      "Coroas Pascual C, Arrizabalaga Gil M, et al. Impella-supported MitraClip implantation in acute mitral regurgitation. REC Interv Cardiol 2024;6:149-150",
    doi: "10.24875/RECICE.M23000414",
  },
  {
    id: "stone-2015-mvarc1",
    citation:
      "Stone GW, Vahanian AS, Adams DH, et al. Clinical trial design principles and endpoint definitions for transcatheter mitral valve repair and replacement: part 1. J Am Coll Cardiol 2015;66:278-307",
    doi: "10.1016/j.jacc.2015.05.046",
  },
  {
    id: "stone-2015-mvarc2",
    citation:
      "Stone GW, Adams DH, Abraham WT, et al. Clinical trial design principles and endpoint definitions for transcatheter mitral valve repair and replacement: part 2: endpoint definitions. J Am Coll Cardiol 2015;66:308-321",
    doi: "10.1016/j.jacc.2015.05.049",
  },
  {
    id: "zoghbi-2019",
    citation:
      "Zoghbi WA, Asch FM, Bruce C, et al. Guidelines for the evaluation of valvular regurgitation after percutaneous valve repair or replacement. J Am Soc Echocardiogr 2019;32:431-475",
    doi: "10.1016/j.echo.2019.01.003",
  },
  {
    id: "teer-gradient-pmc10944065",
    citation:
      "Mean transmitral gradient ≥ 5 mmHg after transcatheter edge-to-edge repair and outcomes (PubMed Central PMC10944065)",
    pmc: "PMC10944065",
  },
  {
    id: "mvarc-editorial-pmc12873582",
    citation: "Editorial quoting the MVARC stenosis criteria after TEER (PubMed Central PMC12873582)",
    pmc: "PMC12873582",
  },
  {
    id: "gorlin-1951",
    citation:
      "Gorlin R, Gorlin SG. Hydraulic formula for calculation of the area of the stenotic mitral valve, other cardiac valves, and central circulatory shunts. Am Heart J 1951;41:1-29",
    doi: "10.1016/0002-8703(51)90002-6",
  },
  {
    id: "shapley-1953",
    citation:
      "Shapley LS. A value for n-person games. In: Contributions to the Theory of Games II. Princeton University Press, 1953:307-317",
    doi: "10.1515/9781400881970-018",
  },
  {
    id: "baran-2019",
    citation:
      "Baran DA, Grines CL, Bailey S, et al. SCAI clinical expert consensus statement on the classification of cardiogenic shock. Catheter Cardiovasc Interv 2019;94:29-37",
    doi: "10.1002/ccd.28329",
  },
  {
    id: "naidu-2022",
    citation:
      "Naidu SS, Baran DA, Jentzer JC, et al. SCAI SHOCK stage classification expert consensus update: a review and incorporation of validation studies. J Am Coll Cardiol 2022;79:933-946",
    doi: "10.1016/j.jacc.2022.01.018",
  },
  {
    id: "scai-rule-pmc9652191",
    citation: "A computable SCAI SHOCK stage rule (PubMed Central PMC9652191, Table 1)",
    pmc: "PMC9652191",
  },
  {
    id: "nashef-2012",
    citation:
      "Nashef SAM, Roques F, Sharples LD, et al. EuroSCORE II. Eur J Cardiothorac Surg 2012;41:734-744",
    doi: "10.1093/ejcts/ezs043",
    pmid: "22378855",
  },
  {
    id: "obrien-2018-sts",
    citation:
      "O'Brien SM, Feng L, He X, et al. The Society of Thoracic Surgeons 2018 adult cardiac surgery risk models: part 2, statistical methods and results. Ann Thorac Surg 2018;105:1419-1428",
    doi: "10.1016/j.athoracsur.2018.03.003",
  },
];

export const REFERENCE_BY_ID: ReadonlyMap<string, Reference> = new Map(REFERENCES.map((r) => [r.id, r]));

/** Where a reader opens the work: its DOI, else PubMed, else PubMed Central. */
export function referenceUrl(r: Reference): string {
  if (r.doi) return `https://doi.org/${r.doi}`;
  if (r.pmid) return `https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/`;
  return `https://pmc.ncbi.nlm.nih.gov/articles/${r.pmc}/`;
}

/** The published works behind the criteria used (ids from citations.ts), each with a link to open it. */
export function referencesOf(criteria: readonly string[]): (Reference & { url: string })[] {
  const ids = [...new Set(criteria.flatMap((id) => CRITERION_BY_ID.get(id)?.refs ?? []))];
  return ids
    .map((id) => REFERENCE_BY_ID.get(id))
    .filter((x) => x !== undefined)
    .map((x) => ({ ...x, url: referenceUrl(x) }));
}
