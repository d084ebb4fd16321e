/** The piscina worker of a cohort run (bundled as dist/workers/cohort-worker.mjs by scripts/build-workers.mjs). */
import { type PatientJob, type PatientResult, runPatient } from "./job.js";

export default function run(job: PatientJob): Promise<PatientResult> {
  return runPatient(job);
}
