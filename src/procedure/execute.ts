/**
 * Runs a scenario: steps are cumulative (what a step changes stays changed); each step continues the
 * same patient from the previous step's end state and is run to periodic steady state.
 */

import { IMPELLA } from "../devices/impella/models.js";
import { checkClipPlacement, segmentCentre_mm } from "../devices/mitraclip/geometry.js";
import type { Trace } from "../engine/trace.js";
import { checkParamValues, num, type Params, presetParams, type Segment } from "../physiology/params.js";
import type { Devices } from "./circuit.js";
import { resolveMitralReference } from "./mitral-reference.js";
import { pumpAlarms } from "./pump-console.js";
import { type RunOptions, runState } from "./run-state.js";
import type { ClipPosition, Scenario, ScenarioResult, Step, StepResult } from "./types.js";
import { InputError } from "./types.js";

export interface SimulateOptions {
  dt_s?: number;
  /** Seconds of waveforms to keep for each step (0 = none). */
  record_s?: number;
  onProgress?: (done: number, total: number, stepName: string) => void;
  /** Simulated seconds the whole run may take (default MAX_SIMULATED_S). */
  maxSimulated_s?: number;
}

/**
 * Work limit of one run (issue 12, item 4): steps x time to steady state. 10 hours of simulated time is
 * about 30 s of computing at 1200x real time; a 1000-step scenario of ordinary changes needs about 9 h.
 * A run that would need more stops with an input error instead of computing for minutes.
 */
export const MAX_SIMULATED_S = 36_000;

export interface ScenarioRun extends ScenarioResult {
  waveforms: (Trace | null)[];
  /** End state of each step (to continue from, e.g. for planning). */
  states: Record<string, number>[];
  stepDevices: Devices[];
  stepParams: Params[];
}

/** Relative miss of the displayed flow that makes a flow target unreachable. */
const FLOW_TARGET_TOLERANCE = 0.05;

export function resolveOffset(
  position: ClipPosition,
  params: Params,
): { offset_mm: number; position?: Segment } {
  if (typeof position === "string") {
    return { offset_mm: segmentCentre_mm(position, num(params, "mv.commissuralLength_mm")), position };
  }
  return { offset_mm: position.offset_mm };
}

export function initialParams(scenario: Scenario): Params {
  const p = presetParams(scenario.patient.preset);
  for (const [k, v] of Object.entries(scenario.patient.overrides ?? {}))
    p[k] = typeof v === "object" ? { ...v } : v;
  // The valve's reference state belongs to the patient, not to a step: resolved once here, so that a
  // later step's heart rate or haemoglobin does not move it.
  return checkParamValues(p).length ? p : resolveMitralReference(p);
}

/** Applies one step's changes to parameters and devices (cumulative); throws InputError on impossible devices. */
export function applyStep(
  step: Step,
  index: number,
  params: Params,
  devices: Devices,
): { params: Params; devices: Devices; positions: (Segment | undefined)[] } {
  const p: Params = { ...params, ...(step.set ?? {}) };
  if (typeof step.pace_bpm === "number") {
    p.hr_bpm = step.pace_bpm;
    p["baroreflex.controlsHeartRate"] = false;
  } else if (step.pace_bpm === null) p["baroreflex.controlsHeartRate"] = true;
  const d: Devices = {
    impella: devices.impella ? { ...devices.impella } : null,
    clips: [...devices.clips],
    iabp: devices.iabp ? { ...devices.iabp } : null,
    ecmo: devices.ecmo ? { ...devices.ecmo } : null,
  };
  if (step.iabp !== undefined) d.iabp = step.iabp === null ? null : { ...step.iabp };
  if (step.ecmo !== undefined) d.ecmo = step.ecmo === null ? null : { ...step.ecmo };
  const problems: { path: string; message: string }[] = [];
  if (step.impella === null) d.impella = null;
  else if (step.impella !== undefined) {
    const req = step.impella;
    const model = req.model ?? d.impella?.model;
    if (!model) {
      problems.push({
        path: `steps[${index}].impella.model`,
        message: "no pump is in place: give the model (2.5, CP, 5.0, 5.5)",
      });
    } else if (req.pLevel !== undefined) d.impella = { model, pLevel: req.pLevel };
    else if (req.targetFlow_L_min !== undefined)
      d.impella = { model, targetFlow_L_min: req.targetFlow_L_min };
    else d.impella = { model, pLevel: d.impella?.pLevel, targetFlow_L_min: d.impella?.targetFlow_L_min };
    if (model && d.impella && d.impella.pLevel === undefined && d.impella.targetFlow_L_min === undefined) {
      problems.push({
        path: `steps[${index}].impella`,
        message: "give either pLevel (0-9) or targetFlow_L_min",
      });
    }
  }
  const clips = step.clip === undefined ? [] : Array.isArray(step.clip) ? step.clip : [step.clip];
  const positions: (Segment | undefined)[] = [];
  const first = d.clips.length;
  for (const c of clips) {
    const r = resolveOffset(c.position, p);
    d.clips.push({ device: c.device, offset_mm: r.offset_mm });
    positions.push(r.position);
  }
  const length = num(p, "mv.commissuralLength_mm");
  for (const prob of checkClipPlacement(d.clips, length)) {
    if (prob.index < first) continue;
    const k = prob.index - first;
    const path = Array.isArray(step.clip)
      ? `steps[${index}].clip[${k}].position`
      : `steps[${index}].clip.position`;
    problems.push({ path, message: prob.message });
  }
  if (problems.length) throw new InputError(problems);
  return { params: p, devices: d, positions };
}

export function simulateScenario(scenario: Scenario, options: SimulateOptions = {}): ScenarioRun {
  let params = initialParams(scenario);
  let devices: Devices = { impella: null, clips: [] };
  const clipPositions: (Segment | undefined)[] = [];
  const out: ScenarioRun = {
    scenario: scenario.id,
    steps: [],
    waveforms: [],
    states: [],
    stepDevices: [],
    stepParams: [],
  };
  let from: Record<string, number> | undefined;
  const budget_s = options.maxSimulated_s ?? MAX_SIMULATED_S;
  let used_s = 0;
  scenario.steps.forEach((step, i) => {
    const applied = applyStep(step, i, params, devices);
    params = applied.params;
    devices = applied.devices;
    clipPositions.push(...applied.positions);
    // Checked before each step, so a run ends within the budget plus one step's steady-state cap.
    if (used_s > budget_s)
      throw new InputError([
        {
          path: `steps[${i}]`,
          message: `the run needs more than ${budget_s} s of simulated time (steps x time to steady state); split the scenario`,
        },
      ]);
    const runOpts: RunOptions = { dt_s: options.dt_s, record_s: options.record_s, from, hold_s: step.hold_s };
    const r = runState(params, devices, runOpts);
    used_s += r.simulated_s;
    // A timed hold reports the console as it is: the titration may still be under way.
    if (step.hold_s === undefined)
      checkFlowTarget(r.measurements.pump_flow_L_min, devices, i, params, from, options.dt_s);
    from = r.state;
    const result: StepResult = {
      name: step.name,
      parameters: { ...params },
      measurements: r.measurements,
      devices: {
        impella: devices.impella ? { ...devices.impella } : null,
        ...(devices.iabp ? { iabp: { ...devices.iabp } } : {}),
        ...(devices.ecmo ? { ecmo: { ...devices.ecmo } } : {}),
        clips: devices.clips.map((c, k) => ({
          ...c,
          ...(clipPositions[k] ? { position: clipPositions[k] } : {}),
        })),
      },
      assessment: r.assessment,
      converged: r.converged,
      collapse: r.collapse,
      simulated_s: r.simulated_s,
      alarms: pumpAlarms(r.measurements, devices.impella),
      notes: stepNotes(params, r.measurements),
    };
    out.steps.push(result);
    out.waveforms.push(r.waveforms);
    out.states.push(r.state);
    out.stepDevices.push(devices);
    out.stepParams.push(params);
    options.onProgress?.(i + 1, scenario.steps.length, step.name);
  });
  return out;
}

/** Differences between the rate asked for and the rate the reflex set, beyond this (bpm), are noted. */
const REFLEX_RATE_NOTE_BPM = 3;

/** What the patient did with what was asked: an unpaced rate moved by the baroreflex. */
export function stepNotes(params: Params, m: { hr_bpm: number }): string[] {
  const notes: string[] = [];
  const asked = num(params, "hr_bpm");
  const reflex = params["baroreflex.enabled"] === true && params["baroreflex.controlsHeartRate"] === true;
  if (reflex && Math.abs(m.hr_bpm - asked) > REFLEX_RATE_NOTE_BPM)
    notes.push(
      `heart rate: hr_bpm ${asked} is the reflex's resting rate, and the baroreflex set ${Math.round(m.hr_bpm)} bpm; to hold a rate, pace (pace_bpm: ${asked})`,
    );
  return notes;
}

/** A flow target the pump cannot reach is an input error naming the reachable range. */
function checkFlowTarget(
  flow_L_min: number,
  devices: Devices,
  index: number,
  params: Params,
  from: Record<string, number> | undefined,
  dt_s?: number,
): void {
  const imp = devices.impella;
  if (!imp || imp.targetFlow_L_min === undefined) return;
  const target = imp.targetFlow_L_min;
  if (Math.abs(flow_L_min - target) <= FLOW_TARGET_TOLERANCE * Math.max(target, 0.5)) return;
  const at = (pLevel: number) =>
    runState(params, { ...devices, impella: { model: imp.model, pLevel } }, { from, dt_s }).measurements
      .pump_flow_L_min;
  const lo = at(1);
  const hi = at(9);
  const d = IMPELLA[imp.model];
  throw new InputError([
    {
      path: `steps[${index}].impella.targetFlow_L_min`,
      message: `${target} L/min is not reachable with the Impella ${d.model} in this patient: from ${lo.toFixed(1)} (P1) to ${hi.toFixed(1)} L/min (P9)`,
    },
  ]);
}
