/**
 * What the Impella console shows besides flow and speed, and its alarms, from one step's measurements
 * (pure; no Node or DOM). The model has no motor or purge system: motor current and purge figures are
 * plausible displays (marked estimates), shaped by what drives them on the real console (speed and
 * hydraulic load; the purge's fixed dextrose flow). The placement signal is the pressure at the
 * pump's outlet, in the aorta when the pump sits across the aortic valve, as the model places it.
 * Alarm names follow the console's own (Impella IFU alarm list): Suction, Retrograde flow,
 * Target flow not reached, Position.
 */
import { IMPELLA } from "../devices/impella/models.js";
import type { Measurements } from "../measure/beat.js";
import type { ImpellaSetting } from "./circuit.js";

export type PumpAlarmCode = "suction" | "retrograde-flow" | "target-flow-not-reached" | "position";

export interface PumpAlarm {
  code: PumpAlarmCode;
  message: string;
}

/** The console's flow target tolerance: a miss larger than this (L/min) raises "target flow not reached". */
export const TARGET_FLOW_TOLERANCE_L_MIN = 0.1;
/** Below this pulsatility (mmHg) the placement signal cannot tell an aortic from a ventricular waveform. */
export const PLACEMENT_PULSATILITY_MIN_MMHG = 10;

const f = (x: number, d = 1) => {
  const s = x.toFixed(d);
  return Number(s) === 0 ? (0).toFixed(d) : s;
};

export function pumpAlarms(m: Measurements, imp: ImpellaSetting | null | undefined): PumpAlarm[] {
  if (!imp) return [];
  const out: PumpAlarm[] = [];
  if (m.suction)
    out.push({
      code: "suction",
      message: `Suction: the inlet draws the LV down (minimum flow ${f(m.pump_flow_min_L_min, 2)} L/min); check filling (LVEDV ${f(m.lvedv_mL, 0)} mL), RV function and position; lower the P-level.`,
    });
  if (m.pump_flow_L_min < 0)
    out.push({
      code: "retrograde-flow",
      message: `Retrograde flow: ${f(-m.pump_flow_L_min, 2)} L/min runs back from the aorta into the LV through the ${m.pLevel === 0 ? "stopped" : "slow"} pump (P${f(m.pLevel, 0)}); raise it to at least P2 or remove it.`,
    });
  if (
    imp.targetFlow_L_min !== undefined &&
    m.pump_flow_L_min < imp.targetFlow_L_min - TARGET_FLOW_TOLERANCE_L_MIN
  ) {
    const top = m.pLevel >= 9;
    out.push({
      code: "target-flow-not-reached",
      message: `Target flow not reached: ${f(m.pump_flow_L_min, 2)} of ${f(imp.targetFlow_L_min, 2)} L/min${top ? " at P9, the pump's maximum" : ""}; the head (aortic minus LV pressure) limits the flow: lower the target, or support the afterload and filling.`,
    });
  }
  const pulsatility = m.sbp_mmHg - m.dbp_mmHg;
  if (pulsatility < PLACEMENT_PULSATILITY_MIN_MMHG)
    out.push({
      code: "position",
      message: `Position unknown: the placement signal's pulsatility is ${f(pulsatility)} mmHg (below ${PLACEMENT_PULSATILITY_MIN_MMHG}), too flat to show an aortic waveform; confirm the position by echo (inlet about 3.5 cm below the aortic annulus).`,
    });
  return out;
}

export interface ConsoleDisplay {
  /** Placement signal: the pressure at the outlet (aortic when positioned across the valve). */
  placement: { waveform: "aortic"; systolic_mmHg: number; diastolic_mmHg: number; pulsatility_mmHg: number };
  /** Motor current (mA): an estimate from speed and hydraulic load; its swing follows the flow's. */
  motorCurrent_mA: number;
  motorCurrentMin_mA: number;
  motorCurrentMax_mA: number;
  /** Purge pressure (mmHg) and flow (mL/h): estimates of a working purge. */
  purgePressure_mmHg: number;
  purgeFlow_mL_h: number;
  /** Figures that are estimates, not model outputs. */
  estimated: string[];
}

/** mA at speed n (krpm) with no flow, per krpm² [E]; and per L/min of flow [E]. */
const CURRENT_IDLE_MA = 100;
const CURRENT_PER_KRPM2_MA = 0.25;
const CURRENT_PER_LMIN_MA = 60;

export function consoleDisplay(m: Measurements, imp: ImpellaSetting): ConsoleDisplay {
  const d = IMPELLA[imp.model];
  // The larger pumps spin slower for the same work: scale so P9 of each model draws alike.
  const scale = (46 / d.speeds_krpm[9]) ** 2;
  const n = m.pump_speed_rpm / 1000;
  const current = (q: number) =>
    n > 0 ? CURRENT_IDLE_MA + CURRENT_PER_KRPM2_MA * scale * n * n + CURRENT_PER_LMIN_MA * Math.max(0, q) : 0;
  return {
    placement: {
      waveform: "aortic",
      systolic_mmHg: m.sbp_mmHg,
      diastolic_mmHg: m.dbp_mmHg,
      pulsatility_mmHg: m.sbp_mmHg - m.dbp_mmHg,
    },
    motorCurrent_mA: current(m.pump_flow_L_min),
    motorCurrentMin_mA: current(m.pump_flow_min_L_min),
    motorCurrentMax_mA: current(m.pump_flow_max_L_min),
    purgePressure_mmHg: n > 0 ? 400 + 6 * n : 300,
    purgeFlow_mL_h: n > 0 ? 12 : 8,
    estimated: [
      "motorCurrent_mA",
      "motorCurrentMin_mA",
      "motorCurrentMax_mA",
      "purgePressure_mmHg",
      "purgeFlow_mL_h",
    ],
  };
}
