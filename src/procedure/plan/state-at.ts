/**
 * The state the planner starts from: the scenario run up to and including step `index`, with that
 * step's parameters, devices, end state (to continue the same patient from) and measurements.
 */
import type { Measurements } from "../../measure/beat.js";
import type { Params } from "../../physiology/params.js";
import type { Devices } from "../circuit.js";
import { simulateScenario } from "../execute.js";
import type { Scenario, StepResult } from "../types.js";

export interface PlanState {
  index: number;
  step: StepResult;
  params: Params;
  devices: Devices;
  state: Record<string, number>;
  measurements: Measurements;
}

export function stateAt(
  scenario: Scenario,
  index: number,
  onStep?: (done: number, total: number, name: string) => void,
): PlanState {
  const upTo: Scenario = { ...scenario, steps: scenario.steps.slice(0, index + 1) };
  const run = simulateScenario(upTo, { onProgress: onStep });
  const step = run.steps[index];
  return {
    index,
    step,
    params: run.stepParams[index],
    devices: run.stepDevices[index],
    state: run.states[index],
    measurements: step.measurements,
  };
}
