/**
 * `clipshock lessons [--json] [--check] [--handout ID [--answers]]`: the lessons shipped in lessons/
 * (Markdown with YAML front matter). `--json`: [{ id, title, goals }]. `--check` runs every lesson on
 * the model as a learner following it would and evaluates its checks (exit 1 if any fails).
 * `--handout ID` prints a printable HTML handout (with `--answers`, the teacher's copy).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { lessonHandoutHtml } from "../lessons/handout.js";
import { parseLesson } from "../lessons/parse.js";
import { runLesson } from "../lessons/run.js";
import type { Lesson } from "../lessons/types.js";
import { InputError } from "../procedure/types.js";
import { CliError } from "./errors.js";

/** src/cli and dist/cli both sit two levels below the package root. */
export const LESSONS_DIR = fileURLToPath(new URL("../../lessons/", import.meta.url));

export function loadLessons(dir = LESSONS_DIR): Lesson[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .sort();
  const lessons = files.map((f) => parseLesson(readFileSync(join(dir, f), "utf8"), f));
  const seen = new Set<string>();
  for (const l of lessons) {
    if (seen.has(l.id)) throw new InputError([{ path: l.id, message: "two lessons have this id" }]);
    seen.add(l.id);
  }
  return lessons;
}

export interface LessonsOptions {
  json?: boolean;
  check?: boolean;
  handout?: string;
  answers?: boolean;
}

export function runLessons(opts: LessonsOptions): void {
  const lessons = loadLessons();
  if (opts.handout !== undefined) {
    const l = lessons.find((x) => x.id === opts.handout);
    if (!l)
      throw new InputError([
        {
          path: "--handout",
          message: `${opts.handout} is not a lesson (${lessons.map((x) => x.id).join(", ")})`,
        },
      ]);
    process.stdout.write(lessonHandoutHtml(l, opts.answers === true));
    return;
  }
  if (!opts.check) {
    process.stdout.write(
      opts.json
        ? `${JSON.stringify(
            lessons.map((l) => ({ id: l.id, title: l.title, goals: l.goals })),
            null,
            2,
          )}\n`
        : lessons.map((l) => `${l.id}  ${l.title}\n`).join(""),
    );
    return;
  }
  const runs = lessons.map((l) => {
    process.stderr.write(`[lessons] checking ${l.id}\n`);
    return runLesson(l);
  });
  if (opts.json) process.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
  else {
    const out: string[] = [];
    for (const r of runs) {
      out.push(`${r.passed ? "PASS" : "FAIL"}  ${r.id}`);
      if (r.error) out.push(`  error: ${r.error}`);
      r.steps.forEach((s, i) => {
        for (const o of s.outcomes)
          out.push(`  ${o.passed ? "ok  " : "FAIL"} step ${i + 1} (${s.title}): ${o.text}`);
      });
    }
    process.stdout.write(`${out.join("\n")}\n`);
  }
  const failed = runs.filter((r) => !r.passed).length;
  if (failed) throw new CliError(`${failed} of ${runs.length} lessons failed their checks`, 1);
}
