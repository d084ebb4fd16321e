/**
 * A cohort on this machine: patients go to worker threads a few at a time (never all N at once),
 * results stream into the store's parts, and the parts become one Parquet file at the end.
 */
import { cohortColumns } from "./columns.js";
import type { Duck } from "./duck.js";
import type { LoadedSpec, PatientSource } from "./load.js";
import { createPatientPool, type PatientPool } from "./pool.js";
import { cohortProgress } from "./progress.js";
import { ResultStore } from "./store.js";

export interface LocalRunOptions {
  out: string;
  workers: number;
  resume: boolean;
  progress: boolean;
  workerScript?: string;
  /** Patients per Parquet part (tests use small parts). */
  batch?: number;
}

export interface RunSummary {
  patients: number;
  steps: number;
  /** Patients simulated by this run (the rest were there from an interrupted run). */
  simulated: number;
  wall_s: number;
  mode: string;
}

export async function openStore(
  duck: Duck,
  loaded: LoadedSpec,
  source: PatientSource,
  out: string,
  resume: boolean,
  batch?: number,
) {
  const { spec } = loaded;
  return ResultStore.open(duck, {
    out,
    resume,
    batch,
    columns: cohortColumns(spec, source.tableColumns),
    manifest: { specHash: spec.hash, seed: spec.seed, patients: source.n, steps: spec.steps.length },
  });
}

export async function runLocal(
  duck: Duck,
  loaded: LoadedSpec,
  source: PatientSource,
  opts: LocalRunOptions,
): Promise<RunSummary> {
  const t0 = performance.now();
  const store = await openStore(duck, loaded, source, opts.out, opts.resume, opts.batch);
  const already = store.count;
  const pool: PatientPool = createPatientPool(opts.workers, opts.workerScript);
  if (pool.note && opts.progress) process.stderr.write(`clipshock: ${pool.note}\n`);
  const progress = cohortProgress(source.n, already, opts.progress);
  const inFlight = Math.max(1, pool.threads * 2);
  let next = 0;
  let writing = Promise.resolve();
  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      let active = 0;
      let failed = false;
      const launch = () => {
        while (!failed && active < inFlight && next < source.n) {
          const i = next++;
          if (store.done[i]) continue;
          active++;
          pool.run(source.job(i)).then(
            (r) => {
              active--;
              store.add(r);
              progress.update(store.count);
              if (store.due()) writing = writing.then(() => store.flush());
              writing.catch((e) => {
                failed = true;
                rejectAll(e);
              });
              if (active === 0 && next >= source.n) resolveAll();
              else launch();
            },
            (e) => {
              failed = true;
              rejectAll(e);
            },
          );
        }
        if (active === 0 && next >= source.n) resolveAll();
      };
      launch();
    });
    await writing;
    await store.finish();
  } finally {
    progress.stop();
    await pool.close();
  }
  return {
    patients: source.n,
    steps: loaded.spec.steps.length,
    simulated: source.n - already,
    wall_s: (performance.now() - t0) / 1000,
    mode: pool.mode === "workers" ? `${pool.threads} worker threads` : "in-process",
  };
}
