/**
 * Where the planner's simulations run: on piscina worker threads (the bundled worker,
 * dist/workers/plan-worker.mjs) or, when that file is missing or no workers are asked for, in this
 * thread. Both take the same plain-data StateJob and give the same StateOutcome.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { runJob, type StateJob, type StateOutcome } from "./job.js";

export interface Evaluator {
  mode: "workers" | "in-process";
  workers: number;
  /** Why it runs in-process, when it does. */
  note?: string;
  run(job: StateJob): Promise<StateOutcome>;
  close(): Promise<void>;
}

/** The bundled worker beside this module's build (src/procedure/plan and dist/procedure/plan sit at the same depth). */
export const DEFAULT_WORKER_SCRIPT = fileURLToPath(
  new URL("../../../dist/workers/plan-worker.mjs", import.meta.url),
);

export interface EvaluatorOptions {
  workers?: number;
  workerScript?: string;
}

/**
 * Worker threads used when none are asked for: none on 2 cores or fewer. Each worker starts cold
 * (its own module load and JIT warm-up) and the scenario's steps run one after another, so on the
 * 2-core development machine `plan impella5-wean-test` took 3.4-4.2 s in-process against 5.5-6.9 s
 * on 2 workers (issue 10, measured under the load of three sessions). With more cores, 2 workers.
 */
export function defaultWorkers(): number {
  return availableParallelism() > 2 ? 2 : 0;
}

export function createEvaluator(options: EvaluatorOptions = {}): Evaluator {
  const workers = options.workers ?? defaultWorkers();
  const script = options.workerScript ?? DEFAULT_WORKER_SCRIPT;
  if (workers <= 0)
    return inProcess(
      options.workers === undefined
        ? "in-process: on 2 cores worker threads cost more than they save"
        : "no worker threads asked for",
    );
  if (!existsSync(script))
    return inProcess(`bundled worker ${script} not found (run \`npm run build\`); simulating in-process`);
  const pool = new Piscina({ filename: script, minThreads: workers, maxThreads: workers });
  return {
    mode: "workers",
    workers,
    run: (job) => pool.run(job) as Promise<StateOutcome>,
    close: () => pool.destroy(),
  };
}

function inProcess(note: string): Evaluator {
  return {
    mode: "in-process",
    workers: 0,
    note,
    // Yield to the event loop between simulations so progress can be drawn.
    run: (job) => new Promise((resolve) => setImmediate(() => resolve(runJob(job)))),
    close: async () => {},
  };
}
