/**
 * The piscina worker of the planner: runs one StateJob. Bundled by scripts/build-workers.mjs to
 * dist/workers/clip-search.mjs (a .ts worker cannot load under tsx on Node 20).
 */
import { runJob, type StateJob, type StateOutcome } from "./job.js";

export default function clipSearchWorker(job: StateJob): StateOutcome {
  return runJob(job);
}
