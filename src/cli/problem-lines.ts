/**
 * Problems as printed on stderr: one escaped line each (user text cannot drive the terminal), the first
 * MAX_PRINTED_PROBLEMS of them, then how many more: 50,000 bad clips are not 50,000 lines (issue 12).
 */
import type { InputProblem } from "../procedure/types.js";
import { escapeText } from "../text/escape-text.js";

/** Enough to fix a file in a few passes, never a flood. */
export const MAX_PRINTED_PROBLEMS = 20;

export function cappedLines(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_PRINTED_PROBLEMS).map(escapeText);
  const more = lines.length - shown.length;
  if (more > 0) shown.push(`... and ${more} more problem${more === 1 ? "" : "s"}`);
  return `${shown.join("\n")}\n`;
}

export function problemLines(problems: readonly InputProblem[]): string {
  return cappedLines(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)));
}
