/**
 * `planScenario`: the planning tools for the state after one step of a scenario (contract "Result of
 * plan --json"): wean test, gradient interpretation, clip strategy search, warnings and scores. The
 * state is simulated in this thread; every other simulation (all continuing the same patient from that
 * state) goes through an Evaluator: piscina worker threads, or in-process when no bundled worker exists.
 */
import type { Measurements } from "../../measure/beat.js";
import type { Scenario } from "../types.js";
import { resolveAt } from "./at.js";
import { lengthOf } from "./clip-screen.js";
import { DEFAULT_SEARCH, searchClips } from "./clip-search.js";
import { AREA_MIN_CM2, GRADIENT_LIMIT_MMHG, MAX_ADDED_CLIPS } from "./criteria.js";
import { createEvaluator, type Evaluator } from "./evaluator.js";
import { allMixes, GRADIENT_FACTORS, gradientAnalysis, mixJob, mixKey } from "./gradient.js";
import type { StateJob, StateOutcome } from "./job.js";
import { explainRanking, RANKING } from "./rank.js";
import { euroscore2Of, scaiOf } from "./scores.js";
import { stateAt } from "./state-at.js";
import { describeSetting, LOW_SUPPORT_RULE } from "./support.js";
import type { ClipSearchInfo, PlanOptions, PlanProgress, PlanResult, PlanWarning } from "./types.js";
import {
  convergenceWarning,
  gradientWarnings,
  interferenceWarning,
  searchWarnings,
  supportWarning,
} from "./warnings.js";
import { weanSettings, weanTest, withPump } from "./wean.js";

/** Strategies shown (issue #5: "show the top five"). */
export const TOP_STRATEGIES = 5;

export async function planScenario(scenario: Scenario, options: PlanOptions = {}): Promise<PlanResult> {
  const t0 = performance.now();
  const index = resolveAt(scenario, options.at);
  const maxClips = Math.max(0, Math.min(MAX_ADDED_CLIPS, options.maxClips ?? MAX_ADDED_CLIPS));
  const progress = (p: PlanProgress) => options.onProgress?.(p);
  const state = stateAt(scenario, index, (done, total, name) =>
    progress({ phase: "scenario", done, total, message: name }),
  );
  const evaluator = createEvaluator({ workers: options.workers, workerScript: options.workerScript });
  try {
    const notConverged: string[] = state.step.converged ? [] : [state.step.name];
    const track = trackedRun(evaluator, notConverged);

    // Wean test and gradient mixes, all at once.
    const settings = weanSettings(state.devices);
    const mixes = allMixes().slice(1); // the all-current mix is the state itself
    const total = mixes.length + (settings.current ? 2 : 0) + (options.waveforms ? 1 : 0);
    let done = 0;
    const step = (label: string) => (o: StateOutcome) => {
      progress({ phase: "analysis", done: ++done, total, message: label });
      return o;
    };
    const low = settings.lowSupport
      ? track(
          withPump(state, settings.lowSupport, options.waveforms),
          describeSetting(settings.lowSupport),
        ).then(step("low support"))
      : null;
    const stopped = settings.pumpStopped
      ? track(withPump(state, settings.pumpStopped, options.waveforms), "pump stopped").then(
          step("pump stopped"),
        )
      : null;
    const currentLoop =
      options.waveforms && settings.current
        ? track(withPump(state, settings.current, true), "current").then(step("current"))
        : options.waveforms
          ? track(
              { params: state.params, devices: state.devices, from: state.state, pvLoop: true },
              "current",
            ).then(step("current"))
          : null;
    const mixResults = mixes.map((mix) =>
      track(mixJob(state, mix), `gradient ${mixKey(mix)}`).then(step("gradient")),
    );
    const [lowO, stoppedO, currentO, ...mixO] = await Promise.all([low, stopped, currentLoop, ...mixResults]);
    const byMix = new Map<string, Measurements>([[mixKey(new Set(GRADIENT_FACTORS)), state.measurements]]);
    for (const [i, mix] of mixes.entries()) byMix.set(mixKey(mix), measured(mixO[i]));
    const wean = weanTest(
      state.measurements,
      lowO ? measured(lowO) : null,
      stoppedO ? measured(stoppedO) : null,
      settings,
    );
    const gradient = gradientAnalysis(byMix);

    // Clip search at low support.
    const beamWidth = options.beamWidth ?? DEFAULT_SEARCH.beamWidth;
    const simulationsPerLevel = options.simulationsPerLevel ?? DEFAULT_SEARCH.simulationsPerLevel;
    let clipSearch: ClipSearchInfo | null = null;
    if (maxClips > 0) {
      const ts = performance.now();
      const baseline = wean.lowSupport ?? state.measurements;
      const outcome = await searchClips(
        {
          params: state.params,
          existing: state.devices.clips,
          impella: settings.lowSupport,
          pumpInPlace: settings.current !== null,
          from: state.state,
          baseline,
        },
        { maxClips, beamWidth, simulationsPerLevel },
        (job) => track(job, "clip strategy"),
        (d, t) => progress({ phase: "search", done: d, total: t, message: "clip strategies" }),
      );
      const feasible = outcome.ranked.filter((s) => s.meetsCriteria);
      const rejected = outcome.ranked.filter((s) => !s.meetsCriteria);
      const [a, b] = feasible.length >= 2 ? feasible : outcome.ranked;
      clipSearch = {
        maxClips,
        criteria: {
          gradientBelow_mmHg: GRADIENT_LIMIT_MMHG,
          areaAtLeast_cm2: AREA_MIN_CM2,
          support: settings.lowSupport
            ? `${describeSetting(settings.lowSupport)} (${LOW_SUPPORT_RULE})`
            : "no pump",
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
        wall_ms: performance.now() - ts,
        mode: evaluator.mode,
        workers: evaluator.workers,
        beamWidth,
        simulationsPerLevel,
        ...(evaluator.note ? { modeNote: evaluator.note } : {}),
      };
    }
    const clipStrategies = (clipSearch?.evaluated ?? [])
      .filter((s) => s.meetsCriteria)
      .slice(0, TOP_STRATEGIES);
    const pump = state.devices.impella !== null;
    const warnings: PlanWarning[] = [
      ...supportWarning(wean),
      ...gradientWarnings(gradient),
      ...interferenceWarning(clipStrategies[0], lengthOf(state.params), pump),
      ...searchWarnings(clipStrategies.length, clipSearch !== null, clipSearch?.evaluated[0]),
      ...convergenceWarning(notConverged),
    ];
    const euro = euroscore2Of(scenario);
    const criteria = [
      "mr-grade",
      "wean-test",
      "gradient-limit",
      "gradient-conditions",
      "mvarc-stenosis",
      "residual-mr",
      "clip-geometry",
      "impella-interference",
      "scai",
      ...(euro ? ["euroscore2"] : []),
    ];
    progress({ phase: "done", done: 1, total: 1, message: "done" });
    return {
      scenario: {
        id: scenario.id,
        title: scenario.title,
        ...(scenario.source ? { source: scenario.source } : {}),
      },
      at: state.step.name,
      atIndex: index,
      parameters: state.params,
      devices: state.step.devices,
      weanTest: wean,
      gradient,
      clipStrategies,
      clipSearch,
      warnings,
      scai: scaiOf(state.measurements, state.params, state.devices),
      ...(euro ? { euroscore2: euro } : {}),
      criteria,
      ...(options.waveforms && currentO?.ok
        ? {
            pvLoops: {
              current: currentO.pvLoop ?? { p_mmHg: [], v_mL: [] },
              lowSupport: lowO?.ok ? (lowO.pvLoop ?? null) : null,
              pumpStopped: stoppedO?.ok ? (stoppedO.pvLoop ?? null) : null,
            },
          }
        : {}),
      wall_ms: performance.now() - t0,
    };
  } finally {
    await evaluator.close();
  }
}

/** Runs jobs through the evaluator and notes those without a periodic steady state. */
function trackedRun(evaluator: Evaluator, notConverged: string[]) {
  return async (job: StateJob, label: string): Promise<StateOutcome> => {
    const o = await evaluator.run(job);
    if (o.ok && !o.converged) notConverged.push(label);
    return o;
  };
}

function measured(o: StateOutcome): Measurements {
  if (!o.ok) throw new Error(`simulation failed: ${o.error}`);
  return o.measurements;
}
