/**
 * Cohorts past one machine: patients as jobs on a BullMQ queue in Redis.
 *
 * - `clipshock cohort <spec> --queue redis://host:port` (the coordinator) puts every patient not yet in
 *   the results on the queue (job id = spec hash + patient id, so adding it twice is a no-op), collects
 *   finished jobs into the result store, and removes each job only after its rows are on disk. A
 *   coordinator killed at any moment can be started again with --resume.
 * - `clipshock worker --queue redis://host:port` runs patients on worker threads, so its event loop stays
 *   free to renew job locks. A worker killed with SIGKILL loses its lock; after the lock time another
 *   worker's stalled-job check puts the job back (maxStalledCount is high: a kill is not the job's fault).
 *   A patient computed twice is written once: the store keeps the first result (same job, same rows).
 */
import { type ConnectionOptions, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { CliError } from "../cli/errors.js";
import type { Duck } from "./duck.js";
import { errorRows, type PatientJob, type PatientResult } from "./job.js";
import type { LoadedSpec, PatientSource } from "./load.js";
import { createPatientPool } from "./pool.js";
import { cohortProgress } from "./progress.js";
import type { RunSummary } from "./run-local.js";
import { openStore } from "./run-local.js";

export const QUEUE_NAME = "clipshock-cohort";
const ADD_CHUNK = 500;
const COLLECT_PAGE = 200;
const POLL_MS = 300;

export function parseRedisUrl(url: string): { host: string; port: number } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new CliError(`--queue ${url}: not a URL; expected redis://host:port`, 2);
  }
  if (u.protocol !== "redis:") throw new CliError(`--queue ${url}: expected redis://host:port`, 2);
  const port = u.port === "" ? 6379 : Number(u.port);
  return { host: u.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1", port };
}

/** Connects once, with no retries, so that an unreachable Redis is one line and exit 2. */
export async function checkRedis(url: string): Promise<{ host: string; port: number }> {
  const where = parseRedisUrl(url);
  const client = new Redis({
    ...where,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  let first: NodeJS.ErrnoException | undefined;
  client.on("error", (e: NodeJS.ErrnoException) => {
    first ??= e;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    const err = first ?? (e as NodeJS.ErrnoException);
    throw new CliError(`cannot reach Redis at ${url}: ${err.code ?? err.message.split("\n")[0]}`, 2);
  } finally {
    client.disconnect();
  }
  return where;
}

const connectionOf = (where: { host: string; port: number }): ConnectionOptions => ({
  ...where,
  maxRetriesPerRequest: null,
});

const jobIdOf = (job: Pick<PatientJob, "specHash" | "id">) =>
  `${job.specHash}-${job.id}`.replace(/[^A-Za-z0-9_.-]/g, "_");

export interface QueueRunOptions {
  out: string;
  queue: string;
  resume: boolean;
  progress: boolean;
  batch?: number;
}

export async function runQueued(
  duck: Duck,
  loaded: LoadedSpec,
  source: PatientSource,
  opts: QueueRunOptions,
): Promise<RunSummary> {
  const t0 = performance.now();
  const where = await checkRedis(opts.queue);
  const store = await openStore(duck, loaded, source, opts.out, opts.resume, opts.batch);
  const already = store.count;
  const queue = new Queue(QUEUE_NAME, { connection: connectionOf(where) });
  queue.on("error", () => {});
  const progress = cohortProgress(source.n, already, opts.progress);
  const hash = loaded.spec.hash;
  try {
    for (let start = 0; start < source.n; start += ADD_CHUNK) {
      const batch = [];
      for (let i = start; i < Math.min(source.n, start + ADD_CHUNK); i++) {
        if (store.done[i]) continue;
        const data = source.job(i);
        batch.push({
          name: "patient",
          data,
          opts: {
            jobId: jobIdOf(data),
            attempts: 5,
            backoff: { type: "fixed", delay: 1000 },
            removeOnComplete: false,
            removeOnFail: false,
          },
        });
      }
      if (batch.length > 0) await queue.addBulk(batch);
    }
    while (store.count < source.n) {
      let collected = 0;
      const toRemove: { remove(): Promise<void> }[] = [];
      for (const state of ["completed", "failed"] as const) {
        const jobs = await queue.getJobs([state], 0, COLLECT_PAGE - 1, true);
        for (const job of jobs) {
          const data = job.data as PatientJob | undefined;
          if (!data || data.specHash !== hash) continue;
          const result: PatientResult =
            state === "completed"
              ? (job.returnvalue as PatientResult)
              : {
                  index: data.index,
                  id: data.id,
                  rows: errorRows(data, `worker failure: ${job.failedReason ?? "unknown"}`),
                };
          if (store.add(result)) collected++;
          toRemove.push(job);
        }
      }
      if (toRemove.length > 0) {
        // Rows on disk first, then the jobs go: a kill in between leaves jobs the next run drops as done.
        await store.flush();
        for (const j of toRemove) await j.remove().catch(() => {});
        progress.update(store.count);
      }
      if (collected === 0) await new Promise((r) => setTimeout(r, POLL_MS));
    }
    await store.finish();
  } finally {
    progress.stop();
    await queue.close();
  }
  return {
    patients: source.n,
    steps: loaded.spec.steps.length,
    simulated: source.n - already,
    wall_s: (performance.now() - t0) / 1000,
    mode: `Redis queue ${opts.queue}`,
  };
}

export interface WorkerOptions {
  queue: string;
  concurrency: number;
  lock_s: number;
  workerScript?: string;
  /** One line on stderr per finished patient. */
  log: boolean;
}

export async function runWorker(opts: WorkerOptions): Promise<void> {
  const where = await checkRedis(opts.queue);
  const pool = createPatientPool(opts.concurrency, opts.workerScript);
  const worker = new Worker(QUEUE_NAME, async (job) => pool.run(job.data as PatientJob), {
    connection: connectionOf(where),
    concurrency: opts.concurrency,
    lockDuration: opts.lock_s * 1000,
    stalledInterval: Math.max(1000, (opts.lock_s * 1000) / 2),
    maxStalledCount: 1000,
  });
  let lastError = 0;
  worker.on("error", (e) => {
    if (Date.now() - lastError > 10_000)
      process.stderr.write(`clipshock worker: ${e.message.split("\n")[0]}\n`);
    lastError = Date.now();
  });
  if (opts.log)
    worker.on("completed", (job) =>
      process.stderr.write(`clipshock worker: ${(job.data as PatientJob).id} done\n`),
    );
  process.stderr.write(
    `clipshock worker: waiting for patients on ${opts.queue} (queue ${QUEUE_NAME}, ${pool.mode === "workers" ? `${pool.threads} threads` : "in-process"}); Ctrl-C stops\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await worker.close();
  await pool.close();
}
