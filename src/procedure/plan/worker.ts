/**
 * The piscina worker of the planner: runs one StateJob. Bundled by scripts/build-workers.mjs to
 * dist/workers/plan-worker.mjs (a .ts worker cannot load under tsx on Node 20).
 */
import { runJob, type StateJob, type StateOutcome } from "./job.js";

export default function planWorker(job: StateJob): StateOutcome {
  return runJob(job);
}
