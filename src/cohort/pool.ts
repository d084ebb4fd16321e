/**
 * Where patients are simulated: piscina worker threads running the bundled worker
 * (dist/workers/cohort-worker.mjs), or this thread when that file is missing or 0 workers are asked for.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { type PatientJob, type PatientResult, runPatient } from "./job.js";

export interface PatientPool {
  mode: "workers" | "in-process";
  threads: number;
  note?: string;
  run(job: PatientJob): Promise<PatientResult>;
  close(): Promise<void>;
}

export const COHORT_WORKER_SCRIPT = fileURLToPath(
  new URL("../../dist/workers/cohort-worker.mjs", import.meta.url),
);

export function createPatientPool(threads: number, script = COHORT_WORKER_SCRIPT): PatientPool {
  const inProcess = (note: string): PatientPool => ({
    mode: "in-process",
    threads: 1,
    note,
    run: (job) => new Promise((res, rej) => setImmediate(() => runPatient(job).then(res, rej))),
    close: async () => {},
  });
  if (threads <= 0) return inProcess("no worker threads asked for");
  if (!existsSync(script))
    return inProcess(`bundled worker ${script} not found (run \`npm run build\`); simulating in-process`);
  const pool = new Piscina({ filename: script, minThreads: threads, maxThreads: threads });
  return {
    mode: "workers",
    threads,
    run: (job) => pool.run(job) as Promise<PatientResult>,
    close: () => pool.destroy(),
  };
}
