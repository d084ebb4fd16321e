/**
 * The support levels of the wean test (clinical-formulas §4.1 "Effect of Impella on MR assessment";
 * physiology-and-devices §5: "reassess MR and gradient at minimal support (P-2 / ≈ 0.5–1 L/min) before
 * releasing clips"; §6.2: "keep ≥ P-2 while across the valve").
 *
 * - Low support: P2 for a pump run at a P-level; a displayed flow of 1.0 L/min for a pump titrated to a
 *   flow (the upper end of 0.5–1 L/min: it is the level at which the Ugueto-Rodrigo case saw the jet,
 *   and the lower end runs some pumps near their lowest speed). A pump already below that stays where it is.
 * - Pump stopped: P0, the pump left across the aortic valve (it then leaks backwards).
 *
 * Other support (issue 15: the wean test works for any support):
 * - IABP: low support 1:3, the last step of a ratio wean (Trost JC, Hillis LD, Am J Cardiol
 *   2006;97:1391-8); stopped: the balloon off (a flat balloon displaces nothing).
 * - VA-ECMO: low support 1.5 L/min, the flow of a weaning trial (Aissaoui N et al., Intensive Care Med
 *   2011;37:1738-45: trial at 1.5 L/min); stopped: the circuit clamped (no flow).
 */
import type { Devices, EcmoSetting, IabpSetting, ImpellaSetting } from "../circuit.js";

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
  return devicesAtLevel(devices, "low");
}

/** "Impella 5.0 at 1 L/min", "Impella CP at P2", "no pump". */
export function describeSetting(imp: ImpellaSetting | null): string {
  if (!imp) return "no pump";
  if (imp.targetFlow_L_min !== undefined) return `Impella ${imp.model} at ${imp.targetFlow_L_min} L/min`;
  return imp.pLevel === 0 ? `Impella ${imp.model} stopped (P0)` : `Impella ${imp.model} at P${imp.pLevel}`;
}

/** How the low-support setting is chosen, to follow the setting itself in messages. */
export const LOW_SUPPORT_RULE = `P${LOW_SUPPORT_P_LEVEL} for a pump run at a P-level, ${LOW_SUPPORT_FLOW_L_MIN} L/min for a pump titrated to a flow, or the current setting if lower`;

export const LOW_SUPPORT_IABP_RATIO = 3;
export const LOW_SUPPORT_ECMO_FLOW_L_MIN = 1.5;
/** The rule for the IABP and VA-ECMO, to follow their settings in messages. */
export const OTHER_LOW_SUPPORT_RULE = `IABP 1:${LOW_SUPPORT_IABP_RATIO}, VA-ECMO ${LOW_SUPPORT_ECMO_FLOW_L_MIN} L/min or the current flow if lower`;

export function lowIabp(b: IabpSetting): IabpSetting {
  return { ...b, ratio: LOW_SUPPORT_IABP_RATIO };
}

export function lowEcmo(e: EcmoSetting): EcmoSetting {
  const flow = e.flow_L_min ?? Number.POSITIVE_INFINITY;
  return { flow_L_min: Math.min(flow, LOW_SUPPORT_ECMO_FLOW_L_MIN) };
}

/** The devices at a wean-test level: every support device at its low or stopped setting; clips unchanged. */
export function devicesAtLevel(devices: Devices, level: "current" | "low" | "stopped"): Devices {
  if (level === "current") return devices;
  const imp = devices.impella;
  return {
    impella: imp ? (level === "low" ? lowSupportSetting(imp) : stoppedSetting(imp)) : null,
    clips: devices.clips,
    iabp: devices.iabp && level === "low" ? lowIabp(devices.iabp) : null,
    ecmo: devices.ecmo && level === "low" ? lowEcmo(devices.ecmo) : null,
  };
}

/** True when any support device is in place. */
export const hasSupport = (d: Devices): boolean => d.impella !== null || !!d.iabp || !!d.ecmo;

/** "IABP 1:1 40 mL, VA-ECMO 4 L/min" (the non-Impella support), or "" without any. */
export function describeOtherSupport(d: Devices): string {
  const parts: string[] = [];
  if (d.iabp) parts.push(`IABP 1:${d.iabp.ratio} ${d.iabp.volume_mL} mL`);
  if (d.ecmo)
    parts.push(d.ecmo.rpm !== undefined ? `VA-ECMO ${d.ecmo.rpm} rpm` : `VA-ECMO ${d.ecmo.flow_L_min} L/min`);
  return parts.join(", ");
}

/** "Impella CP at P2 + IABP 1:3 40 mL": a wean level in words. */
export function describeLevel(impella: ImpellaSetting | null, other: string): string {
  if (!other) return describeSetting(impella);
  return impella ? `${describeSetting(impella)} + ${other}` : other;
}

/** One column of a wean test's settings in words (the Impella and any other support). */
export function describeWeanLevel(
  settings: {
    current: ImpellaSetting | null;
    lowSupport: ImpellaSetting | null;
    pumpStopped: ImpellaSetting | null;
    other?: { current: string; lowSupport: string; pumpStopped: string };
  },
  level: "current" | "lowSupport" | "pumpStopped",
): string {
  return describeLevel(settings[level], settings.other?.[level] ?? "");
}
