/**
 * Reads a lesson file: Markdown with YAML front matter (`---` … `---`, then the introduction). Every
 * problem is reported as `path: message` (InputError), as for scenario files.
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { getCase } from "../procedure/cases/index.js";
import { parseScenario } from "../procedure/scenario-schema.js";
import { InputError, type InputProblem, type Scenario } from "../procedure/types.js";
import { LESSON_CONTROLS, type Lesson, type LessonStep } from "./types.js";

const checkSchema = z
  .object({
    metric: z.string().min(1),
    op: z.enum(["<", "<=", ">", ">=", "=="]),
    value: z.number().optional(),
    ref: z.number().int().min(-1).optional(),
    factor: z.number().optional(),
    plus: z.number().optional(),
    says: z.string().optional(),
  })
  .strict()
  .refine((c) => (c.value === undefined) !== (c.ref === undefined), {
    message: "give either value or ref (the lesson step to compare with; -1 = the start)",
  });

const stepSchema = z
  .object({
    title: z.string().min(1),
    narrative: z.string().min(1),
    do: z.record(z.string(), z.unknown()).optional(),
    question: z.string().optional(),
    answer: z.string().optional(),
    hints: z.array(z.string()).default([]),
    check: z.array(checkSchema).default([]),
  })
  .strict()
  .refine((s) => (s.question === undefined) === (s.answer === undefined), {
    message: "a question needs its answer (and an answer its question)",
  });

const frontSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and hyphens"),
    title: z.string().min(1),
    goals: z.array(z.string().min(1)).min(1),
    scenario: z.union([
      z.object({ case: z.string(), at: z.number().int().min(-1).default(-1) }).strict(),
      z.object({ inline: z.unknown() }).strict(),
    ]),
    controls: z.array(z.enum(LESSON_CONTROLS as [string, ...string[]])).default([]),
    source: z.string().optional(),
    steps: z.array(stepSchema).min(1),
  })
  .strict();

/** Splits `---\nYAML\n---\nbody`. */
export function splitFrontMatter(text: string): { front: string; body: string } | null {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return m ? { front: m[1], body: m[2] } : null;
}

const pathOf = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");

export function parseLesson(text: string, fileName = "lesson"): Lesson {
  const parts = splitFrontMatter(text);
  if (!parts)
    throw new InputError([
      {
        path: fileName,
        message: "no front matter: a lesson starts with --- , YAML, then --- and the introduction",
      },
    ]);
  let raw: unknown;
  try {
    raw = parseYaml(parts.front);
  } catch (e) {
    throw new InputError([
      { path: fileName, message: `front matter is not YAML: ${(e as Error).message.split("\n")[0]}` },
    ]);
  }
  const r = frontSchema.safeParse(raw);
  if (!r.success)
    throw new InputError(
      r.error.issues.map((i) => ({ path: `${fileName}: ${pathOf(i.path)}`, message: i.message })),
    );
  const f = r.data;
  const problems: InputProblem[] = [];
  let scenario: Lesson["scenario"];
  if ("case" in f.scenario) {
    const c = getCase(f.scenario.case);
    if (!c)
      problems.push({
        path: `${fileName}: scenario.case`,
        message: `${f.scenario.case} is not a built-in case`,
      });
    else if (f.scenario.at >= c.steps.length)
      problems.push({
        path: `${fileName}: scenario.at`,
        message: `${f.scenario.at} is past the case's last step (${c.steps.length - 1})`,
      });
    scenario = { case: f.scenario.case, at: f.scenario.at };
  } else {
    try {
      scenario = { inline: parseScenario(f.scenario.inline) };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      throw new InputError(e.problems.map((p) => ({ ...p, path: `${fileName}: scenario.inline.${p.path}` })));
    }
  }
  const steps: LessonStep[] = f.steps.map((s, i) => {
    for (const [k, c] of s.check.entries())
      if (c.ref !== undefined && c.ref >= i)
        problems.push({
          path: `${fileName}: steps[${i}].check[${k}].ref`,
          message: `${c.ref} is not an earlier step (use -1 for the start, or 0..${i - 1})`,
        });
    return {
      title: s.title,
      narrative: s.narrative,
      ...(s.do ? { do: s.do as LessonStep["do"] } : {}),
      ...(s.question !== undefined ? { question: s.question, answer: s.answer } : {}),
      hints: s.hints,
      checks: s.check,
    };
  });
  if (problems.length) throw new InputError(problems);
  return {
    id: f.id,
    title: f.title,
    goals: f.goals,
    scenario,
    controls: f.controls as Lesson["controls"],
    intro: parts.body.trim(),
    steps,
    ...(f.source ? { source: f.source } : {}),
  };
}

/** The scenario the lesson starts from, and the `do` of each lesson step as scenario steps after it. */
export function lessonScenario(lesson: Lesson): {
  scenario: Scenario;
  startIndex: number;
  stepIndex: (number | null)[];
} {
  const base: Scenario =
    "case" in lesson.scenario
      ? (() => {
          const c = getCase(lesson.scenario.case) as Scenario;
          return { ...c, steps: c.steps.slice(0, lesson.scenario.at + 1) };
        })()
      : lesson.scenario.inline;
  const steps = [...base.steps];
  // The start: a step that changes nothing measures the state the lesson begins in.
  if (steps.length === 0) steps.push({ name: "lesson start" });
  const startIndex = steps.length - 1;
  const stepIndex = lesson.steps.map((s, i) => {
    if (!s.do) return null;
    steps.push({ name: `lesson step ${i + 1}: ${s.title}`, ...s.do });
    return steps.length - 1;
  });
  const scenario = parseScenario({ ...base, steps });
  return { scenario, startIndex, stepIndex };
}
