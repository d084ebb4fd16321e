/**
 * The support levels of the wean test (clinical-formulas §4.1 "Effect of Impella on MR assessment";
 * physiology-and-devices §5: "reassess MR and gradient at minimal support (P-2 / ≈ 0.5–1 L/min) before
 * releasing clips"; §6.2: "keep ≥ P-2 while across the valve").
 *
 * - Low support: P2 for a pump run at a P-level; a displayed flow of 1.0 L/min for a pump titrated to a
 *   flow (the upper end of 0.5–1 L/min: it is the level at which the Ugueto-Rodrigo case saw the jet,
 *   and the lower end runs some pumps near their lowest speed). A pump already below that stays where it is.
 * - Pump stopped: P0, the pump left across the aortic valve (it then leaks backwards).
 */
import type { Devices, ImpellaSetting } from "../circuit.js";

export const LOW_SUPPORT_P_LEVEL = 2;
export const LOW_SUPPORT_FLOW_L_MIN = 1.0;

export function lowSupportSetting(imp: ImpellaSetting): ImpellaSetting {
  if (imp.targetFlow_L_min !== undefined) {
    return { model: imp.model, targetFlow_L_min: Math.min(imp.targetFlow_L_min, LOW_SUPPORT_FLOW_L_MIN) };
  }
  return { model: imp.model, pLevel: Math.min(imp.pLevel ?? LOW_SUPPORT_P_LEVEL, LOW_SUPPORT_P_LEVEL) };
}

export function stoppedSetting(imp: ImpellaSetting): ImpellaSetting {
  return { model: imp.model, pLevel: 0 };
}

/** The same devices with the pump at low support (unchanged without a pump). */
export function atLowSupport(devices: Devices): Devices {
  return { impella: devices.impella ? lowSupportSetting(devices.impella) : null, clips: devices.clips };
}

/** "Impella 5.0 at 1 L/min", "Impella CP at P2", "no pump". */
export function describeSetting(imp: ImpellaSetting | null): string {
  if (!imp) return "no pump";
  if (imp.targetFlow_L_min !== undefined) return `Impella ${imp.model} at ${imp.targetFlow_L_min} L/min`;
  return imp.pLevel === 0 ? `Impella ${imp.model} stopped (P0)` : `Impella ${imp.model} at P${imp.pLevel}`;
}

/** How the low-support setting is chosen, to follow the setting itself in messages. */
export const LOW_SUPPORT_RULE = `P${LOW_SUPPORT_P_LEVEL} for a pump run at a P-level, ${LOW_SUPPORT_FLOW_L_MIN} L/min for a pump titrated to a flow, or the current setting if lower`;
