/**
 * `npm run bench`: speed, accuracy and convergence of the engine, as a record (issue 10).
 * Progress on stderr; writes test-results/bench.json; the LAST stdout line is one JSON object with
 * the contract's keys { model, simulated_s, wall_ms, realtimeFactor, dt_ms, maxRelError_pct } plus:
 *
 * - wall_ms / wall_min_ms: median and best of RUNS timings of 60 s simulated (shock preset with acute
 *   MR, Impella CP at P6, baroreflex on), after a warm-up; cpu_ms: median process CPU time of the same
 *   runs (less sensitive to other load on a shared machine). realtimeFactor = 60 s / median wall.
 * - rhsPerSimulatedSecond: right-hand-side evaluations per simulated second of those runs.
 * - maxRelError_pct: largest relative error of the contract measurements against the same run at a
 *   ten times finer step, worst of three configurations (that one, the same without pump, the normal
 *   preset); errorByConfiguration_pct gives each. Both runs use a tight steady state (24-beat
 *   windows, 0.02 %, 3 in a row; the fine run starts from the coarse state) so the difference is the
 *   step's, not the convergence tolerance's.
 * - convergence: share of CONV_N random valid scenarios (test/random-case.ts, 30 % of changed
 *   parameters at a range end) whose steady state converged within the 150 s cap, and of the
 *   built-in cases' steady-state steps (timed holds excluded).
 * - steadyState_warm_ms: median steady state from the preset (same configuration) in this process
 *   after warm-up; steadyState_cold_ms: the first one in a fresh `node` process on the built
 *   dist/ (import time reported apart), null without a build.
 * - simulateCase_ms: `simulateScenario` of each built-in case, warm; cohort: patient-steps per second
 *   over COHORT random patients, each run through a 3-step timeline.
 * Timing is never a pass/fail test.
 */
import { execFileSync, execSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { DEFAULT_DT_S } from "../src/engine/simulation.js";
import { CONTRACT_NUMERIC_KEYS } from "../src/measure/beat.js";
import { type Params, presetParams } from "../src/physiology/params.js";
import { CASES } from "../src/procedure/cases/index.js";
import type { Devices } from "../src/procedure/circuit.js";
import { simulateScenario } from "../src/procedure/execute.js";
import { createSimulation, runState } from "../src/procedure/run-state.js";
import type { Scenario } from "../src/procedure/types.js";
import { randomCase } from "../test/random-case.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CONV_N = Number(process.env.BENCH_CONV_N ?? 100);
const COHORT = Number(process.env.BENCH_COHORT ?? 10);
const SIM_S = 60;
const dt = DEFAULT_DT_S;
const log = (s: string) => process.stderr.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 1) => Number(x.toFixed(d));

const shock = presetParams("cardiogenic-shock-acute-mr");
const cp6: Devices = { impella: { model: "CP", pLevel: 6 }, clips: [] };
const none: Devices = { impella: null, clips: [] };

// 0. Warm-up: JIT the step loop and the measurement path.
const warm = runState(shock, cp6);
createSimulation(shock, cp6, warm.state).advance(20);

// 1. Speed: 60 s simulated from the steady state.
const walls: number[] = [];
const cpus: number[] = [];
let rhs = 0;
for (let i = 0; i < RUNS; i++) {
  const sim = createSimulation(shock, cp6, warm.state, dt);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  sim.advance(SIM_S);
  walls.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpus.push((c.user + c.system) / 1000);
  rhs = sim.evaluations / SIM_S;
}
const wall = median(walls);
log(`60 s simulated: median ${wall.toFixed(1)} ms, best ${Math.min(...walls).toFixed(1)} ms (${RUNS} runs)`);

// 2. Accuracy against a ten times finer step.
const tight = { windowBeats: 24, consecutive: 3, tolerance: 2e-4 };
function maxError(params: Params, devices: Devices): { pct: number; worst: string } {
  const coarse = runState(params, devices, { dt_s: dt, ...tight });
  const fine = runState(params, devices, { dt_s: dt / 10, ...tight, from: coarse.state });
  let maxRel = 0;
  let worst = "";
  for (const k of CONTRACT_NUMERIC_KEYS) {
    const a = coarse.measurements[k];
    const b = fine.measurements[k];
    const rel = Math.abs(b) > 0.05 ? Math.abs(a - b) / Math.abs(b) : Math.abs(a - b) > 0.005 ? 1 : 0;
    if (rel > maxRel) {
      maxRel = rel;
      worst = k;
    }
  }
  return { pct: round(maxRel * 100, 3), worst };
}
log(`reference runs at dt = ${((dt / 10) * 1000).toFixed(2)} ms...`);
const errors = {
  "shock + Impella CP P6": maxError(shock, cp6),
  "shock, no pump": maxError(shock, none),
  normal: maxError(presetParams("normal"), none),
};
const worstConfig = Object.entries(errors).sort((a, b) => b[1].pct - a[1].pct)[0];
log(`max error: ${JSON.stringify(errors)}`);

// 3. Steady state from the preset: warm here, cold in a fresh process.
const ssWarm: number[] = [];
let ss = warm;
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  ss = runState(shock, cp6);
  ssWarm.push(performance.now() - t0);
}
let cold: { import_ms: number; steadyState_ms: number } | null = null;
if (existsSync("dist/index.js")) {
  const code = `const t0 = performance.now(); const m = await import("./dist/index.js"); const t1 = performance.now();
    m.runState(m.presetParams("cardiogenic-shock-acute-mr"), { impella: { model: "CP", pLevel: 6 }, clips: [] });
    const t2 = performance.now(); console.log(JSON.stringify({ import_ms: t1 - t0, steadyState_ms: t2 - t1 }));`;
  const colds: { import_ms: number; steadyState_ms: number }[] = [];
  for (let i = 0; i < 5; i++)
    colds.push(JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code]).toString()));
  cold = {
    import_ms: round(median(colds.map((c) => c.import_ms))),
    steadyState_ms: round(median(colds.map((c) => c.steadyState_ms))),
  };
}
log(
  `steady state: warm ${median(ssWarm).toFixed(1)} ms, cold ${cold ? JSON.stringify(cold) : "n/a (no build)"}`,
);

// 4. Convergence over random valid scenarios and the built-in cases.
let conv = 0;
let tried = 0;
const notConverged: number[] = [];
const failed: string[] = [];
for (let seed = 1; seed <= CONV_N; seed++) {
  const { params, devices } = randomCase(seed, 0.3);
  tried++;
  try {
    if (runState(params, devices).converged) conv++;
    else notConverged.push(seed);
  } catch (e) {
    failed.push(`seed ${seed}: ${(e as Error).message}`);
  }
}
const caseMs: Record<string, number> = {};
let caseSteps = 0;
let caseConverged = 0;
for (const c of CASES) {
  const t0 = performance.now();
  const r = simulateScenario(c);
  caseMs[c.id] = round(performance.now() - t0);
  // A timed hold (hold_s) reports the end of the hold, not a steady state.
  const ss = r.steps.filter((s) => s.assessment !== "timed");
  caseSteps += ss.length;
  caseConverged += ss.filter((s) => s.converged).length;
}
log(
  `converged: ${conv}/${tried} random (not: ${notConverged.join(", ")}), ${caseConverged}/${caseSteps} case steps`,
);

// 5. Cohort throughput: random patients through pump → clip → wean.
const cohortT0 = performance.now();
let cohortSteps = 0;
for (let seed = 1001; seed < 1001 + COHORT; seed++) {
  const { params } = randomCase(seed, 0);
  const scenario: Scenario = {
    id: `cohort-${seed}`,
    patient: { preset: "cardiogenic-shock-acute-mr", overrides: params as Scenario["patient"]["overrides"] },
    steps: [
      { name: "CP P6", impella: { model: "CP", pLevel: 6 } },
      { name: "clip", clip: { device: "NTW", position: "A2P2" } },
      { name: "P2", impella: { pLevel: 2 } },
    ],
  } as Scenario;
  try {
    cohortSteps += simulateScenario(scenario).steps.length;
  } catch {
    // an input the schema would reject (e.g. a clip that does not fit) is skipped
  }
}
const cohortS = (performance.now() - cohortT0) / 1000;

let commit = "unknown";
try {
  commit = execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] })
    .toString()
    .trim();
} catch {}
const record = {
  model: "cardiogenic-shock-acute-mr + Impella CP P6, baroreflex on",
  simulated_s: SIM_S,
  wall_ms: round(wall),
  realtimeFactor: Math.round((SIM_S * 1000) / wall),
  dt_ms: dt * 1000,
  maxRelError_pct: worstConfig[1].pct,
  worstMeasurement: `${worstConfig[1].worst} (${worstConfig[0]})`,
  wall_min_ms: round(Math.min(...walls)),
  cpu_ms: round(median(cpus)),
  runs: RUNS,
  rhsPerSimulatedSecond: Math.round(rhs),
  errorByConfiguration_pct: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.pct])),
  steadyState_warm_ms: round(median(ssWarm)),
  steadyState_cold_ms: cold?.steadyState_ms ?? null,
  import_cold_ms: cold?.import_ms ?? null,
  steadyState_simulated_s: round(ss.simulated_s),
  converged: ss.converged,
  convergence: {
    random: round(conv / tried, 4),
    randomSet: `${tried} scenarios, test/random-case.ts seeds 1-${CONV_N}, 30 % range ends`,
    notConvergedSeeds: notConverged,
    failed,
    caseSteps: `${caseConverged}/${caseSteps}`,
  },
  simulateCase_ms: caseMs,
  cohort_patientStepsPerSecond: round(cohortSteps / cohortS, 1),
  machine: `${process.platform} ${process.arch}, node ${process.version}`,
  commit,
};
mkdirSync("test-results", { recursive: true });
writeFileSync("test-results/bench.json", `${JSON.stringify(record, null, 2)}\n`);
console.log(JSON.stringify(record));
