/**
 * The app shell: starts the engine worker and the drawing loop, keeps the latest engine state for
 * the panels, and turns control events into changes for the worker. No physiology here.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Lesson, LessonControl } from "../../lessons/types.js";
import type { Measurements } from "../../measure/beat.js";
import { DOPPLER, FLOWS, PRESSURES } from "../app/chart-specs.js";
import { waveformCsv } from "../app/csv.js";
import { type ChangeTiming, EngineClient } from "../app/engine-client.js";
import { download, downloadText, plotsPng } from "../app/export.js";
import { LiveView } from "../app/live-view.js";
import { decodeHash, encodeCase, encodeScenario } from "../app/url-state.js";
import type { ChamberId, ChamberRelations } from "../charts/pv-loops.js";
import type { PresetId } from "../domain.js";
import {
  CHUNK_CHANNELS,
  type Change,
  DEFAULT_CASE,
  DEFAULT_STEP,
  type EngineState,
  type StepChange,
} from "../worker/protocol.js";
import { CasePanel } from "./CasePanel.js";
import { ComparePanel, MAX_SNAPSHOTS, type Snapshot } from "./ComparePanel.js";
import { EchoPanel } from "./EchoPanel.js";
import { Errors, type ShownError } from "./Errors.js";
import { Guard } from "./Guard.js";
import { HaemoPanel } from "./HaemoPanel.js";
import { LessonPlayer } from "./LessonPlayer.js";
import { PatientControls } from "./PatientControls.js";
import { PumpConsole } from "./PumpConsole.js";
import { SupportConsole } from "./SupportConsole.js";
import { Toolbar } from "./Toolbar.js";
import { ValveView } from "./ValveView.js";

const ERROR_TITLES = {
  change: "Change not applied (the running situation is kept):",
  file: "Scenario file not loaded (the running situation is kept):",
  url: "The link's situation could not be opened:",
  step: "Step not applied:",
} as const;

function relationsOf(params: EngineState["params"]): Partial<Record<ChamberId, ChamberRelations>> {
  const out: Partial<Record<ChamberId, ChamberRelations>> = {};
  for (const c of ["lv", "rv", "la", "ra"] as const) {
    out[c] = {
      ees: params[`${c}.ees_mmHg_mL`] as number,
      v0: params[`${c}.v0_mL`] as number,
      alpha: params[`${c}.alpha_per_mL`] as number,
      beta: params[`${c}.beta_mmHg`] as number,
    };
  }
  return out;
}

declare global {
  interface Window {
    /** Live metrics for tests and the curious: frame count, frame rate, change timings. */
    __clipshock?: { frames: () => number; fps: () => number; timings: ChangeTiming[] };
  }
}

export function App() {
  const [engine, setEngine] = useState<EngineState | null>(null);
  const [live, setLive] = useState<Measurements | null>(null);
  const [errors, setErrors] = useState<ShownError[]>([]);
  /** Notes on the current situation (a flow target not reached, suction), replaced by each new state. */
  const [notes, setNotes] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [change, setChange] = useState<StepChange | null>(null);
  const [snapshots, setSnapshots] = useState<Snapshot[]>([]);
  /** What the last load or step cost, for the status line (a change reports its own timing). */
  const [loaded, setLoaded] = useState<{ simulated_s: number; ms: number; label: string } | null>(null);
  const [running, setRunning] = useState(true);
  const [settled, setSettled] = useState<ChangeTiming | null>(null);
  const [transients, setTransients] = useState(false);
  /** The last change is being shown as it unfolds (transient mode). */
  const [unfolding, setUnfolding] = useState(false);
  const pressuresRef = useRef<HTMLDivElement>(null);
  const flowsRef = useRef<HTMLDivElement>(null);
  const dopplerRef = useRef<HTMLDivElement>(null);
  const pvRef = useRef<HTMLCanvasElement>(null);
  const view = useMemo(() => new LiveView(), []);
  const clientRef = useRef<EngineClient | null>(null);
  const errorKey = useRef(0);

  useEffect(() => {
    view.addChart(pressuresRef.current!, PRESSURES);
    view.addChart(flowsRef.current!, FLOWS);
    view.addChart(dopplerRef.current!, DOPPLER);
    view.setPvCanvas(pvRef.current!);
    const client = new EngineClient({
      chunk: (msg) => {
        view.append(msg.columns, msg.beats.length);
        if (msg.beats.length) setLive(msg.beats[msg.beats.length - 1]);
      },
      busy: setBusy,
      state: (msg) => {
        setEngine(msg.state);
        setLive(null);
        setUnfolding(msg.transient === true);
        if (msg.change) setChange(msg.change);
        view.setRelations(relationsOf(msg.state.params));
        if (msg.change) view.addMarker(msg.markerT_s, msg.change.label);
        const sc = msg.state.scenario;
        const hash =
          sc.builtIn && !sc.modified ? encodeCase(sc.id, sc.at) : encodeScenario(msg.state.situation);
        history.replaceState(null, "", hash);
        setNotes(msg.warnings);
        // A good load or step clears the errors of earlier imports and steps (a broken link's error
        // stays until dismissed: the default case loads right after it); a good change those of changes.
        setErrors((es) =>
          es.filter((e) =>
            msg.id === null ? e.origin === "change" || e.origin === "url" : e.origin !== "change",
          ),
        );
        if (msg.id === null) {
          setSettled(null);
          setLoaded({
            simulated_s: msg.simulated_s,
            ms: msg.fastForward_ms,
            label: sc.at >= 0 ? sc.stepNames[sc.at] : sc.title,
          });
        }
      },
      error: (msg) => {
        const lines = msg.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
        setErrors((es) => [
          ...es.slice(-2),
          { key: ++errorKey.current, title: ERROR_TITLES[msg.origin], lines, origin: msg.origin },
        ]);
      },
    });
    clientRef.current = client;
    view.onFrame = () => {
      const n = client.timings.length;
      client.framePainted();
      if (client.timings.length > n) setSettled(client.timings[client.timings.length - 1]);
    };
    window.__clipshock = { frames: () => view.frames, fps: () => view.fps, timings: client.timings };
    const url = decodeHash(location.hash);
    if (url.kind === "case") client.loadCase(url.caseId, url.at);
    else if (url.kind === "scenario") client.loadText(url.text, "link", "url");
    else {
      if (url.kind === "broken")
        setErrors([
          { key: ++errorKey.current, title: ERROR_TITLES.url, lines: [url.message], origin: "url" },
        ]);
      client.loadCase(DEFAULT_CASE, DEFAULT_STEP);
    }
    view.start();
    if ("serviceWorker" in navigator && location.protocol === "http:")
      navigator.serviceWorker.register("./sw.js").catch(() => undefined);
    return () => view.stop();
  }, [view]);

  const send = (c: Change) => clientRef.current?.change(c);
  const [openControls, setOpenControls] = useState<LessonControl[] | null>(null);
  /** Panels a running lesson keeps closed are dimmed and take no input. */
  const lockedUnless = (c: LessonControl) =>
    openControls && !openControls.includes(c) ? "locked" : undefined;
  const startLesson = (l: Lesson) => {
    const client = clientRef.current;
    if (!client) return;
    if ("case" in l.scenario) client.loadCase(l.scenario.case, l.scenario.at);
    else client.loadText(JSON.stringify(l.scenario.inline), `${l.id}.json`, "file");
  };
  const m = live ?? engine?.measurements ?? null;

  const takeSnapshot = () => {
    if (!m || !engine) return;
    const sc = engine.scenario;
    const label =
      sc.at >= 0 ? `${sc.title} — ${sc.stepNames[sc.at]}${sc.modified ? " (changed)" : ""}` : sc.title;
    setSnapshots((ss) => [...ss, { label, m }].slice(-MAX_SNAPSHOTS));
    view.setSnapshot(view.currentLoops(true));
  };

  const exportCsv = () => {
    const cols = CHUNK_CHANNELS.map((_, i) => view.ring.view(i));
    downloadText("clipshock-waveforms.csv", waveformCsv(CHUNK_CHANNELS, cols, view.ring.length), "text/csv");
  };

  return (
    <div class="app">
      <header class="top">
        <div class="brand">
          <h1>Clipshock</h1>
          <span class="subtitle">cardiogenic shock · acute MR · Impella · MitraClip — live simulator</span>
        </div>
        <Toolbar
          transients={transients}
          onTransients={(on) => {
            setTransients(on);
            clientRef.current?.watchTransients(on);
          }}
          running={running}
          onRun={(r) => {
            setRunning(r);
            setSettled(null);
            setLoaded(null);
            clientRef.current?.run(r);
          }}
          onExportPng={async () => {
            const footer = [
              engine ? engine.situation.title : "",
              `Clipshock simulation (${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC): simulated, not measured; for education and research, not for treating patients.`,
            ].filter(Boolean);
            const blob = await plotsPng(view.chartCanvases, view.pvCanvas, footer);
            if (blob) download("clipshock-plots.png", blob);
          }}
          onExportCsv={exportCsv}
          onExportJson={() =>
            engine &&
            downloadText(
              `${engine.situation.id}.json`,
              `${JSON.stringify(engine.situation, null, 2)}\n`,
              "application/json",
            )
          }
          onImport={async (file) => clientRef.current?.loadText(await file.text(), file.name, "file")}
          onCopyLink={async () => {
            if (!navigator.clipboard) return false;
            return navigator.clipboard.writeText(location.href).then(
              () => true,
              () => false,
            );
          }}
        />
        {/* In the header's second line, beside the disclaimer: a note coming or going after a
            change does not push the panels (and the slider under the pointer) down. */}
        {notes.length ? (
          <div class="notes" role="status" data-testid="notes">
            {notes.map((n) => (
              <span key={n}>⚠ {n}</span>
            ))}
          </div>
        ) : null}
        <p class="disclaimer" data-testid="disclaimer">
          For education and research only — not for treating patients.
        </p>
      </header>
      <Errors errors={errors} onDismiss={(k) => setErrors((es) => es.filter((e) => e.key !== k))} />
      <main class="grid">
        <div class="col-left">
          {engine ? (
            <div class={lockedUnless("patient")} data-testid="lock-patient">
              <PatientControls
                preset={engine.scenario.preset}
                params={engine.params}
                hrNow={m?.hr_bpm}
                onParams={(patch) => send({ kind: "params", patch })}
                onPreset={(preset: PresetId) => send({ kind: "preset", preset })}
              />
            </div>
          ) : null}
          {engine && m ? (
            <Guard name="valve">
              <div class={lockedUnless("clip")} data-testid="lock-clip">
                <ValveView
                  devices={engine.devices}
                  m={m}
                  length_mm={engine.params["mv.commissuralLength_mm"] as number}
                  onAdd={(request) => send({ kind: "addClip", request })}
                  onRemove={(index) => send({ kind: "removeClip", index })}
                />
              </div>
            </Guard>
          ) : null}
        </div>
        <div class="col-center">
          <Guard name="lessons">
            <LessonPlayer
              engine={engine}
              busy={busy !== null}
              onStart={startLesson}
              send={send}
              onControls={setOpenControls}
            />
          </Guard>
          <section class="panel charts" aria-label="waveforms">
            <div class="chart-head">
              <h2>Pressures</h2>
              <span class="status" data-testid="status" aria-live="polite">
                {busy
                  ? `computing steady state: ${busy}…`
                  : !running
                    ? "paused: changes still apply; ▶ Run goes on from them"
                    : unfolding
                      ? "watching the change unfold in real time: the readouts follow beat by beat (not settled)"
                      : settled
                        ? `new steady state on screen ${settled.toScreen_ms.toFixed(0)} ms after the change`
                        : loaded
                          ? `“${loaded.label}” at steady state: ${loaded.simulated_s.toFixed(0)} s simulated in ${loaded.ms.toFixed(0)} ms; running live`
                          : engine
                            ? "running"
                            : "starting the engine…"}
              </span>
            </div>
            <div ref={pressuresRef} class="chart" data-testid="chart-pressures" />
            <h2>Flows</h2>
            <div ref={flowsRef} class="chart" data-testid="chart-flows" />
            <h2>Echo: Doppler-like velocities (mitral inflow up, MR jet down)</h2>
            <div ref={dopplerRef} class="chart" data-testid="chart-doppler" />
          </section>
          {engine && m ? (
            <div class={lockedUnless("impella")} data-testid="lock-impella">
              <PumpConsole
                devices={engine.devices}
                m={m}
                onImpella={(request) => send({ kind: "impella", request })}
              />
            </div>
          ) : null}
          {engine && m ? (
            <SupportConsole
              devices={engine.devices}
              m={m}
              onSupport={(c) => send({ kind: "support", ...c })}
            />
          ) : null}
          <div class="pair">
            {engine && m ? (
              <CasePanel
                info={engine.scenario}
                change={change}
                now={m}
                onCase={(id) => clientRef.current?.loadCase(id, 0)}
                onStep={(at) => clientRef.current?.goToStep(at)}
              />
            ) : null}
            {m ? (
              <ComparePanel
                snapshots={snapshots}
                now={m}
                onTake={takeSnapshot}
                onClear={() => {
                  setSnapshots([]);
                  view.setSnapshot(null);
                }}
              />
            ) : null}
          </div>
        </div>
        <div class="col-right">
          <section class="panel pv" aria-label="pressure-volume loops of the four chambers">
            <div class="pv-box">
              <canvas ref={pvRef} data-testid="pv-loops" />
            </div>
          </section>
          {m && engine ? (
            <Guard name="haemodynamics">
              <HaemoPanel m={m} params={engine.params} mcsDevices={engine.devices.impella ? 1 : 0} />
            </Guard>
          ) : null}
          {m ? (
            <Guard name="echo">
              <EchoPanel m={m} />
            </Guard>
          ) : null}
        </div>
      </main>
      <footer class="foot">
        Clipshock is a lumped-parameter model for teaching and research. Figures are simulated, not measured,
        and must not guide the care of a patient.
      </footer>
    </div>
  );
}
