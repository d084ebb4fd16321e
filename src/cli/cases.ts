/** `clipshock cases [--json]`: the built-in cases, `id  title` per line or `[{ id, title, source }]`. */
import { CASES } from "../procedure/cases/index.js";

export function casesText(): string {
  const width = Math.max(...CASES.map((c) => c.id.length));
  return CASES.map((c) => `${c.id.padEnd(width)}  ${c.title}\n`).join("");
}

export function casesJson(): string {
  return `${JSON.stringify(
    CASES.map((c) => ({ id: c.id, title: c.title, source: c.source ?? null })),
    null,
    2,
  )}\n`;
}
