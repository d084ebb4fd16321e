/**
 * Clips the scenario itself deploys from a given step on, and the pump in place when each goes in:
 * a replay of the steps' device changes (no simulation), so the interference check covers the clips a
 * scenario plans as well as those the search proposes.
 */
import { num } from "../../physiology/params.js";
import type { Devices } from "../circuit.js";
import { applyStep, initialParams } from "../execute.js";
import type { Scenario } from "../types.js";
import { namedPosition } from "./clip-screen.js";
import { locateClip } from "./locate.js";
import type { PlannedClip } from "./types.js";

export interface ScheduledClip {
  stepIndex: number;
  stepName: string;
  clip: PlannedClip;
  pumpInPlace: boolean;
  length_mm: number;
}

export function scheduledClips(scenario: Scenario, fromIndex: number): ScheduledClip[] {
  let params = initialParams(scenario);
  let devices: Devices = { impella: null, clips: [] };
  const out: ScheduledClip[] = [];
  scenario.steps.forEach((step, i) => {
    const before = devices.clips.length;
    const r = applyStep(step, i, params, devices);
    params = r.params;
    devices = r.devices;
    if (i < fromIndex) return;
    const length_mm = num(params, "mv.commissuralLength_mm");
    for (const c of devices.clips.slice(before)) {
      const position = namedPosition(c.offset_mm, length_mm);
      out.push({
        stepIndex: i,
        stepName: step.name,
        clip: { ...c, ...(position ? { position } : {}), ...locateClip(c.offset_mm, length_mm) },
        pumpInPlace: devices.impella !== null,
        length_mm,
      });
    }
  });
  return out;
}
