/**
 * The support devices' console readouts over one beat, from a columnar trace (0 where a device is
 * absent or a readout does not apply, e.g. unassisted pressures at 1:1).
 *
 * IABP (as its console shows them; Trost JC, Hillis LD, Am J Cardiol 2006;97:1391-8): the augmented
 * diastolic pressure (peak aortic pressure while the balloon is inflated), the systolic and aortic
 * end-diastolic pressures of a beat whose preceding diastole was assisted and of one whose was not.
 *
 * VA-ECMO: mean flow, speed, drainage (pump inlet), pre- and post-oxygenator pressures, drainage suction.
 *
 * Pump haemolysis index (Impella): the power-law blood-damage model HI = C·τ^2.416·t^0.785 (Giersiepen M
 * et al., Int J Artif Organs 1990;13:300-6) with the rotor's shear τ ∝ speed and exposure per passage
 * t ∝ 1/flow, so the damage rate ∝ Q·τ^2.416·t^0.785 ∝ n^2.416·Q^0.215; suction narrows the inlet and
 * raises the shear: the rate is multiplied by (1 + 4·suction share) [E]. Normalised to 1 at the Impella
 * CP at P6 (39 krpm) delivering 2.5 L/min free of suction [E]: a relative indicator, not a prediction of
 * plasma free haemoglobin. Suction index: share of the beat with inlet suction (%).
 */
import type { Trace } from "../engine/trace.js";
import { ML_S_PER_L_MIN } from "../units/index.js";

export interface DeviceReadouts {
  iabp_augmented_diastolic_mmHg: number;
  iabp_assisted_systolic_mmHg: number;
  iabp_unassisted_systolic_mmHg: number;
  iabp_assisted_end_diastolic_mmHg: number;
  iabp_unassisted_end_diastolic_mmHg: number;
  ecmo_flow_L_min: number;
  ecmo_speed_rpm: number;
  ecmo_drainage_mmHg: number;
  ecmo_pre_oxygenator_mmHg: number;
  ecmo_post_oxygenator_mmHg: number;
  ecmo_suction_fraction: number;
  pump_haemolysis_index: number;
  pump_suction_index_pct: number;
}

export const IABP_KEYS = [
  "iabp_augmented_diastolic_mmHg",
  "iabp_assisted_systolic_mmHg",
  "iabp_unassisted_systolic_mmHg",
  "iabp_assisted_end_diastolic_mmHg",
  "iabp_unassisted_end_diastolic_mmHg",
] as const satisfies readonly (keyof DeviceReadouts)[];

export const DEVICE_MEAN_KEYS = [
  "ecmo_flow_L_min",
  "ecmo_speed_rpm",
  "ecmo_drainage_mmHg",
  "ecmo_pre_oxygenator_mmHg",
  "ecmo_post_oxygenator_mmHg",
  "ecmo_suction_fraction",
  "pump_haemolysis_index",
  "pump_suction_index_pct",
] as const satisfies readonly (keyof DeviceReadouts)[];

/** Balloon command above which the balloon counts as inflated. */
const INFLATED = 0.5;
/** Haemolysis model: Giersiepen exponents and the reference operating point [E]. */
const SHEAR_EXPONENT = 2.416;
const TIME_EXPONENT = 0.785;
const REF_SPEED_KRPM = 39;
const REF_FLOW_L_MIN = 2.5;
const SUCTION_SHEAR_FACTOR = 4;

/**
 * Haemolysis index (1 = Impella CP at P6, 2.5 L/min, no suction) for a mean speed (krpm), mean forward
 * flow (L/min) and suction share (0..1). See the header for the law.
 */
export function haemolysisIndex(speed_krpm: number, flow_L_min: number, suctionShare: number): number {
  if (speed_krpm <= 0) return 0;
  const q = Math.max(flow_L_min, 0.1) / REF_FLOW_L_MIN;
  return (
    (speed_krpm / REF_SPEED_KRPM) ** SHEAR_EXPONENT *
    q ** (1 - TIME_EXPONENT) *
    (1 + SUCTION_SHEAR_FACTOR * suctionShare)
  );
}

export function measureDevices(
  tr: Trace,
  start: number,
  end: number,
  lvOnset: number,
  pumpSpeed_krpm: number,
  pumpFlow_L_min: number,
  pumpSuctionShare: number,
): DeviceReadouts {
  const out: DeviceReadouts = {
    iabp_augmented_diastolic_mmHg: 0,
    iabp_assisted_systolic_mmHg: 0,
    iabp_unassisted_systolic_mmHg: 0,
    iabp_assisted_end_diastolic_mmHg: 0,
    iabp_unassisted_end_diastolic_mmHg: 0,
    ecmo_flow_L_min: 0,
    ecmo_speed_rpm: 0,
    ecmo_drainage_mmHg: 0,
    ecmo_pre_oxygenator_mmHg: 0,
    ecmo_post_oxygenator_mmHg: 0,
    ecmo_suction_fraction: 0,
    pump_haemolysis_index: haemolysisIndex(pumpSpeed_krpm, pumpFlow_L_min, pumpSuctionShare),
    pump_suction_index_pct: 100 * pumpSuctionShare,
  };
  if (tr.has("iabp.command")) balloon(tr, start, end, lvOnset, out);
  if (tr.has("ecmo.q_mL_s")) ecmo(tr, start, end, out);
  return out;
}

function balloon(tr: Trace, start: number, end: number, onset: number, out: DeviceReadouts): void {
  const pAo = tr.col("ao.p_mmHg");
  const g = tr.col("iabp.command");
  const after = tr.col("iabp.afterAssist");
  const qAv = tr.col("av.q_mL_s");
  // End of diastole: the lowest aortic pressure from the beat's start to the first ejection after onset.
  let i = Math.max(start, Math.min(onset, end - 1));
  while (i < end - 1 && qAv[i] <= 1) i++;
  let edp = Infinity;
  for (let k = start; k <= i; k++) if (pAo[k] < edp) edp = pAo[k];
  // Systolic: highest aortic pressure during ejection (or, if the valve stays shut, before the balloon
  // inflates again); augmented diastolic: highest while the balloon is up.
  let sys = -Infinity;
  let aug = 0;
  for (let k = onset; k < end; k++) {
    if (g[k] >= INFLATED) {
      if (pAo[k] > aug) aug = pAo[k];
    } else if (qAv[k] > 1 && pAo[k] > sys) sys = pAo[k];
  }
  if (!Number.isFinite(sys))
    for (let k = onset; k < end && g[k] < INFLATED; k++) if (pAo[k] > sys) sys = pAo[k];
  out.iabp_augmented_diastolic_mmHg = aug;
  const mid = Math.min(end - 1, onset + 1);
  if (!Number.isFinite(sys)) sys = 0;
  if (after[mid] > 0.5) {
    out.iabp_assisted_systolic_mmHg = sys;
    out.iabp_assisted_end_diastolic_mmHg = edp;
  } else {
    out.iabp_unassisted_systolic_mmHg = sys;
    out.iabp_unassisted_end_diastolic_mmHg = edp;
  }
}

function ecmo(tr: Trace, start: number, end: number, out: DeviceReadouts): void {
  const w = tr.col("dt_s");
  const cols = [
    tr.col("ecmo.q_mL_s"),
    tr.col("ecmo.speed_krpm"),
    tr.col("ecmo.drainage_mmHg"),
    tr.col("ecmo.preOxygenator_mmHg"),
    tr.col("ecmo.postOxygenator_mmHg"),
    tr.col("ecmo.suction"),
  ];
  const sums = [0, 0, 0, 0, 0, 0];
  let dur = 0;
  for (let k = start; k < end; k++) {
    dur += w[k];
    for (let c = 0; c < cols.length; c++) sums[c] += cols[c][k] * w[k];
  }
  const n = dur > 0 ? dur : 1;
  out.ecmo_flow_L_min = sums[0] / n / ML_S_PER_L_MIN;
  out.ecmo_speed_rpm = (sums[1] / n) * 1000;
  out.ecmo_drainage_mmHg = sums[2] / n;
  out.ecmo_pre_oxygenator_mmHg = sums[3] / n;
  out.ecmo_post_oxygenator_mmHg = sums[4] / n;
  out.ecmo_suction_fraction = sums[5] / n;
}

/** Mean of a readout over the beats where it applies (non-zero), 0 if none. */
export function meanWhereMeasured(values: readonly number[]): number {
  let s = 0;
  let n = 0;
  for (const v of values)
    if (v !== 0) {
      s += v;
      n++;
    }
  return n > 0 ? s / n : 0;
}
