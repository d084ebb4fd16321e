/**
 * `clipshock simulate <case-id or scenario file> [--json] [--out DIR]`: runs every step to periodic
 * steady state and prints a table, or one JSON document; `--out DIR` also writes the waveforms of each
 * step (`DIR/<step-index>-<slug>.csv`) and `DIR/result.json`, only once the whole run has succeeded.
 */
import { simulateScenario } from "../procedure/execute.js";
import { loadScenario } from "../procedure/load.js";
import { escapeLines, escapeText } from "../text/escape-text.js";
import { checkOutDir, type OutFile, writeOutDir } from "./out-dir.js";
import { createProgress } from "./progress.js";
import { resultDocument, waveformCsv, waveformFileName } from "./result.js";
import { formatTable } from "./table.js";

/** Seconds of waveforms recorded per step for `--out`. */
export const RECORD_S = 3;

export interface SimulateOptions {
  json?: boolean;
  out?: string;
  progress?: boolean;
}

export function runSimulate(arg: string, opts: SimulateOptions): void {
  const scenario = loadScenario(arg);
  if (opts.out !== undefined) checkOutDir(opts.out);
  const progress = createProgress(scenario.steps.length, opts.progress !== false);
  let run: ReturnType<typeof simulateScenario>;
  try {
    run = simulateScenario(scenario, {
      record_s: opts.out !== undefined ? RECORD_S : 0,
      onProgress: (done, total, name) => progress.step(done, total, name),
    });
  } finally {
    progress.stop();
  }
  const doc = resultDocument(run);
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (opts.out !== undefined) {
    const files: OutFile[] = [];
    run.waveforms.forEach((trace, i) => {
      if (trace)
        files.push({
          name: waveformFileName(i, run.steps.length, run.steps[i].name),
          content: waveformCsv(trace),
        });
    });
    files.push({ name: "result.json", content: json });
    writeOutDir(opts.out, files);
  }
  const notConverged = run.steps.filter((s) => !s.converged && s.assessment !== "timed").map((s) => s.name);
  if (notConverged.length > 0) {
    process.stderr.write(
      `clipshock: warning: no periodic steady state in step(s): ${escapeText(notConverged.join(", "))}\n`,
    );
  }
  process.stdout.write(opts.json ? json : escapeLines(formatTable(run, scenario.title)));
}
