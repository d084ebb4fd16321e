/**
 * Cost of each support device per simulated second (issue 15 target: at most 1.3x the same patient
 * without it): the shock preset with acute MR at steady state, then 30 s simulated, median of 7 runs.
 * Prints one JSON object per configuration and the ratio to the patient without devices.
 */
import { presetParams } from "../src/physiology/params.js";
import type { Devices } from "../src/procedure/circuit.js";
import { createSimulation, runState } from "../src/procedure/run-state.js";

const SIM_S = 30;
const RUNS = 9;
const params = presetParams("cardiogenic-shock-acute-mr");
const configs: [string, Devices][] = [
  ["none", { impella: null, clips: [] }],
  ["IABP 1:1 40 mL", { impella: null, clips: [], iabp: { ratio: 1, volume_mL: 40 } }],
  ["VA-ECMO 4 L/min", { impella: null, clips: [], ecmo: { flow_L_min: 4 } }],
  ["Impella CP P6", { impella: { model: "CP", pLevel: 6 }, clips: [] }],
  ["ECPELLA (ECMO 4 + CP P6)", { impella: { model: "CP", pLevel: 6 }, clips: [], ecmo: { flow_L_min: 4 } }],
  ["PASCAL-P10 at A2P2", { impella: null, clips: [{ device: "PASCAL-P10", offset_mm: 0 }] }],
  ["NTW at A2P2", { impella: null, clips: [{ device: "NTW", offset_mm: 0 }] }],
];
let ref = 0;
const states = configs.map(([, devices]) => runState(params, devices).state);
// Pass 0 warms the JIT on every configuration; pass 1 is measured.
for (let pass = 0; pass < 2; pass++)
  for (const [k, [name, devices]] of configs.entries()) {
    const from = states[k];
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const sim = createSimulation(params, devices, from);
      const t0 = performance.now();
      sim.advance(SIM_S);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ms = times[RUNS >> 1] / SIM_S;
    if (name === "none") ref = ms;
    if (pass === 1)
      console.log(
        JSON.stringify({
          device: name,
          cpu_ms_per_simulated_s: +ms.toFixed(3),
          ratio: +(ms / ref).toFixed(3),
        }),
      );
  }
