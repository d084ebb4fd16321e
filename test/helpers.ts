import { type Params, type PresetId, presetParams } from "../src/physiology/params.js";
import type { Devices } from "../src/procedure/circuit.js";
import { runState } from "../src/procedure/run-state.js";
import { InputError } from "../src/procedure/types.js";

export const NO_DEVICES: Devices = { impella: null, clips: [] };

export function steady(
  preset: PresetId,
  overrides: Params = {},
  devices: Devices = NO_DEVICES,
  from?: Record<string, number>,
) {
  return runState({ ...presetParams(preset), ...overrides }, devices, { from });
}

/** The `path: message` lines of the InputError that `f` throws ([] when it throws none). */
export function inputProblems(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}
