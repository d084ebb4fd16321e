/**
 * Gradient interpretation (lesson c of the Ugueto-Rodrigo case: "anemia and tachycardia ... could
 * overestimate the residual gradient"; clinical-formulas §4.3: the gradient rises with diastolic flow
 * and heart rate, ΔP ∝ (Q_diastolic / MVA)², so read it with HR, CO and Hb and with an area).
 *
 * The same valve (same clips) is simulated at reference conditions — heart rate 70 bpm, haemoglobin
 * 13 g/dL, no pump — and at every mix of current and reference conditions. The difference between
 * the current and reference gradients is split among the three factors by Shapley values, so the
 * shares do not depend on an arbitrary order of changes.
 *   flow      the pump's added flow (pump in place vs removed)
 *   heartRate hr_bpm current vs 70
 *   anaemia   hb_g_dL current vs 13 (viscosity, systemic resistance, hence output)
 */
import type { Measurements } from "../../measure/beat.js";
import type { Params } from "../../physiology/params.js";
import type { StateJob } from "./job.js";
import { shapley } from "./shapley.js";
import type { PlanState } from "./state-at.js";
import type { GradientAnalysis, GradientFactor } from "./types.js";

export const REFERENCE_HR_BPM = 70;
export const REFERENCE_HB_G_DL = 13;
export const GRADIENT_FACTORS: readonly GradientFactor[] = ["flow", "heartRate", "anaemia"];

/** A mix of conditions: the factors listed keep their current value, the others are at reference. */
export type Mix = ReadonlySet<GradientFactor>;

export const mixKey = (mix: Mix): string =>
  GRADIENT_FACTORS.filter((f) => mix.has(f)).join("+") || "reference";

/** Every mix, the all-current one first. */
export function allMixes(): Mix[] {
  const out: Mix[] = [];
  for (let mask = (1 << GRADIENT_FACTORS.length) - 1; mask >= 0; mask--)
    out.push(new Set(GRADIENT_FACTORS.filter((_, i) => mask & (1 << i))));
  return out;
}

export function mixJob(state: PlanState, mix: Mix): StateJob {
  const params: Params = { ...state.params };
  if (!mix.has("heartRate")) params.hr_bpm = REFERENCE_HR_BPM;
  if (!mix.has("anaemia")) params.hb_g_dL = REFERENCE_HB_G_DL;
  return {
    params,
    // The flow factor is the support's: every support device in place (Impella, IABP, VA-ECMO) or none.
    devices: mix.has("flow")
      ? state.devices
      : { impella: null, clips: state.devices.clips, iabp: null, ecmo: null },
    from: state.state,
  };
}

/** `byMix` holds the measurements of every mix, keyed by mixKey. */
export function gradientAnalysis(byMix: ReadonlyMap<string, Measurements>): GradientAnalysis {
  const at = (mix: Mix): Measurements => {
    const m = byMix.get(mixKey(mix));
    if (!m) throw new Error(`gradient analysis: no result for ${mixKey(mix)}`);
    return m;
  };
  const current = at(new Set(GRADIENT_FACTORS));
  const reference = at(new Set());
  const contributions_mmHg = shapley(GRADIENT_FACTORS, (mix) => at(mix).mv_gradient_mean_mmHg);
  return {
    current_mmHg: current.mv_gradient_mean_mmHg,
    reference_mmHg: reference.mv_gradient_mean_mmHg,
    valveArea_cm2: current.mv_area_cm2,
    contributions_mmHg,
    method: "shapley",
    reference: { hr_bpm: REFERENCE_HR_BPM, hb_g_dL: REFERENCE_HB_G_DL, impella: null },
    subsets: allMixes().map((mix) => ({
      flow: mix.has("flow"),
      heartRate: mix.has("heartRate"),
      anaemia: mix.has("anaemia"),
      gradient_mmHg: at(mix).mv_gradient_mean_mmHg,
      transmitralFlow_L_min: at(mix).transmitral_flow_L_min,
    })),
    referenceMeasurements: reference,
  };
}
