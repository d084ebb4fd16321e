/**
 * `clipshock cohort <spec> --out results.parquet [--patients N] [--workers N] [--seed S] [--resume]
 * [--queue redis://host:port]`, `clipshock cohort summarize <results.parquet> [--by COLUMN] [--html FILE]`
 * and `clipshock worker --queue redis://host:port [--concurrency N]`. DuckDB and BullMQ load here, only
 * when one of these commands runs.
 */

import { openDuck } from "../cohort/duck.js";
import { loadCohortSpec, patientSource } from "../cohort/load.js";
import { MAX_PATIENTS } from "../cohort/spec.js";
import { InputError } from "../procedure/types.js";

export interface CohortCliOptions {
  out: string;
  patients?: string;
  workers?: string;
  seed?: string;
  resume?: boolean;
  queue?: string;
  progress?: boolean;
  batch?: string;
}

function intOption(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new InputError([
      { path: `--${name}`, message: `${JSON.stringify(v)} is not a whole number in ${min}..${max}` },
    ]);
  return n;
}

export async function runCohort(specFile: string, opts: CohortCliOptions): Promise<void> {
  const patients = intOption("patients", opts.patients, 1, MAX_PATIENTS);
  const seed = intOption("seed", opts.seed, 0, 2 ** 32 - 1);
  const workers = intOption("workers", opts.workers, 0, 64) ?? 2;
  const batch = intOption("batch", opts.batch, 1, 100_000);
  if (!opts.out)
    throw new InputError([
      { path: "--out", message: "missing; give the results file, e.g. --out results.parquet" },
    ]);
  const loaded = loadCohortSpec(specFile, { patients, seed });
  const duck = await openDuck();
  try {
    const source = await patientSource(loaded, duck);
    const progress = opts.progress !== false;
    const summary = opts.queue
      ? await (await import("../cohort/queue.js")).runQueued(duck, loaded, source, {
          out: opts.out,
          queue: opts.queue,
          resume: opts.resume === true,
          progress,
          batch,
        })
      : await (await import("../cohort/run-local.js")).runLocal(duck, loaded, source, {
          out: opts.out,
          workers,
          resume: opts.resume === true,
          progress,
          batch,
        });
    const rate = (summary.simulated * summary.steps) / Math.max(summary.wall_s, 1e-9);
    process.stderr.write(
      `clipshock: ${summary.patients} patients x ${summary.steps} steps in ${opts.out} (spec ${loaded.spec.hash}, seed ${loaded.spec.seed}); ${summary.simulated} simulated in ${summary.wall_s.toFixed(1)} s (${summary.mode}): ${rate.toFixed(2)} patient-steps/s\n`,
    );
  } finally {
    duck.close();
  }
}

export interface SummarizeCliOptions {
  by?: string;
  html?: string;
  json?: boolean;
}

export async function runSummarize(file: string, opts: SummarizeCliOptions): Promise<void> {
  const { summarize, summaryText, summaryHtml } = await import("../cohort/summarize.js");
  const duck = await openDuck();
  try {
    const s = await summarize(duck, file, opts.by);
    if (opts.html) {
      const { writeFileSync, renameSync } = await import("node:fs");
      const tmp = `${opts.html}.tmp-${process.pid}`;
      writeFileSync(tmp, summaryHtml(s));
      renameSync(tmp, opts.html);
    }
    process.stdout.write(opts.json ? `${JSON.stringify(s, null, 2)}\n` : summaryText(s));
  } finally {
    duck.close();
  }
}

export interface WorkerCliOptions {
  queue: string;
  concurrency?: string;
  lockS?: string;
  log?: boolean;
}

export async function runWorkerCli(opts: WorkerCliOptions): Promise<void> {
  const concurrency = intOption("concurrency", opts.concurrency, 1, 64) ?? 2;
  const lock_s = intOption("lock-s", opts.lockS, 2, 3600) ?? 30;
  const { runWorker } = await import("../cohort/queue.js");
  await runWorker({ queue: opts.queue, concurrency, lock_s, log: opts.log === true });
}
