/**
 * Runs a lesson on the model as a learner following it would (each step's `do`), and evaluates every
 * check: what `clipshock lessons --check` and the tests run.
 */
import { simulateScenario } from "../procedure/execute.js";
import type { StepResult } from "../procedure/types.js";
import { type CheckOutcome, type CheckState, evaluateCheck } from "./check.js";
import { lessonScenario } from "./parse.js";
import type { Lesson } from "./types.js";

export interface LessonRun {
  id: string;
  passed: boolean;
  steps: { title: string; outcomes: CheckOutcome[] }[];
  error?: string;
}

export function stateOf(r: StepResult): CheckState {
  return {
    measurements: r.measurements,
    clips: r.devices.clips.length,
    pump: r.devices.impella !== null,
    alarms: r.alarms,
  };
}

export function runLesson(lesson: Lesson): LessonRun {
  try {
    const { scenario, startIndex, stepIndex } = lessonScenario(lesson);
    const result = simulateScenario(scenario);
    const history = new Map<number, CheckState>();
    let current = stateOf(result.steps[startIndex]);
    history.set(-1, current);
    const steps = lesson.steps.map((s, i) => {
      const at = stepIndex[i];
      if (at !== null) current = stateOf(result.steps[at]);
      const outcomes = s.checks.map((c) => evaluateCheck(c, current, history));
      history.set(i, current);
      return { title: s.title, outcomes };
    });
    return { id: lesson.id, passed: steps.every((s) => s.outcomes.every((o) => o.passed)), steps };
  } catch (e) {
    return { id: lesson.id, passed: false, steps: [], error: e instanceof Error ? e.message : String(e) };
  }
}
