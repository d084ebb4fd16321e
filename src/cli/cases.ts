/** `clipshock cases [--json]`: the built-in cases, `id  title` per line or `[{ id, title, source }]`. */
import { Command } from "commander";
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

export function casesCommand(): Command {
  return new Command("cases")
    .description("list the built-in cases")
    .option("--json", 'print one JSON document: [{ "id", "title", "source" }]')
    .action((opts: { json?: boolean }) => {
      process.stdout.write(opts.json ? casesJson() : casesText());
    });
}
