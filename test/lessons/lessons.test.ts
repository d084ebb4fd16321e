/** Lessons (issue 13): the shipped files parse, run on the model with every check passing, and fail loudly. */
import { describe, expect, it } from "vitest";
import { loadLessons } from "../../src/cli/lessons.js";
import { lessonHandoutHtml } from "../../src/lessons/handout.js";
import { parseLesson } from "../../src/lessons/parse.js";
import { runLesson } from "../../src/lessons/run.js";
import { InputError } from "../../src/procedure/types.js";
import { runCli } from "../cli/run-cli.js";

const lessons = loadLessons();

describe("shipped lessons", () => {
  it("include the three lessons of the published case, Impella unloading and the shock spiral", () => {
    expect(lessons.map((l) => l.id).sort()).toEqual([
      "gradient-anaemia-tachycardia",
      "impella-unloading",
      "pump-in-the-way",
      "shock-spiral",
      "support-hides-mr",
    ]);
    for (const l of lessons) {
      expect(l.goals.length).toBeGreaterThan(0);
      expect(l.steps.some((s) => s.question && s.answer)).toBe(true);
      expect(l.steps.flatMap((s) => s.checks).length).toBeGreaterThan(0);
    }
  });

  it.each(lessons.map((l) => [l.id, l] as const))(
    "%s: every check passes on the model",
    (_id, lesson) => {
      const r = runLesson(lesson);
      expect(r.error).toBeUndefined();
      const failed = r.steps.flatMap((s) => s.outcomes.filter((o) => !o.passed).map((o) => o.text));
      expect(failed).toEqual([]);
      expect(r.passed).toBe(true);
    },
    120_000,
  );
});

const minimal = (check: string) => `---
id: tiny
title: Tiny
goals: [see a check fail]
scenario: { case: shock-demo, at: 0 }
steps:
  - title: look
    narrative: look at it
    check:
      - ${check}
---
Intro.
`;

describe("lesson checks and parsing", () => {
  it("a check the model does not meet fails the lesson (the checks can fail)", () => {
    const r = runLesson(parseLesson(minimal("{ metric: map_mmHg, op: '>', value: 300 }")));
    expect(r.passed).toBe(false);
    expect(r.steps[0].outcomes[0].text).toMatch(/map_mmHg \d+\.\d\d > 300/);
  }, 60_000);

  it("an unknown metric is reported, not passed", () => {
    const r = runLesson(parseLesson(minimal("{ metric: nonsense, op: '>', value: 1 }")));
    expect(r.passed).toBe(false);
    expect(r.error).toContain("nonsense is not a measurement");
  }, 60_000);

  it("bad files name the field: no front matter, unknown case, ref to a later step, question without answer", () => {
    const problems = (text: string) => {
      try {
        parseLesson(text, "x.md");
      } catch (e) {
        if (e instanceof InputError) return e.problems.map((p) => `${p.path}: ${p.message}`).join("\n");
        throw e;
      }
      return "";
    };
    expect(problems("# just markdown")).toContain("no front matter");
    expect(
      problems(minimal("{ metric: map_mmHg, op: '>', value: 1 }").replace("shock-demo", "nope")),
    ).toContain("scenario.case: nope is not a built-in case");
    expect(problems(minimal("{ metric: map_mmHg, op: '>', ref: 0 }"))).toContain("steps[0].check[0].ref");
    expect(
      problems(
        minimal("{ metric: map_mmHg, op: '>', value: 1 }").replace(
          "narrative: look at it",
          "narrative: x\n    question: why?",
        ),
      ),
    ).toContain("a question needs its answer");
  });

  it("the handout has the questions; only the teacher's copy has the answers", () => {
    const l = lessons.find((x) => x.id === "support-hides-mr");
    if (!l) throw new Error("missing lesson");
    const student = lessonHandoutHtml(l, false);
    const teacher = lessonHandoutHtml(l, true);
    expect(student).toContain("Would you release the clip system");
    expect(student).not.toContain("Answer:");
    expect(teacher).toContain("Answer:");
    expect(teacher).toContain("teacher's copy");
  });
});

describe("clipshock lessons", () => {
  it("--json lists [{ id, title, goals }]", async () => {
    const r = await runCli(["lessons", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { id: string; title: string; goals: string[] }[];
    expect(doc).toHaveLength(lessons.length);
    for (const d of doc) expect(Object.keys(d)).toEqual(["id", "title", "goals"]);
  }, 60_000);

  it("--handout of an unknown lesson exits 2 naming the lessons", async () => {
    const r = await runCli(["lessons", "--handout", "nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--handout: nope is not a lesson");
  }, 60_000);
});
