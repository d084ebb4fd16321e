/**
 * Wean test (lesson b of the Ugueto-Rodrigo case: "hemodynamic support should be reduced to assess
 * results since this support can overestimate the reduction of mitral regurgitation"): the same
 * patient and clips at low support and with the pump stopped but left in place, side by side with the
 * current support. Support hides MR when either reduced state grades at least one grade worse.
 */
import type { Measurements } from "../../measure/beat.js";
import type { Devices, ImpellaSetting } from "../circuit.js";
import type { StateJob } from "./job.js";
import type { PlanState } from "./state-at.js";
import { describeSetting, LOW_SUPPORT_RULE, lowSupportSetting, stoppedSetting } from "./support.js";
import type { WeanTest } from "./types.js";

/** Grades of MR that support must hide before the planner warns. */
export const HIDDEN_GRADES = 1;

export interface WeanSettings {
  current: ImpellaSetting | null;
  lowSupport: ImpellaSetting | null;
  pumpStopped: ImpellaSetting | null;
}

export function weanSettings(devices: Devices): WeanSettings {
  const imp = devices.impella;
  return {
    current: imp,
    lowSupport: imp ? lowSupportSetting(imp) : null,
    pumpStopped: imp ? stoppedSetting(imp) : null,
  };
}

/** The job for the state with the pump set to `impella` (same parameters and clips). */
export function withPump(state: PlanState, impella: ImpellaSetting, pvLoop = false): StateJob {
  return {
    params: state.params,
    devices: { impella, clips: state.devices.clips },
    from: state.state,
    pvLoop,
  };
}

export function weanTest(
  current: Measurements,
  lowSupport: Measurements | null,
  pumpStopped: Measurements | null,
  settings: WeanSettings,
): WeanTest {
  const worst = Math.max(lowSupport?.mr_grade ?? -1, pumpStopped?.mr_grade ?? -1);
  const supportHidesMR = worst >= current.mr_grade + HIDDEN_GRADES;
  const note = settings.current
    ? `current: ${describeSetting(settings.current)}; low support: ${describeSetting(settings.lowSupport)} (${LOW_SUPPORT_RULE}); stopped: P0 with the pump left across the aortic valve`
    : "no pump in place: nothing to wean";
  return { current, lowSupport, pumpStopped, supportHidesMR, settings, note };
}
