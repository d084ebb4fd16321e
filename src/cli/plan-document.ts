/**
 * The JSON document of `plan --json` (contract "Result of plan --json"): the PlanResult with numbers
 * rounded to 4 significant digits, criteria spelled out with their sources, and the bulky parts
 * (every simulated strategy, PV loops) left out.
 */
import { CRITERION_BY_ID, type Criterion } from "../procedure/plan/citations.js";
import { referencesOf } from "../procedure/plan/references.js";
import type { ClipStrategy, PlanResult } from "../procedure/plan/types.js";
import { roundDeep } from "./result.js";

const strategyDoc = (s: ClipStrategy) => ({
  clips: s.clips.map((c) => ({
    device: c.device,
    offset_mm: c.offset_mm,
    ...(c.position ? { position: c.position } : {}),
    ...(c.segment ? { segment: c.segment, third: c.third } : {}),
  })),
  mr_grade: s.mr_grade,
  mr_rvol_mL: s.mr_rvol_mL,
  mr_rf_pct: s.mr_rf_pct,
  mr_eroa_cm2: s.mr_eroa_cm2,
  mv_gradient_mean_mmHg: s.mv_gradient_mean_mmHg,
  mv_area_cm2: s.mv_area_cm2,
  geometricEroa_cm2: s.geometricEroa_cm2,
  meetsCriteria: s.meetsCriteria,
  misses: s.misses,
  impellaInterference: s.impellaInterference,
  converged: s.converged,
  ...(s.atReference ? { atReference: s.atReference } : {}),
});

export function planDocument(r: PlanResult): Record<string, unknown> {
  const search = r.clipSearch;
  const doc = {
    bottomLine: r.bottomLine,
    haemodynamics: r.haemodynamics,
    scenario: r.scenario.id,
    title: r.scenario.title,
    at: r.at,
    atIndex: r.atIndex,
    devices: r.devices,
    weanTest: r.weanTest,
    gradient: {
      current_mmHg: r.gradient.current_mmHg,
      reference_mmHg: r.gradient.reference_mmHg,
      valveArea_cm2: r.gradient.valveArea_cm2,
      contributions_mmHg: r.gradient.contributions_mmHg,
      method: r.gradient.method,
      reference: r.gradient.reference,
      subsets: r.gradient.subsets,
    },
    clipStrategies: r.clipStrategies.map(strategyDoc),
    clipSearch: search && {
      maxClips: search.maxClips,
      criteria: search.criteria,
      ranking: search.ranking,
      explanation: search.explanation,
      baseline: search.baseline,
      rejected: search.rejected.map(strategyDoc),
      simulated: search.simulated,
      geometryEvaluated: search.geometryEvaluated,
      wall_ms: search.wall_ms,
      mode: search.mode,
      workers: search.workers,
      beamWidth: search.beamWidth,
      simulationsPerLevel: search.simulationsPerLevel,
      ...(search.modeNote ? { modeNote: search.modeNote } : {}),
    },
    warnings: r.warnings,
    scai: r.scai,
    ...(r.euroscore2 ? { euroscore2: r.euroscore2 } : {}),
    surgicalRisk: r.surgicalRisk,
    criteria: r.criteria.map((id) => CRITERION_BY_ID.get(id)).filter((c): c is Criterion => c !== undefined),
    references: referencesOf(r.criteria),
    wall_ms: r.wall_ms,
  };
  return roundDeep(doc) as Record<string, unknown>;
}
