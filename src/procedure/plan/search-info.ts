/** What the plan says about its clip search (pure): criteria, ranking, explanation and the search's own figures. */
import type { Measurements } from "../../measure/beat.js";
import type { ImpellaSetting } from "../circuit.js";
import type { SearchOptions, SearchOutcome } from "./clip-search.js";
import { AREA_MIN_CM2, GRADIENT_LIMIT_MMHG } from "./criteria.js";
import type { Evaluator } from "./evaluator.js";
import { explainRanking, RANKING } from "./rank.js";
import { describeSetting } from "./support.js";
import type { ClipSearchInfo } from "./types.js";

/** Strategies shown (issue #5: "show the top five"). */
export const TOP_STRATEGIES = 5;

export function searchInfo(
  outcome: SearchOutcome,
  options: SearchOptions,
  support: ImpellaSetting | null,
  baseline: Measurements,
  evaluator: Pick<Evaluator, "mode" | "workers" | "note">,
  wall_ms: number,
): ClipSearchInfo {
  const feasible = outcome.ranked.filter((s) => s.meetsCriteria);
  const rejected = outcome.ranked.filter((s) => !s.meetsCriteria);
  // Explain the top two that meet the criteria; if fewer do, the top two overall.
  const [a, b] = feasible.length >= 2 ? feasible : outcome.ranked;
  return {
    maxClips: options.maxClips,
    criteria: {
      gradientBelow_mmHg: GRADIENT_LIMIT_MMHG,
      areaAtLeast_cm2: AREA_MIN_CM2,
      support: support ? `${describeSetting(support)} (the wean test's low support)` : "no pump",
    },
    ranking: RANKING,
    explanation: explainRanking(a, b),
    baseline: {
      mr_grade: baseline.mr_grade,
      mr_rvol_mL: baseline.mr_rvol_mL,
      mv_gradient_mean_mmHg: baseline.mv_gradient_mean_mmHg,
      mv_area_cm2: baseline.mv_area_cm2,
    },
    rejected: rejected.slice(0, TOP_STRATEGIES),
    evaluated: outcome.ranked,
    simulated: outcome.simulated,
    geometryEvaluated: outcome.geometryEvaluated,
    wall_ms,
    mode: evaluator.mode,
    workers: evaluator.workers,
    beamWidth: options.beamWidth,
    simulationsPerLevel: options.simulationsPerLevel,
    ...(evaluator.note ? { modeNote: evaluator.note } : {}),
  };
}
