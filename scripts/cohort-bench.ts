/**
 * Cohort throughput (issue 14): runs docs/cohorts/published-series.yaml for a few patients on worker
 * threads and prints, as its last line, one JSON object:
 *   { "patients", "steps", "wall_s", "patientSteps_per_s", "patients_per_s", "estimate_10000x6_min", "cpu_s",
 *     "estimate_10000x6_min_on_2_free_cores", "load1" }
 * where the 10,000 x 6 figures are extrapolated (not measured): from the wall-clock rate, and from the CPU
 * time used (all threads) as if 2 cores were free.
 * Separate from `npm run bench`, whose last line stays the engine's. `npm run bench:cohort -- --patients 20`
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { openDuck } from "../src/cohort/duck.js";
import { loadCohortSpec, patientSource } from "../src/cohort/load.js";
import { runLocal } from "../src/cohort/run-local.js";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const patients = arg("patients", 8);
const workers = arg("workers", 2);
const dir = mkdtempSync(join(tmpdir(), "cohort-bench-"));
const duck = await openDuck();
try {
  const loaded = loadCohortSpec("docs/cohorts/published-series.yaml", { patients });
  const source = await patientSource(loaded, duck);
  const cpu0 = process.cpuUsage();
  const run = await runLocal(duck, loaded, source, {
    out: join(dir, "b.parquet"),
    workers,
    resume: false,
    progress: false,
  });
  const perSec = (run.simulated * run.steps) / run.wall_s;
  const cpu = process.cpuUsage(cpu0);
  const cpu_s = (cpu.user + cpu.system) / 1e6;
  const perCpu_s = (run.simulated * run.steps) / cpu_s;
  console.log(
    `cohort: ${run.patients} patients x ${run.steps} steps in ${run.wall_s.toFixed(1)} s on ${workers} threads: ${perSec.toFixed(2)} patient-steps/s`,
  );
  console.log(
    JSON.stringify({
      patients: run.patients,
      steps: run.steps,
      wall_s: Number(run.wall_s.toFixed(2)),
      patientSteps_per_s: Number(perSec.toFixed(3)),
      patients_per_s: Number((run.patients / run.wall_s).toFixed(4)),
      estimate_10000x6_min: Number(((10_000 * 6) / perSec / 60).toFixed(1)),
      cpu_s: Number(cpu_s.toFixed(1)),
      estimate_10000x6_min_on_2_free_cores: Number(((10_000 * 6) / (2 * perCpu_s) / 60).toFixed(1)),
      load1: Number(loadavg()[0].toFixed(2)),
    }),
  );
} finally {
  duck.close();
  rmSync(dir, { recursive: true, force: true });
}
