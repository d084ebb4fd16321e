/**
 * A printable handout of a lesson (one self-contained HTML page, print CSS): goals, introduction,
 * each step's narrative and question, with space to answer, or with the answers (teacher's copy).
 * Markdown is shown as paragraphs (blank lines) with **bold**; nothing else is interpreted.
 */
import { esc } from "../report/html.js";
import type { Lesson } from "./types.js";

/** Paragraphs and **bold** from a teacher's Markdown, escaped. */
export function miniMarkdown(md: string): string {
  return md
    .trim()
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map(
      (p) =>
        `<p>${esc(p.trim().replace(/\s*\n\s*/g, " ")).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")}</p>`,
    )
    .join("\n");
}

export function lessonHandoutHtml(lesson: Lesson, answers = false): string {
  const steps = lesson.steps
    .map(
      (s, i) =>
        `<section class="step"><h2>${i + 1}. ${esc(s.title)}</h2>${miniMarkdown(s.narrative)}${
          s.question
            ? `<p class="q"><strong>Question:</strong> ${esc(s.question)}</p>${
                answers
                  ? `<div class="a"><strong>Answer:</strong> ${miniMarkdown(s.answer ?? "")}</div>`
                  : `<div class="space"></div>`
              }`
            : ""
        }</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(lesson.title)}${answers ? " (teacher's copy)" : ""}</title>
<style>
body { font: 13px/1.5 system-ui, sans-serif; max-width: 780px; margin: 24px auto; padding: 0 16px; color: #111; }
h1 { font-size: 20px; } h2 { font-size: 15px; margin-top: 18px; }
.q { margin-top: 6px; } .space { height: 70px; border-bottom: 1px dotted #999; margin-bottom: 8px; }
.a { background: #f3f7f3; border-left: 3px solid #2e7d32; padding: 2px 10px; }
.muted { color: #555; font-size: 11px; }
@page { size: A4; margin: 14mm; }
@media print { body { margin: 0; max-width: none; } .step { break-inside: avoid; } }
</style></head><body>
<h1>${esc(lesson.title)}${answers ? " <small>(teacher's copy)</small>" : ""}</h1>
<h2>Goals</h2><ul>${lesson.goals.map((g) => `<li>${esc(g)}</li>`).join("")}</ul>
${miniMarkdown(lesson.intro)}
${steps}
${lesson.source ? `<p class="muted">Source: ${esc(lesson.source)}</p>` : ""}
<p class="muted">Clipshock lesson <code>${esc(lesson.id)}</code>: figures come from a lumped-parameter model, for teaching, not for treating patients.</p>
</body></html>
`;
}
