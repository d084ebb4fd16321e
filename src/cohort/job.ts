/**
 * One patient of a cohort, as plain data that crosses to a worker thread or a Redis queue, and the
 * rows it gives: the patient's scenario run step by step (a `plannedClips` step first asks the
 * planner's clip search, run in this thread, which clips to place), one row per step.
 * The same job gives the same rows wherever it runs.
 */
import type { ParamValue, PresetId } from "../physiology/params.js";
import type { ScenarioRun } from "../procedure/execute.js";
import { simulateScenario } from "../procedure/execute.js";
import { DEFAULT_SEARCH, searchClips } from "../procedure/plan/clip-search.js";
import { runJob } from "../procedure/plan/job.js";
import type { ClipRequest, Scenario, Step } from "../procedure/types.js";
import { InputError } from "../procedure/types.js";
import type { StrategyStep } from "./spec.js";

const isPlanned = (s: StrategyStep): s is { name: string; plannedClips: { maxClips: number } } =>
  "plannedClips" in s;

export interface PatientJob {
  specHash: string;
  seed: number;
  index: number;
  id: string;
  title: string;
  preset: PresetId;
  /** Fixed overrides and the patient's own values, merged. */
  overrides: Record<string, ParamValue>;
  /** The sampled values, for the `param.*` columns. */
  parameters: Record<string, ParamValue>;
  steps: StrategyStep[];
}

export type Row = Record<string, unknown>;

export interface PatientResult {
  index: number;
  id: string;
  rows: Row[];
}

/** A smaller search than the planner's default: a cohort asks it once per patient. */
const COHORT_SEARCH = { ...DEFAULT_SEARCH, beamWidth: 4, simulationsPerLevel: 6 };

const scenarioOf = (job: PatientJob, steps: Step[]): Scenario => ({
  id: `${job.specHash}-${job.id}`,
  title: job.title,
  patient: { preset: job.preset, overrides: job.overrides },
  steps,
});

/** The strategy with every `plannedClips` step replaced by the clips the search ranks first. */
async function resolveSteps(job: PatientJob): Promise<Step[]> {
  const out: Step[] = [];
  for (const s of job.steps) {
    if (!isPlanned(s)) {
      out.push(s);
      continue;
    }
    if (out.length === 0)
      throw new InputError([
        { path: "strategy.steps[0]", message: "plannedClips needs a step before it to plan from" },
      ]);
    const run = simulateScenario(scenarioOf(job, out));
    const k = out.length - 1;
    const devices = run.stepDevices[k];
    const outcome = await searchClips(
      {
        params: run.stepParams[k],
        existing: devices.clips,
        impella: devices.impella,
        pumpInPlace: devices.impella !== null,
        from: run.states[k],
        baseline: run.steps[k].measurements,
      },
      { ...COHORT_SEARCH, maxClips: s.plannedClips.maxClips },
      async (j) => runJob(j),
    );
    const best = outcome.ranked[0];
    const clips: ClipRequest[] = (best?.clips ?? []).map((c) => ({
      device: c.device,
      position: c.position ?? { offset_mm: c.offset_mm },
    }));
    out.push(clips.length > 0 ? { name: s.name, clip: clips } : { name: s.name });
  }
  return out;
}

const finiteOrNull = (v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v);

function paramCells(job: PatientJob): Row {
  const row: Row = {};
  for (const [k, v] of Object.entries(job.parameters))
    row[`param.${k}`] = typeof v === "object" ? JSON.stringify(v) : v;
  return row;
}

function rowsOf(job: PatientJob, run: ScenarioRun): Row[] {
  return run.steps.map((s, i) => {
    const imp = s.devices.impella;
    const row: Row = {
      patient_id: job.id,
      patient_index: job.index,
      step: i,
      step_name: s.name,
      spec_hash: job.specHash,
      seed: job.seed,
      ...paramCells(job),
      impella_model: imp?.model ?? null,
      impella_pLevel: imp?.pLevel ?? null,
      impella_targetFlow_L_min: imp?.targetFlow_L_min ?? null,
      clips: s.devices.clips.length,
      clip_set:
        s.devices.clips.map((c) => `${c.device}@${c.position ?? c.offset_mm.toFixed(1)}`).join(" ") || null,
      assessment: s.assessment,
      converged: s.converged,
      collapsed: s.collapse.collapsed,
      mapBelow60_s: s.collapse.mapBelow60_s,
      mapBelow50_s: s.collapse.mapBelow50_s,
      simulated_s: s.simulated_s,
      error: null,
    };
    for (const [k, v] of Object.entries(s.measurements)) row[k] = finiteOrNull(v);
    return row;
  });
}

/** A patient the model cannot run still has its rows: measurements empty, the reason in `error`. */
export function errorRows(job: PatientJob, message: string): Row[] {
  return job.steps.map((s, i) => ({
    patient_id: job.id,
    patient_index: job.index,
    step: i,
    step_name: s.name,
    spec_hash: job.specHash,
    seed: job.seed,
    ...paramCells(job),
    error: message,
  }));
}

export async function runPatient(job: PatientJob): Promise<PatientResult> {
  let rows: Row[];
  try {
    const steps = await resolveSteps(job);
    rows = rowsOf(job, simulateScenario(scenarioOf(job, steps)));
  } catch (e) {
    const message =
      e instanceof InputError
        ? e.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ")
        : e instanceof Error
          ? e.message
          : String(e);
    rows = errorRows(job, message);
  }
  return { index: job.index, id: job.id, rows };
}
