/**
 * `planScenario`: the planning tools for the state after one step of a scenario (contract "Result of
 * plan --json"): wean test, gradient interpretation, clip strategy search, warnings and scores. The
 * state is simulated in this thread; every other simulation (all continuing the same patient from that
 * state) goes through an Evaluator: piscina worker threads, or in-process when no bundled worker exists.
 */
import type { Measurements } from "../../measure/beat.js";
import { num, type Params } from "../../physiology/params.js";
import type { Scenario } from "../types.js";
import { resolveAt } from "./at.js";
import { bottomLine } from "./bottom-line.js";
import { lengthOf } from "./clip-screen.js";
import { DEFAULT_SEARCH, type SearchOptions, searchClips } from "./clip-search.js";
import { MAX_ADDED_CLIPS } from "./criteria.js";
import { createEvaluator, type Evaluator } from "./evaluator.js";
import {
  allMixes,
  GRADIENT_FACTORS,
  gradientAnalysis,
  mixJob,
  mixKey,
  REFERENCE_HB_G_DL,
  REFERENCE_HR_BPM,
} from "./gradient.js";
import type { StateJob, StateOutcome } from "./job.js";
import { diverseTop, misses } from "./rank.js";
import { scheduledClips } from "./scheduled-clips.js";
import { euroscore2Of, scaiOf } from "./scores.js";
import { searchInfo, TOP_STRATEGIES } from "./search-info.js";
import { stateAt } from "./state-at.js";
import { describeLevel, describeSetting } from "./support.js";
import type {
  ClipSearchInfo,
  ClipStrategy,
  Haemodynamics,
  PlanOptions,
  PlanProgress,
  PlanResult,
  PlanWarning,
} from "./types.js";
import {
  convergenceWarning,
  ecmoDistensionWarning,
  gradientWarnings,
  haemolysisWarning,
  interferenceWarning,
  noMrWarning,
  searchWarnings,
  supportWarning,
  weanWarning,
} from "./warnings.js";
import { WEAN_HOLD_S, weanSettings, weanTest, withSupport } from "./wean.js";

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
    const hold_s = options.weanHold_s ?? WEAN_HOLD_S;
    const sd = settings.devices;
    const total = mixes.length + (sd ? 3 : 0) + (options.waveforms ? 1 : 0);
    const lowName = describeLevel(settings.lowSupport, settings.other.lowSupport);
    let done = 0;
    const step = (label: string) => (o: StateOutcome) => {
      progress({ phase: "analysis", done: ++done, total, message: label });
      return o;
    };
    const low = sd
      ? track(withSupport(state, sd.lowSupport, options.waveforms, hold_s), lowName).then(step("low support"))
      : null;
    // The same change left to settle: where the patient goes at low support.
    const lowSettled = sd
      ? track(withSupport(state, sd.lowSupport), `${lowName}, settled`).then(step("low support, settled"))
      : null;
    const stopped = sd
      ? track(withSupport(state, sd.pumpStopped, options.waveforms), "support stopped").then(
          step("pump stopped"),
        )
      : null;
    // The current state once more, only to record its PV loop for the report.
    const currentLoop = options.waveforms
      ? track(
          { params: state.params, devices: state.devices, from: state.state, pvLoop: true },
          "current",
        ).then(step("current"))
      : null;
    const mixResults = mixes.map((mix) =>
      track(mixJob(state, mix), `gradient ${mixKey(mix)}`).then(step("gradient")),
    );
    const [lowO, settledO, stoppedO, currentO, ...mixO] = await Promise.all([
      low,
      lowSettled,
      stopped,
      currentLoop,
      ...mixResults,
    ]);
    const byMix = new Map<string, Measurements>([[mixKey(new Set(GRADIENT_FACTORS)), state.measurements]]);
    for (const [i, mix] of mixes.entries()) byMix.set(mixKey(mix), measured(mixO[i]));
    const wean = weanTest(
      state.measurements,
      lowO ? measured(lowO) : null,
      stoppedO ? measured(stoppedO) : null,
      settings,
      settledO?.ok ? { measurements: settledO.measurements, collapse: settledO.collapse } : null,
      hold_s,
    );
    const gradient = gradientAnalysis(byMix);

    // Clip search at low support.
    const search: SearchOptions = {
      maxClips,
      beamWidth: options.beamWidth ?? DEFAULT_SEARCH.beamWidth,
      simulationsPerLevel: options.simulationsPerLevel ?? DEFAULT_SEARCH.simulationsPerLevel,
    };
    let clipSearch: ClipSearchInfo | null = null;
    // No search for a valve that leaks at most trace at every support level: there is nothing to clip.
    const worstGrade = Math.max(
      state.measurements.mr_grade,
      wean.lowSupport?.mr_grade ?? 0,
      wean.pumpStopped?.mr_grade ?? 0,
    );
    if (maxClips > 0 && worstGrade > 0) {
      const ts = performance.now();
      // Strategies are judged at low support once settled: compare them with the same state.
      const baseline = wean.lowSupportSettled ?? wean.lowSupport ?? state.measurements;
      const outcome = await searchClips(
        {
          params: state.params,
          existing: state.devices.clips,
          impella: settings.lowSupport,
          iabp: sd?.lowSupport.iabp ?? null,
          ecmo: sd?.lowSupport.ecmo ?? null,
          pumpInPlace: settings.current !== null,
          from: state.state,
          baseline,
        },
        search,
        (job) => track(job, "clip strategy"),
        (d, t) => progress({ phase: "search", done: d, total: t, message: "clip strategies" }),
      );
      clipSearch = searchInfo(
        outcome,
        search,
        settings.lowSupport,
        baseline,
        evaluator,
        performance.now() - ts,
      );
    }
    const feasible = diverseTop(
      (clipSearch?.evaluated ?? []).filter((s) => s.meetsCriteria),
      TOP_STRATEGIES,
    );
    // Each shown strategy again at reference heart rate and haemoglobin (same support): the gradient
    // the valve would have once tachycardia and anaemia are corrected.
    const refs = await Promise.all(
      feasible.map((s) =>
        track(
          {
            params: { ...state.params, hr_bpm: REFERENCE_HR_BPM, hb_g_dL: REFERENCE_HB_G_DL },
            devices: { impella: settings.lowSupport, clips: [...state.devices.clips, ...s.clips] },
            from: state.state,
          },
          "strategy at reference HR and Hb",
        ),
      ),
    );
    const clipStrategies: ClipStrategy[] = feasible.map((s, i) => {
      const o = refs[i];
      if (!o.ok) return s;
      const m = o.measurements;
      return {
        ...s,
        atReference: {
          hr_bpm: REFERENCE_HR_BPM,
          hb_g_dL: REFERENCE_HB_G_DL,
          mr_grade: m.mr_grade,
          mr_rvol_mL: m.mr_rvol_mL,
          mv_gradient_mean_mmHg: m.mv_gradient_mean_mmHg,
          mv_area_cm2: m.mv_area_cm2,
          meetsCriteria: misses(m).length === 0,
        },
      };
    });
    const pump = state.devices.impella !== null;
    const warnings: PlanWarning[] = [
      ...supportWarning(wean),
      ...weanWarning(wean),
      ...haemolysisWarning(wean),
      ...ecmoDistensionWarning(wean),
      ...gradientWarnings(gradient),
      ...interferenceWarning(
        clipStrategies[0],
        lengthOf(state.params),
        pump,
        scheduledClips(scenario, index),
      ),
      ...searchWarnings(clipStrategies.length, clipSearch !== null, clipSearch?.evaluated[0]),
      ...noMrWarning(maxClips > 0 && worstGrade === 0, pump),
      ...convergenceWarning(notConverged),
    ];
    const euro = euroscore2Of(scenario);
    const sts = options.stsProm_pct ?? scenario.stsProm_pct;
    const line = bottomLine({
      wean,
      strategies: clipStrategies,
      closest: clipSearch?.rejected[0],
      referenceGradient_mmHg: gradient.reference_mmHg,
      euroscore2_pct: euro?.predictedMortality_pct,
      stsProm_pct: sts,
    });
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
      ...(sts !== undefined ? ["sts-prom"] : []),
    ];
    progress({ phase: "done", done: 1, total: 1, message: "done" });
    return {
      bottomLine: line,
      haemodynamics: haemodynamicsOf(state.measurements, state.params),
      surgicalRisk: {
        euroscore2_pct: euro ? euro.predictedMortality_pct : null,
        stsProm_pct: sts ?? null,
        note: "EuroSCORE II is computed from the scenario's euroscore2 block; the STS PROM is quoted as entered (the STS model is not computed here). Both predict mortality of the surgical alternative, not of TEER.",
      },
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

export function haemodynamicsOf(m: Measurements, p: Params): Haemodynamics {
  return {
    hr_bpm: m.hr_bpm,
    map_mmHg: m.map_mmHg,
    sbp_mmHg: m.sbp_mmHg,
    dbp_mmHg: m.dbp_mmHg,
    co_L_min: m.co_L_min,
    native_co_L_min: m.native_co_L_min,
    pump_flow_L_min: m.pump_flow_L_min,
    cpo_W: m.cpo_W,
    lvedp_mmHg: m.lvedp_mmHg,
    pcwp_mmHg: m.pcwp_mmHg,
    rap_mmHg: m.rap_mmHg,
    pap_mean_mmHg: m.pap_mean_mmHg,
    lvef_pct: m.lvef_pct,
    svr_mmHg_s_mL: m.svr_mmHg_s_mL,
    svr_wood: m.svr_mmHg_s_mL * 60,
    svr_dyn_s_cm5: m.svr_dyn_s_cm5,
    coronary_perfusion_mmHg: m.coronary_perfusion_mmHg,
    mr_grade: m.mr_grade,
    mr_rvol_mL: m.mr_rvol_mL,
    mv_gradient_mean_mmHg: m.mv_gradient_mean_mmHg,
    hb_g_dL: num(p, "hb_g_dL"),
  };
}

function measured(o: StateOutcome): Measurements {
  if (!o.ok) throw new Error(`simulation failed: ${o.error}`);
  return o.measurements;
}
