/**
 * Lessons (issue 13): a teacher's file — Markdown with YAML front matter — that sets a scenario, the
 * controls a learner may use, and steps with narrative, a question and its answer, hints, what to do,
 * and checks on the live model. Plain data; the parser is lesson-parse.ts.
 */
import type { Scenario, Step } from "../procedure/types.js";

/** The web app's control groups a lesson can open. */
export type LessonControl = "patient" | "impella" | "clip" | "pacing";
export const LESSON_CONTROLS: readonly LessonControl[] = ["patient", "impella", "clip", "pacing"];

export type CheckOp = "<" | "<=" | ">" | ">=" | "==";

/**
 * One check on the model: `metric` (a measurement key, or `clips` = clips in place, `pump` = 1 with a
 * pump in place, `alarm:<code>` = 1 when the console shows that alarm) compared by `op` with `value`,
 * or with `factor` × the same metric at the end of lesson step `ref` (-1 = the lesson's start) plus `plus`.
 */
export interface LessonCheck {
  metric: string;
  op: CheckOp;
  value?: number;
  ref?: number;
  factor?: number;
  plus?: number;
  /** What the check means, in the teacher's words (shown after it is run). */
  says?: string;
}

export interface LessonStep {
  title: string;
  /** Markdown. */
  narrative: string;
  /** What the learner does: a scenario step's changes (impella, clip, set, pace_bpm; hold_s for --check). */
  do?: Omit<Step, "name">;
  question?: string;
  answer?: string;
  hints: string[];
  checks: LessonCheck[];
}

export interface Lesson {
  id: string;
  title: string;
  goals: string[];
  /** A built-in case and how many of its steps run before the lesson starts, or a whole scenario. */
  scenario: { case: string; at: number } | { inline: Scenario };
  controls: LessonControl[];
  /** Markdown introduction (the file's body). */
  intro: string;
  steps: LessonStep[];
  source?: string;
}
