/**
 * The engine host: one LiveSession, advanced in chunks matched to wall time (2 ms steps, every
 * second sample sent), its columns transferred to the page. A change is applied, the session is
 * fast-forwarded to its new periodic steady state, and live running goes on from there; display
 * time stays continuous (the fast-forwarded stretch is cut out).
 *
 * Scenario files are parsed with the command line's parser (scenario-schema.ts), loaded on first use
 * so that zod and yaml stay out of the initial download.
 */
/// <reference lib="webworker" />
import type { Measurements } from "../../measure/beat.js";
import { getCase } from "../../procedure/cases/index.js";
import type { Devices } from "../../procedure/circuit.js";
import { LiveSession } from "../../procedure/live.js";
import { InputError, type InputProblem, type Scenario } from "../../procedure/types.js";
import type { PresetId } from "../domain.js";
import { changeLabel } from "./change-label.js";
import { chunkColumns } from "./chunk-columns.js";
import {
  type Change,
  DEFAULT_CASE,
  DEFAULT_STEP,
  type EngineState,
  type FromWorker,
  type StepChange,
  type ToWorker,
} from "./protocol.js";
import {
  checkImpellaRequest,
  checkPatch,
  describeDifference,
  devicesStep,
  situationMeta,
  situationScenario,
} from "./situation.js";
import { looksBinary } from "./text-file.js";

declare const self: DedicatedWorkerGlobalScope;

const DT_S = 0.002;
/** Send every second sample (250 Hz). */
const EVERY = 2;
const TICK_MS = 15;
/** Longest stretch simulated in one tick (s): after a stall the trace skips rather than races. */
const MAX_CHUNK_S = 0.25;
/** Relative miss of a flow target that is reported. */
const FLOW_TARGET_TOLERANCE = 0.05;

interface Loaded {
  scenario: Scenario;
  builtIn: boolean;
}

let loaded: Loaded | null = null;
let session: LiveSession | null = null;
let preset: PresetId = "cardiogenic-shock-acute-mr";
let at = -1;
let modified = false;
let running = true;
/** Show a change as it unfolds (real time from the old state) instead of jumping to its steady state. */
let transientMode = false;
let lastWall = performance.now();
let owed_s = 0;
/** display time = simulated time − offset. */
let offset_s = 0;
let displayNow_s = 0;
let pendingBeats: Measurements[] = [];

const post = (msg: FromWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

/** A change from the controls is not a scenario step: drop the engine's `steps[i].` prefix. */
const unStep = (p: InputProblem): InputProblem => ({ ...p, path: p.path.replace(/^steps\[\d+\]\.?/, "") });

const problemsOf = (e: unknown): InputProblem[] | null => (e instanceof InputError ? e.problems : null);

const clone = (s: LiveSession): { params: LiveSession["params"]; devices: Devices } => ({
  params: { ...s.params },
  devices: { impella: s.devices.impella ? { ...s.devices.impella } : null, clips: [...s.devices.clips] },
});

function situation(s: LiveSession): Scenario {
  const meta = loaded
    ? situationMeta(loaded.scenario, at, loaded.scenario.steps, modified)
    : { id: "situation", title: "situation" };
  return situationScenario(meta, preset, s.params, s.devices);
}

function engineState(s: LiveSession, m: Measurements): EngineState {
  const sc = loaded!.scenario;
  return {
    measurements: m,
    params: { ...s.params },
    devices: clone(s).devices,
    scenario: {
      id: sc.id,
      title: sc.title,
      source: sc.source,
      preset,
      stepNames: sc.steps.map((st) => st.name),
      at,
      builtIn: loaded!.builtIn,
      modified,
    },
    situation: situation(s),
    loaded: sc,
  };
}

/** A session for a scenario with its steps applied through `upTo` (throws InputError). */
function sessionAt(scenario: Scenario, upTo: number): LiveSession {
  const s = new LiveSession(scenario, DT_S);
  for (let i = 0; i <= upTo && i < scenario.steps.length; i++) s.applyStep(scenario.steps[i]);
  return s;
}

function warningsFor(s: LiveSession, m: Measurements): string[] {
  const out: string[] = [];
  const imp = s.devices.impella;
  if (imp?.targetFlow_L_min !== undefined) {
    const t = imp.targetFlow_L_min;
    if (Math.abs(m.pump_flow_L_min - t) > FLOW_TARGET_TOLERANCE * Math.max(t, 0.5))
      out.push(`flow target ${t} L/min not reached: the pump gives ${m.pump_flow_L_min.toFixed(2)} L/min`);
  }
  if (m.suction) out.push("suction: the pump inlet is drawing on a small LV (check volume and P-level)");
  return out;
}

const finite = (m: Measurements): boolean =>
  Number.isFinite(m.map_mmHg) && Number.isFinite(m.co_L_min) && Number.isFinite(m.lvedv_mL);

/**
 * Makes `next` the running session: fast-forwards it to steady state and reports. On an engine
 * failure the previous session is kept and the failure reported as an error.
 */
function settle(
  next: LiveSession,
  id: number | null,
  label: string,
  change: StepChange | null,
  origin: "change" | "file" | "url" | "step",
  commit: () => void,
  /** When `next` is the running session changed in place: the situation to go back to on failure. */
  fallback: Scenario | null = null,
): void {
  post({ type: "busy", id, label });
  const t0 = performance.now();
  const simBefore = next.time_s;
  let m: Measurements;
  try {
    m = transientMode && origin === "change" ? next.lookNow() : next.fastForward();
    if (!finite(m)) throw new Error("the circulation left its valid range (non-finite pressures or volumes)");
  } catch (e) {
    const problems = problemsOf(e) ?? [
      {
        path: "",
        message: `the engine failed: ${e instanceof Error ? e.message : String(e)}; the situation before it is kept`,
      },
    ];
    post({ type: "error", id, origin, problems });
    if (fallback) {
      try {
        session = sessionFromSituation(fallback);
        session.fastForward();
        offset_s = session.time_s - displayNow_s;
      } catch {
        // The previous situation ran before; if it cannot be rebuilt the trace simply stops.
      }
    }
    return;
  }
  const ff_ms = performance.now() - t0;
  session = next;
  commit();
  offset_s = next.time_s - displayNow_s;
  owed_s = 0;
  lastWall = performance.now();
  pendingBeats = [];
  post({
    type: "state",
    id,
    state: engineState(next, m),
    fastForward_ms: ff_ms,
    simulated_s: next.time_s - simBefore,
    markerT_s: displayNow_s,
    change,
    warnings: warningsFor(next, m),
    transient: transientMode && origin === "change",
  });
}

function loadScenario(
  scenario: Scenario,
  builtIn: boolean,
  upTo: number,
  origin: "file" | "url" | "step",
): void {
  const target = Math.max(-1, Math.min(upTo, scenario.steps.length - 1));
  let next: LiveSession;
  try {
    next = sessionAt(scenario, target);
  } catch (e) {
    const problems = problemsOf(e);
    if (!problems) throw e;
    post({ type: "error", id: null, origin, problems });
    return;
  }
  const label = `${scenario.title}${target >= 0 ? ` — step ${target + 1}: ${scenario.steps[target].name}` : ""}`;
  settle(
    next,
    null,
    label,
    { label: `loaded ${scenario.id}`, details: [scenario.title], before: null },
    origin,
    () => {
      loaded = { scenario, builtIn };
      preset = scenario.patient.preset;
      at = target;
      modified = false;
    },
  );
}

function goToStep(k: number): void {
  if (!loaded || !session) return;
  const sc = loaded.scenario;
  const target = Math.max(-1, Math.min(k, sc.steps.length - 1));
  const before = clone(session);
  const beforeM = session.latest;
  const fallback = situation(session);
  const inPlace = target === at + 1;
  let next: LiveSession;
  try {
    if (inPlace) {
      // The next step goes on from the situation as it is (steps are cumulative).
      next = session;
      next.applyStep(sc.steps[target]);
    } else next = sessionAt(sc, target);
  } catch (e) {
    const problems = problemsOf(e);
    if (!problems) throw e;
    post({ type: "error", id: null, origin: "step", problems });
    return;
  }
  const label =
    target >= 0 ? `step ${target + 1}: ${sc.steps[target].name}` : "patient before the first step";
  const details = describeDifference(before, { params: next.params, devices: next.devices });
  const keepModified = target === at + 1 && modified;
  settle(
    next,
    null,
    label,
    { label, details, before: beforeM },
    "step",
    () => {
      at = target;
      modified = keepModified;
    },
    inPlace ? fallback : null,
  );
}

/** A fresh session in the situation a scenario describes (all of its steps applied). */
function sessionFromSituation(sc: Scenario): LiveSession {
  return sessionAt(sc, sc.steps.length - 1);
}

function applyChange(s: LiveSession, change: Change): LiveSession {
  switch (change.kind) {
    case "params": {
      const problems = checkPatch(change.patch);
      if (problems.length) throw new InputError(problems);
      s.setParams(change.patch);
      return s;
    }
    case "preset": {
      const dev = devicesStep(s.devices);
      const sc: Scenario = {
        id: "preset",
        title: "preset",
        patient: { preset: change.preset },
        steps: dev ? [dev] : [],
      };
      const next = sessionFromSituation(sc);
      preset = change.preset;
      return next;
    }
    case "impella": {
      const problems = checkImpellaRequest(change.request);
      if (problems.length) throw new InputError(problems);
      s.setImpella(change.request);
      return s;
    }
    case "addClip":
      s.addClip(change.request);
      return s;
    case "removeClip":
      if (!(change.index >= 0 && change.index < s.devices.clips.length))
        throw new InputError([{ path: "clip", message: `there is no clip ${change.index + 1}` }]);
      s.removeClip(change.index);
      return s;
    default: {
      const never: never = change;
      throw new Error(`unknown change ${JSON.stringify(never)}`);
    }
  }
}

/** Applies consecutive changes together, then fast-forwards once. */
function applyChanges(batch: { id: number; change: Change }[]): void {
  if (!session) return;
  const before = clone(session);
  const beforeM = session.latest;
  const presetBefore = preset;
  const fallback = situation(session);
  // A rejected change throws before it touches the session, so the rest apply in place.
  let next = session;
  const labels: string[] = [];
  let lastId: number | null = null;
  for (const { id, change } of batch) {
    const presetNow = preset;
    try {
      next = applyChange(next, change);
      labels.push(changeLabel(change));
      lastId = id;
    } catch (e) {
      preset = presetNow;
      const problems = problemsOf(e);
      if (!problems) {
        post({ type: "error", id, origin: "change", problems: [{ path: "", message: String(e) }] });
        continue;
      }
      post({ type: "error", id, origin: "change", problems: problems.map(unStep) });
    }
  }
  if (lastId === null) {
    preset = presetBefore;
    return;
  }
  const details = describeDifference(before, { params: next.params, devices: next.devices });
  const newPreset = preset;
  preset = presetBefore;
  settle(
    next,
    lastId,
    labels.join("; "),
    { label: labels.join("; "), details, before: beforeM },
    "change",
    () => {
      preset = newPreset;
      modified = true;
    },
    next === session ? fallback : null,
  );
}

async function loadText(text: string, fileName: string, upTo: number, origin: "file" | "url"): Promise<void> {
  let scenario: Scenario;
  if (looksBinary(text)) {
    const message = "not a text file; expected a scenario in JSON or YAML (id, title, patient, steps)";
    post({ type: "error", id: null, origin, problems: [{ path: fileName, message }] });
    return;
  }
  try {
    const { parseScenarioText } = await import("../../procedure/scenario-schema.js");
    scenario = parseScenarioText(text, fileName);
  } catch (e) {
    const problems = problemsOf(e) ?? [
      { path: fileName, message: e instanceof Error ? e.message : String(e) },
    ];
    post({ type: "error", id: null, origin, problems });
    return;
  }
  loadScenario(scenario, false, upTo, origin);
}

// ---------------------------------------------------------------------------------------------
// Live running

function tick(): void {
  const now = performance.now();
  const wall_s = (now - lastWall) / 1000;
  lastWall = now;
  if (!running || !session) return;
  owed_s = Math.min(owed_s + wall_s, MAX_CHUNK_S);
  const steps = Math.floor(owed_s / DT_S / EVERY) * EVERY;
  if (steps <= 0) return;
  const seconds = steps * DT_S;
  owed_s -= seconds;
  const chunk = session.advance(seconds, EVERY);
  const tr = chunk.trace;
  const n = tr.length;
  if (n === 0) return;
  const cols = chunkColumns(tr, offset_s);
  displayNow_s = cols[0][n - 1];
  pendingBeats.push(...chunk.beats);
  const beats = pendingBeats;
  pendingBeats = [];
  post(
    { type: "chunk", columns: cols, beats },
    cols.map((c) => c.buffer),
  );
}

// ---------------------------------------------------------------------------------------------
// Messages: queued, and consecutive changes applied together

const queue: ToWorker[] = [];
let scheduled = false;

async function drain(): Promise<void> {
  scheduled = false;
  while (queue.length) {
    const msg = queue.shift()!;
    try {
      switch (msg.type) {
        case "loadCase": {
          const sc = getCase(msg.caseId);
          if (!sc) {
            post({
              type: "error",
              id: null,
              origin: "url",
              problems: [{ path: "case", message: `no built-in case ${msg.caseId}` }],
            });
            if (!session) loadScenario(getCase(DEFAULT_CASE)!, true, DEFAULT_STEP, "url");
          } else loadScenario(sc, true, msg.at, "url");
          break;
        }
        case "loadText":
          await loadText(msg.text, msg.fileName, msg.at, msg.origin);
          if (!session) loadScenario(getCase(DEFAULT_CASE)!, true, DEFAULT_STEP, "url");
          break;
        case "goToStep":
          goToStep(msg.at);
          break;
        case "run":
          running = msg.running;
          lastWall = performance.now();
          break;
        case "transient":
          transientMode = msg.on;
          break;
        case "change": {
          const batch = [{ id: msg.id, change: msg.change }];
          while (queue[0]?.type === "change") {
            const m = queue.shift() as Extract<ToWorker, { type: "change" }>;
            batch.push({ id: m.id, change: m.change });
          }
          applyChanges(batch);
          break;
        }
        default: {
          const never: never = msg;
          throw new Error(`unknown message ${JSON.stringify(never)}`);
        }
      }
    } catch (e) {
      post({
        type: "error",
        id: msg.type === "change" ? msg.id : null,
        origin: "change",
        problems: [{ path: "", message: `internal error: ${e instanceof Error ? e.message : String(e)}` }],
      });
    }
  }
  lastWall = performance.now();
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  queue.push(ev.data);
  if (!scheduled) {
    scheduled = true;
    setTimeout(drain, 0);
  }
};

setInterval(tick, TICK_MS);
