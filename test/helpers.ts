import { type Params, type PresetId, presetParams } from "../src/physiology/params.js";
import type { Devices } from "../src/procedure/circuit.js";
import { runState } from "../src/procedure/run-state.js";

export const NO_DEVICES: Devices = { impella: null, clips: [] };

export function steady(
  preset: PresetId,
  overrides: Params = {},
  devices: Devices = NO_DEVICES,
  from?: Record<string, number>,
) {
  return runState({ ...presetParams(preset), ...overrides }, devices, { from });
}
