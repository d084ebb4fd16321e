/**
 * The lesson player: pick a lesson, follow its steps on the live model. Each step shows its narrative,
 * question and hints; "Show me" makes the step's changes for the learner; "Check" judges the live state
 * with the lesson's checks (the same code as `clipshock lessons --check`). Teacher mode reveals the
 * answers and the checks; the handout opens a printable page.
 */
import { useEffect, useState } from "preact/hooks";
import { type CheckOutcome, type CheckState, evaluateCheck } from "../../lessons/check.js";
import { lessonHandoutHtml, miniMarkdown } from "../../lessons/handout.js";
import type { Lesson, LessonStep } from "../../lessons/types.js";
import { pumpAlarms } from "../../procedure/pump-console.js";
import type { Change, EngineState } from "../worker/protocol.js";

export interface LessonPlayerProps {
  engine: EngineState | null;
  busy: boolean;
  /** Loads the lesson's scenario in the engine. */
  onStart: (lesson: Lesson) => void;
  send: (c: Change) => void;
  /** The control groups the running lesson opens (null: no lesson, all open). */
  onControls: (open: Lesson["controls"] | null) => void;
}

export function checkStateOf(engine: EngineState): CheckState {
  return {
    measurements: engine.measurements,
    clips: engine.devices.clips.length,
    pump: engine.devices.impella !== null,
    alarms: pumpAlarms(engine.measurements, engine.devices.impella),
  };
}

/** The changes that make a lesson step's `do` on the live model. */
export function changesOf(step: LessonStep): Change[] {
  const d = step.do;
  if (!d) return [];
  const out: Change[] = [];
  const patch: Record<string, number | boolean> = {};
  for (const [k, v] of Object.entries(d.set ?? {})) if (typeof v !== "object") patch[k] = v;
  if (typeof d.pace_bpm === "number") {
    patch.hr_bpm = d.pace_bpm;
    patch["baroreflex.controlsHeartRate"] = false;
  } else if (d.pace_bpm === null) patch["baroreflex.controlsHeartRate"] = true;
  if (Object.keys(patch).length) out.push({ kind: "params", patch });
  if (d.impella !== undefined) out.push({ kind: "impella", request: d.impella });
  const clips = d.clip === undefined ? [] : Array.isArray(d.clip) ? d.clip : [d.clip];
  for (const c of clips) out.push({ kind: "addClip", request: c });
  return out;
}

const scenarioIdOf = (l: Lesson) => ("case" in l.scenario ? l.scenario.case : l.scenario.inline.id);

export function LessonPlayer({ engine, busy, onStart, send, onControls }: LessonPlayerProps) {
  const [lessons, setLessons] = useState<Lesson[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [lesson, setLesson] = useState<Lesson | null>(null);
  const [at, setAt] = useState(0);
  const [passed, setPassed] = useState<boolean[]>([]);
  const [history, setHistory] = useState<Map<number, CheckState>>(new Map());
  const [waitingStart, setWaitingStart] = useState(false);
  const [hints, setHints] = useState(0);
  const [teacher, setTeacher] = useState(false);
  const [outcomes, setOutcomes] = useState<CheckOutcome[] | null>(null);

  useEffect(() => {
    import("../app/lesson-files.js")
      .then((mod) => setLessons(mod.bundledLessons()))
      .catch((e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, []);

  // The lesson's start: the first engine state of its scenario after "Start".
  useEffect(() => {
    if (!waitingStart || !lesson || !engine || busy) return;
    if (engine.scenario.id !== scenarioIdOf(lesson) || engine.scenario.modified) return;
    if ("case" in lesson.scenario && engine.scenario.at !== lesson.scenario.at) return;
    setHistory(new Map([[-1, checkStateOf(engine)]]));
    setWaitingStart(false);
  }, [engine, waitingStart, lesson, busy]);

  const start = (l: Lesson) => {
    setLesson(l);
    setAt(0);
    setPassed(l.steps.map(() => false));
    setHistory(new Map());
    setHints(0);
    setOutcomes(null);
    setWaitingStart(true);
    onControls(l.controls);
    onStart(l);
  };
  const stop = () => {
    setLesson(null);
    onControls(null);
  };
  const openHandout = (l: Lesson, answers: boolean) => {
    const url = URL.createObjectURL(new Blob([lessonHandoutHtml(l, answers)], { type: "text/html" }));
    window.open(url, "_blank", "noopener");
  };

  if (!lesson) {
    return (
      <section class="panel lessons" aria-labelledby="lessons-h">
        <h2 id="lessons-h">Lessons</h2>
        {loadError ? <p class="error-text">Lessons could not be read: {loadError}</p> : null}
        {lessons === null && !loadError ? <p class="hint">Loading lessons…</p> : null}
        <ul class="lesson-list">
          {(lessons ?? []).map((l) => (
            <li key={l.id}>
              <button type="button" data-testid={`lesson-${l.id}`} onClick={() => start(l)}>
                {l.title}
              </button>
              <small> {l.goals[0]}</small>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  const step = lesson.steps[at];
  const done = passed.filter(Boolean).length;
  const check = () => {
    if (!engine) return;
    const now = checkStateOf(engine);
    try {
      const out = step.checks.map((c) => evaluateCheck(c, now, history));
      setOutcomes(out);
      if (out.every((o) => o.passed)) {
        setPassed((p) => p.map((x, i) => (i === at ? true : x)));
        setHistory((h) => new Map(h).set(at, now));
      }
    } catch (e) {
      setOutcomes([
        {
          check: step.checks[0],
          passed: false,
          actual: Number.NaN,
          expected: Number.NaN,
          text: e instanceof Error ? e.message : String(e),
        },
      ]);
    }
  };
  const go = (i: number) => {
    setAt(i);
    setHints(0);
    setOutcomes(null);
  };
  const finished = done === lesson.steps.length;

  return (
    <section class="panel lessons" aria-labelledby="lessons-h" data-testid="lesson-player">
      <h2 id="lessons-h">
        Lesson: {lesson.title}{" "}
        <button type="button" class="small" data-testid="lesson-close" onClick={stop}>
          Close
        </button>
      </h2>
      <div class="lesson-bar">
        <progress max={lesson.steps.length} value={done} data-testid="lesson-progress" />
        <span data-testid="lesson-step-of">
          Step {at + 1} of {lesson.steps.length} · {done} passed
        </span>
        <label class="small">
          <input
            type="checkbox"
            data-testid="teacher-mode"
            checked={teacher}
            onChange={(e) => setTeacher((e.target as HTMLInputElement).checked)}
          />{" "}
          teacher mode
        </label>
        <button
          type="button"
          class="small"
          data-testid="lesson-handout"
          onClick={() => openHandout(lesson, teacher)}
        >
          {teacher ? "Teacher's handout" : "Handout"}
        </button>
      </div>
      {at === 0 ? (
        <div class="lesson-intro">
          <ul>
            {lesson.goals.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
          <div dangerouslySetInnerHTML={{ __html: miniMarkdown(lesson.intro) }} />
          <p class="hint">Controls open in this lesson: {lesson.controls.join(", ") || "none (watch)"}</p>
        </div>
      ) : null}
      <h3 data-testid="lesson-step-title">
        {at + 1}. {step.title}
      </h3>
      <div dangerouslySetInnerHTML={{ __html: miniMarkdown(step.narrative) }} />
      {step.question ? (
        <p class="lesson-q">
          <strong>Question:</strong> {step.question}
        </p>
      ) : null}
      {step.question && (teacher || passed[at]) ? (
        <div class="lesson-a" data-testid="lesson-answer">
          <strong>Answer:</strong>{" "}
          <span dangerouslySetInnerHTML={{ __html: miniMarkdown(step.answer ?? "") }} />
        </div>
      ) : null}
      {step.hints.slice(0, hints).map((h) => (
        <p class="hint" key={h} data-testid="lesson-hint">
          Hint: {h}
        </p>
      ))}
      {teacher ? (
        <ul class="hint" data-testid="lesson-checks">
          {step.checks.map((c) => (
            <li key={`${c.metric}${c.op}${c.value ?? c.ref}`}>
              check: {c.says ? `${c.says} — ` : ""}
              {c.metric} {c.op}{" "}
              {c.value ?? `${c.factor ?? 1} × step ${c.ref === -1 ? "start" : (c.ref ?? 0) + 1}`}
            </li>
          ))}
        </ul>
      ) : null}
      <div class="controls-row">
        <button
          type="button"
          data-testid="lesson-hint-btn"
          disabled={hints >= step.hints.length}
          onClick={() => setHints(hints + 1)}
        >
          Hint
        </button>
        <button
          type="button"
          data-testid="lesson-show"
          disabled={!step.do || busy || waitingStart}
          onClick={() => {
            for (const c of changesOf(step)) send(c);
          }}
        >
          Show me
        </button>
        <button
          type="button"
          data-testid="lesson-check"
          disabled={busy || waitingStart || !engine}
          onClick={check}
        >
          Check
        </button>
        <button type="button" data-testid="lesson-prev" disabled={at === 0} onClick={() => go(at - 1)}>
          ◂ Back
        </button>
        <button
          type="button"
          data-testid="lesson-next"
          disabled={!passed[at] || at === lesson.steps.length - 1}
          onClick={() => go(at + 1)}
        >
          Next ▸
        </button>
      </div>
      {outcomes ? (
        <ul class="lesson-outcomes" data-testid="lesson-outcomes">
          {outcomes.map((o) => (
            <li key={o.text} class={o.passed ? "ok" : "miss"}>
              {o.passed ? "✓" : "✗"} {o.text}
            </li>
          ))}
        </ul>
      ) : null}
      {finished ? (
        <p class="ok" data-testid="lesson-done">
          Lesson complete: every step passed its checks on the model.
        </p>
      ) : null}
    </section>
  );
}
