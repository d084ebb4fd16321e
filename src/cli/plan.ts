/**
 * `clipshock plan <case-id or scenario file> [--at STEP] [--json] [--report FILE.html]`: the planning
 * tools for the state after a step (contract "Result of plan --json"). The simulations run on worker
 * threads from the bundled worker (dist/workers/plan-worker.mjs, found relative to this file); without
 * a build they run in-process, with a one-line note on stderr. The report is written only once the
 * whole run has succeeded (temporary file, then rename).
 */
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../procedure/load.js";
import { resolveAt } from "../procedure/plan/at.js";
import { planScenario } from "../procedure/plan/planner.js";
import { InputError } from "../procedure/types.js";
import { planReportHtml } from "../report/plan-report.js";
import { escapeLines } from "../text/escape-text.js";
import { checkWritable, writeFileAtomically } from "./out-dir.js";
import { planDocument } from "./plan-document.js";
import { createPlanProgress } from "./plan-progress.js";
import { planText } from "./plan-text.js";

/** src/cli and dist/cli both sit two levels below the package root. */
export const WORKER_SCRIPT = fileURLToPath(new URL("../../dist/workers/plan-worker.mjs", import.meta.url));

export interface PlanCliOptions {
  at?: string;
  json?: boolean;
  report?: string;
  maxClips?: string;
  workers?: string;
  stsProm?: string;
  progress?: boolean;
}

function percentOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0 || n > 100)
    throw new InputError([{ path: name, message: `${JSON.stringify(text)} is not a percentage in 0..100` }]);
  return n;
}

function intOption(name: string, text: string | undefined, lo: number, hi: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < lo || n > hi)
    throw new InputError([
      { path: name, message: `${JSON.stringify(text)} is not a whole number in ${lo}..${hi}` },
    ]);
  return n;
}

function checkReportPath(file: string): void {
  const target = resolve(file);
  if (existsSync(target) && statSync(target).isDirectory())
    throw new InputError([
      { path: "--report", message: `${file} is a directory; expected an .html file name` },
    ]);
  if (!existsSync(dirname(target)))
    throw new InputError([
      { path: "--report", message: `${file}: the directory ${dirname(target)} does not exist` },
    ]);
  checkWritable("--report", file, dirname(target));
}

export async function runPlan(arg: string, opts: PlanCliOptions): Promise<void> {
  const scenario = loadScenario(arg);
  resolveAt(scenario, opts.at); // bad --at fails before any simulation
  const maxClips = intOption("--max-clips", opts.maxClips, 0, 3);
  const workers = intOption("--workers", opts.workers, 0, 64);
  const stsProm_pct = percentOption("--sts-prom", opts.stsProm);
  if (opts.report !== undefined) checkReportPath(opts.report);
  const haveWorker = existsSync(WORKER_SCRIPT);
  if (!haveWorker && workers !== 0)
    process.stderr.write(
      "clipshock: note: no bundled plan worker (run `npm run build`); simulating in-process\n",
    );
  const progress = createPlanProgress(opts.progress !== false);
  let result: Awaited<ReturnType<typeof planScenario>>;
  try {
    result = await planScenario(scenario, {
      at: opts.at,
      maxClips,
      workers: haveWorker ? workers : 0,
      workerScript: WORKER_SCRIPT,
      waveforms: opts.report !== undefined,
      ...(stsProm_pct !== undefined ? { stsProm_pct } : {}),
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.stop();
  }
  if (opts.report !== undefined) writeFileAtomically("--report", opts.report, planReportHtml(result));
  process.stdout.write(
    opts.json ? `${JSON.stringify(planDocument(result), null, 2)}\n` : escapeLines(planText(result)),
  );
}
