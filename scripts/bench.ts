/**
 * `npm run bench`: speed and accuracy of the full model (shock preset with acute MR, Impella CP at
 * P6, baroreflex on). Prints progress to stderr and, as its last line, one JSON object:
 * { model, simulated_s, wall_ms, realtimeFactor, dt_ms, maxRelError_pct, steadyState_ms, ... }.
 * maxRelError_pct: the largest relative error of the contract's measurements against the same run
 * at a ten times finer step.
 */
import { execSync } from "node:child_process";
import { DEFAULT_DT_S } from "../src/engine/simulation.js";
import { CONTRACT_NUMERIC_KEYS } from "../src/measure/beat.js";
import { presetParams } from "../src/physiology/params.js";
import type { Devices } from "../src/procedure/circuit.js";
import { createSimulation, runState } from "../src/procedure/run-state.js";

const CONTRACT_KEYS = CONTRACT_NUMERIC_KEYS;

const params = presetParams("cardiogenic-shock-acute-mr");
const devices: Devices = { impella: { model: "CP", pLevel: 6 }, clips: [] };
const dt = DEFAULT_DT_S;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. Steady state from the preset (cold start), median of 5.
const ssTimes: number[] = [];
let coarse: ReturnType<typeof runState> | null = null;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  coarse = runState(params, devices, { dt_s: dt });
  ssTimes.push(performance.now() - t0);
}
if (!coarse) throw new Error("no run");
process.stderr.write(
  `steady state from preset: ${median(ssTimes).toFixed(0)} ms (${coarse.simulated_s.toFixed(0)} s simulated)\n`,
);

// 2. 60 s of simulation from the steady state, median of 5.
const SIM_S = 60;
const walls: number[] = [];
for (let i = 0; i < 5; i++) {
  const sim = createSimulation(params, devices, coarse.state, dt);
  const t0 = performance.now();
  sim.advance(SIM_S);
  walls.push(performance.now() - t0);
}
const wall = median(walls);
process.stderr.write(`60 s simulated in ${wall.toFixed(1)} ms\n`);

// 3. Accuracy against a ten times finer step.
process.stderr.write(`reference run at dt = ${(dt * 100).toFixed(2)} ms...\n`);
const fine = runState(params, devices, { dt_s: dt / 10 });
let maxRel = 0;
let worstKey = "";
for (const k of CONTRACT_KEYS) {
  const a = coarse.measurements[k];
  const b = fine.measurements[k];
  const rel = Math.abs(b) > 0.05 ? Math.abs(a - b) / Math.abs(b) : Math.abs(a - b) > 0.005 ? 1 : 0;
  if (rel > maxRel) {
    maxRel = rel;
    worstKey = k;
  }
}
let commit = "unknown";
try {
  commit = execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] })
    .toString()
    .trim();
} catch {}
console.log(
  JSON.stringify({
    model: "cardiogenic-shock-acute-mr + Impella CP P6, baroreflex on",
    simulated_s: SIM_S,
    wall_ms: Number(wall.toFixed(1)),
    realtimeFactor: Number(((SIM_S * 1000) / wall).toFixed(0)),
    dt_ms: dt * 1000,
    maxRelError_pct: Number((maxRel * 100).toFixed(3)),
    worstMeasurement: worstKey,
    steadyState_ms: Number(median(ssTimes).toFixed(1)),
    steadyState_simulated_s: Number(coarse.simulated_s.toFixed(1)),
    converged: coarse.converged,
    commit,
  }),
);
