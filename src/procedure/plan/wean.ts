/**
 * Wean test (lesson b of the Ugueto-Rodrigo case: "hemodynamic support should be reduced to assess
 * results since this support can overestimate the reduction of mitral regurgitation"): the same
 * patient and clips at low support and with the pump stopped but left in place, side by side with the
 * current support. The look at low support is timed, as at the bedside: the echo is taken a few minutes
 * after the change (WEAN_HOLD_S), not at a new steady state hours later; the same state is then left
 * to settle to say where the patient goes (a new steady state, or deterioration: cannot be weaned).
 * Support hides MR when low support grades at least one grade worse and the orifice is clearly larger
 * (at least HIDDEN_EROA_RATIO × the current one), so that one index crossing a threshold is not enough.
 */
import type { Measurements } from "../../measure/beat.js";
import type { Devices, ImpellaSetting } from "../circuit.js";
import type { CollapseReport } from "../types.js";
import type { StateJob } from "./job.js";
import type { PlanState } from "./state-at.js";
import { describeSetting, LOW_SUPPORT_RULE, lowSupportSetting, stoppedSetting } from "./support.js";
import type { WeanOutlook, WeanTest } from "./types.js";

/** Grades of MR that support must hide before the planner warns. */
export const HIDDEN_GRADES = 1;
/** Least growth of the orifice at low support that counts as hidden MR (a clear margin, not a threshold flip) [E]. */
export const HIDDEN_EROA_RATIO = 1.2;
/**
 * Seconds at low support before the wean test's look [E]: a TEE reassessment after a change of
 * support takes a few minutes (the Ugueto-Rodrigo case reassessed at 1 L/min and went back up); 3 min.
 */
export const WEAN_HOLD_S = 180;
/** MAP (mmHg) a patient must keep at low support to count as weanable (SCAI/CardShock hypotension, clinical-formulas §3). */
export const WEAN_MIN_MAP_MMHG = 60;

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
export function withPump(
  state: PlanState,
  impella: ImpellaSetting,
  pvLoop = false,
  hold_s?: number,
): StateJob {
  return {
    params: state.params,
    devices: { impella, clips: state.devices.clips },
    from: state.state,
    pvLoop,
    hold_s,
  };
}

/** Where a patient left at low support goes, from the timed look and the settled state. */
export function weanOutlook(
  look: Measurements,
  settled: Measurements,
  collapse: CollapseReport,
): WeanOutlook {
  const verdict: WeanOutlook["verdict"] = collapse.collapsed
    ? "collapses"
    : settled.map_mmHg < WEAN_MIN_MAP_MMHG
      ? "deteriorates"
      : "settles";
  return {
    verdict,
    weanable: verdict === "settles",
    mapChange_mmHg: settled.map_mmHg - look.map_mmHg,
    cpoChange_W: settled.cpo_W - look.cpo_W,
    mapBelow60_s: collapse.mapBelow60_s,
    mapBelow50_s: collapse.mapBelow50_s,
  };
}

export function weanTest(
  current: Measurements,
  lowSupport: Measurements | null,
  pumpStopped: Measurements | null,
  settings: WeanSettings,
  settled: { measurements: Measurements; collapse: CollapseReport } | null = null,
  hold_s = WEAN_HOLD_S,
): WeanTest {
  const eroaRatio =
    lowSupport && current.mr_eroa_cm2 > 0 ? lowSupport.mr_eroa_cm2 / current.mr_eroa_cm2 : null;
  const gradeWorse = (lowSupport?.mr_grade ?? -1) >= current.mr_grade + HIDDEN_GRADES;
  const supportHidesMR = gradeWorse && eroaRatio !== null && eroaRatio >= HIDDEN_EROA_RATIO;
  const outlook =
    lowSupport && settled ? weanOutlook(lowSupport, settled.measurements, settled.collapse) : null;
  const note = settings.current
    ? `current: ${describeSetting(settings.current)}; low support: ${describeSetting(settings.lowSupport)} (${LOW_SUPPORT_RULE}), looked at after ${hold_s} s and then left to settle; stopped: P0 with the pump left across the aortic valve`
    : "no pump in place: nothing to wean";
  return {
    current,
    lowSupport,
    assessmentHold_s: hold_s,
    lowSupportSettled: settled?.measurements ?? null,
    outlook,
    eroaRatio,
    pumpStopped,
    supportHidesMR,
    settings,
    note,
  };
}

/** "settles (MAP −3 mmHg)", "collapses: MAP below 60 mmHg after 95 s, below 50 after 160 s: cannot be weaned". */
export function outlookText(o: WeanOutlook): string {
  const change = `MAP ${o.mapChange_mmHg >= 0 ? "+" : ""}${o.mapChange_mmHg.toFixed(1)} mmHg, CPO ${o.cpoChange_W >= 0 ? "+" : ""}${o.cpoChange_W.toFixed(2)} W from the look to the settled state`;
  const times = [
    o.mapBelow60_s !== null ? `MAP below 60 mmHg after ${o.mapBelow60_s.toFixed(0)} s` : "",
    o.mapBelow50_s !== null ? `below 50 after ${o.mapBelow50_s.toFixed(0)} s` : "",
  ]
    .filter((x) => x)
    .join(", ");
  if (o.verdict === "settles") return `settles (${change})`;
  return `${o.verdict}${times ? `: ${times}` : ""} (${change}): cannot be weaned`;
}
