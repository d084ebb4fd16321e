/**
 * Measurements of one beat, as a clinician reads them, from a columnar trace. Pure functions; the
 * contract's `simulate --json` keys plus a few more.
 */
import type { Trace } from "../engine/trace.js";
import type { Segment } from "../physiology/params.js";
import { tableAt } from "../physiology/valve/tabulated.js";
import { cardiacPower_W, ML_S_PER_L_MIN } from "../units/index.js";
import { mrGrade } from "./mr-grade.js";

export interface Measurements {
  hr_bpm: number;
  map_mmHg: number;
  sbp_mmHg: number;
  dbp_mmHg: number;
  co_L_min: number;
  native_co_L_min: number;
  pump_flow_L_min: number;
  pump_flow_min_L_min: number;
  pump_flow_max_L_min: number;
  pump_speed_rpm: number;
  pLevel: number;
  suction: boolean;
  suction_fraction: number;
  cpo_W: number;
  lvedp_mmHg: number;
  lvedv_mL: number;
  lvesv_mL: number;
  lvef_pct: number;
  lvsp_mmHg: number;
  lap_mean_mmHg: number;
  lap_v_mmHg: number;
  pcwp_mmHg: number;
  rap_mmHg: number;
  pap_mean_mmHg: number;
  pasp_mmHg: number;
  padp_mmHg: number;
  rvedv_mL: number;
  rvesv_mL: number;
  mr_rvol_mL: number;
  mr_rf_pct: number;
  mr_eroa_cm2: number;
  mr_grade: number;
  mr_eroa_by_segment_cm2: Record<Segment, number>;
  mr_peak_velocity_m_s: number;
  mv_gradient_mean_mmHg: number;
  mv_area_cm2: number;
  mv_peak_velocity_m_s: number;
  transmitral_flow_L_min: number;
  diastolic_filling_time_s: number;
  aortic_valve_opens: boolean;
  total_blood_volume_mL: number;
  /** Systemic vascular resistance (MAP − RAP)/CO. */
  svr_mmHg_s_mL: number;
  svr_dyn_s_cm5: number;
  /** Pulmonary artery pulsatility index (PASP − PADP)/RAP. */
  papi: number;
  /** Oxygen delivery CO × CaO2 × 10 (clinical-formulas §5). */
  do2_mL_min: number;
  /** Mean coronary blood flow (mL/min). */
  coronary_flow_mL_min: number;
  /** Coronary perfusion pressure as clinicians compute it: aortic diastolic minus LV end-diastolic pressure (mmHg). */
  coronary_perfusion_mmHg: number;
  /** O2 the coronary flow delivers to the myocardium (flow × CaO2 × extraction, mL O2/min). */
  coronary_o2_supply_mL_min: number;
  /** Myocardial O2 demand (mL O2/min) from the LV's wall tension-time. */
  myocardial_o2_demand_mL_min: number;
  /** O2 supply at maximal coronary dilation over demand: below 1 the myocardium is ischaemic. */
  coronary_reserve_ratio: number;
  /** LV contractile function left by perfusion (% of the fully supplied heart). */
  lv_function_pct: number;
  /** Pulmonary venous flow: peak systolic over peak diastolic forward flow (echo's S/D ratio). */
  pv_s_d_ratio: number;
  /** Pulmonary venous flow reverses in systole (a specific sign of severe MR). */
  pv_systolic_reversal: boolean;
  /** Most negative pulmonary venous flow in systole (mL/s; 0 without reversal). */
  pv_systolic_reversal_mL_s: number;
}

export interface BeatContext {
  /** Residual EROA shares per segment (sum 1), from the clip geometry. */
  segmentShares: Record<Segment, number>;
  /** P-level shown by the console (fixed level, or nearest to the titrated speed). */
  pLevelOf: (speed_krpm: number) => number;
  /** Arterial O2 content (mL/dL) for O2 delivery. */
  cao2_mL_dL: number;
  /** Time from the beat's start (atrial activation) to LV activation at a 1-s beat (s); scales with √T. */
  avDelay_s?: number;
  /** Residual orifice per segment as a function of the tethering state (clips and patient). */
  segmentTable?: { du: number; bySegment: Record<Segment, Float64Array> };
}

/** Columns measureBeat reads (a simulation's per-beat trace need keep no others). */
export const MEASURED_CHANNELS: readonly string[] = [
  "t_s",
  "dt_s",
  "ao.p_mmHg",
  "lv.p_mmHg",
  "lv.v_mL",
  "la.p_mmHg",
  "ra.p_mmHg",
  "pa.p_mmHg",
  "pvn.p_mmHg",
  "mv.q_mL_s",
  "av.q_mL_s",
  "mv.area_cm2",
  "impella.q_mL_s",
  "impella.speed_krpm",
  "impella.suction",
  "la.v_mL",
  "ao.v_mL",
  "sa.v_mL",
  "sv.v_mL",
  "ra.v_mL",
  "rv.v_mL",
  "pa.v_mL",
  "pvn.v_mL",
  "heart.phase",
  "rpv.q_mL_s",
  "mv.tethering",
  "mv.regurgitantArea_cm2",
  "coronary.q_mL_s",
  "myocardium.o2Supply_mL_s",
  "myocardium.o2Demand_mL_s",
  "myocardium.reserveRatio",
  "myocardium.function",
];

const VOLUME_COLUMNS = [
  "la.v_mL",
  "lv.v_mL",
  "ao.v_mL",
  "sa.v_mL",
  "sv.v_mL",
  "ra.v_mL",
  "rv.v_mL",
  "pa.v_mL",
  "pvn.v_mL",
];

export function measureBeat(tr: Trace, ctx: BeatContext, start = 0, end = tr.length): Measurements {
  const w = tr.col("dt_s");
  let dur = 0;
  for (let i = start; i < end; i++) dur += w[i];
  const pAo = tr.col("ao.p_mmHg");
  const pLv = tr.col("lv.p_mmHg");
  const vLv = tr.col("lv.v_mL");
  const pLa = tr.col("la.p_mmHg");
  const pRa = tr.col("ra.p_mmHg");
  const pPa = tr.col("pa.p_mmHg");
  const pPv = tr.col("pvn.p_mmHg");
  const vRv = tr.col("rv.v_mL");
  const qMv = tr.col("mv.q_mL_s");
  const qAv = tr.col("av.q_mL_s");
  const aMv = tr.col("mv.area_cm2");
  const hasPump = tr.has("impella.q_mL_s");
  const qPump = hasPump ? tr.col("impella.q_mL_s") : null;
  const speed = hasPump ? tr.col("impella.speed_krpm") : null;
  const suct = hasPump ? tr.col("impella.suction") : null;
  const vols = VOLUME_COLUMNS.map((c) => tr.col(c));

  let sumAo = 0;
  let maxAo = -Infinity;
  let minAo = Infinity;
  let sumAv = 0;
  let sumPump = 0;
  let minPump = Infinity;
  let maxPump = -Infinity;
  let sumSpeed = 0;
  let suctionSamples = 0;
  let edv = -Infinity;
  let edp = 0;
  let esv = Infinity;
  let lvsp = -Infinity;
  let sumLa = 0;
  let maxLa = -Infinity;
  let sumPv = 0;
  let sumRa = 0;
  let sumPa = 0;
  let maxPa = -Infinity;
  let minPa = Infinity;
  let rvedv = -Infinity;
  let rvesv = Infinity;
  let rvol = 0;
  let vti = 0;
  let peakMr = 0;
  let fwdMv = 0;
  let gradSum = 0;
  let gradN = 0;
  let mvArea = 0;
  let peakMv = 0;
  let avOpenSamples = 0;
  let volSum = 0;
  for (let i = start; i < end; i++) {
    const ao = pAo[i];
    const dt = w[i];
    sumAo += ao * dt;
    if (ao > maxAo) maxAo = ao;
    if (ao < minAo) minAo = ao;
    sumAv += qAv[i] * dt;
    if (qAv[i] > 1) avOpenSamples += dt;
    if (qPump !== null && speed !== null && suct !== null) {
      const qp = qPump[i];
      sumPump += qp * dt;
      if (qp < minPump) minPump = qp;
      if (qp > maxPump) maxPump = qp;
      sumSpeed += speed[i] * dt;
      suctionSamples += suct[i] * dt;
    }
    const v = vLv[i];
    if (v > edv) edv = v;
    if (v < esv) esv = v;
    if (pLv[i] > lvsp) lvsp = pLv[i];
    sumLa += pLa[i] * dt;
    if (pLa[i] > maxLa) maxLa = pLa[i];
    sumPv += pPv[i] * dt;
    sumRa += pRa[i] * dt;
    sumPa += pPa[i] * dt;
    if (pPa[i] > maxPa) maxPa = pPa[i];
    if (pPa[i] < minPa) minPa = pPa[i];
    if (vRv[i] > rvedv) rvedv = vRv[i];
    if (vRv[i] < rvesv) rvesv = vRv[i];
    const q = qMv[i];
    const a = aMv[i];
    const vel_cm_s = q / a;
    // Share of this sample's interval with forward flow, interpolating the zero crossings so the
    // inflow envelope's length does not jitter with the time grid.
    const qNext = i + 1 < end ? qMv[i + 1] : q;
    const share = q >= 0 ? (qNext >= 0 ? 1 : q / (q - qNext)) : qNext > 0 ? qNext / (qNext - q) : 0;
    if (q < 0) {
      rvol -= q * dt;
      vti -= vel_cm_s * dt;
      if (-vel_cm_s > peakMr) peakMr = -vel_cm_s;
    } else {
      fwdMv += q * dt;
      if (q > 1 && a > mvArea) mvArea = a;
      if (vel_cm_s > peakMv) peakMv = vel_cm_s;
    }
    // Mean transmitral gradient: LA − LV pressure averaged over the inflow envelope, by the
    // trapezoid rule on the forward part of the interval (its ends interpolated), so that the
    // figure converges at second order in the step rather than first.
    if (share > 0) {
      const g0 = pLa[i] - pLv[i];
      const g1 = i + 1 < end ? pLa[i + 1] - pLv[i + 1] : g0;
      const from = q >= 0 ? 0 : 1 - share;
      const to = from + share;
      gradSum += 0.5 * (g0 + from * (g1 - g0) + g0 + to * (g1 - g0)) * dt * share;
      gradN += dt * share;
    }
    let vt = 0;
    for (let c = 0; c < vols.length; c++) vt += vols[c][i];
    volSum += vt * dt;
  }
  // LVEDP where the catheter reads it: at the onset of LV activation (the end of filling; with a
  // pump or clips the LV may still gain volume after it, so the largest volume is not the moment).
  edp = lvPressureAtOnset(tr, ctx, start, end, dur);
  const extra = coronaryAndVenous(tr, start, end, n0(dur));
  const tethering = tetheringShares(tr, ctx, start, end);
  const toLmin = 1 / ML_S_PER_L_MIN;
  const n = dur > 0 ? dur : 1;
  const meanAv = sumAv / n;
  const meanPump = hasPump ? sumPump / n : 0;
  const co = (meanAv + meanPump) * toLmin;
  const map = sumAo / n;
  const hr = dur > 0 ? 60 / dur : 0;
  // Regurgitant fraction as echo's volumetric method reads it: RVol over the total LV stroke volume
  // (EDV − ESV from LV volumes). With a pump in place this differs from RVol/(RVol + forward flow
  // incl. pump) of reference §3.4, which would let the pump's diastolic flow dilute the fraction.
  const totalSv = edv - esv;
  const rf = totalSv > 0 ? Math.min(100, (100 * rvol) / totalSv) : 0;
  const eroa = vti > 0 ? rvol / vti : 0;
  const seg = ctx.segmentShares;
  const pvSD = pulmonaryVenous(tr, ctx, start, end, dur);
  const meanSpeed = hasPump ? sumSpeed / n : 0;
  const suctionFraction = hasPump ? suctionSamples / n : 0;
  return {
    hr_bpm: hr,
    map_mmHg: map,
    sbp_mmHg: maxAo,
    dbp_mmHg: minAo,
    co_L_min: co,
    native_co_L_min: meanAv * toLmin,
    pump_flow_L_min: meanPump * toLmin,
    pump_flow_min_L_min: hasPump ? minPump * toLmin : 0,
    pump_flow_max_L_min: hasPump ? maxPump * toLmin : 0,
    pump_speed_rpm: meanSpeed * 1000,
    pLevel: hasPump ? ctx.pLevelOf(meanSpeed) : 0,
    suction: suctionFraction > 0.2,
    suction_fraction: suctionFraction,
    cpo_W: cardiacPower_W(map, co),
    lvedp_mmHg: edp,
    lvedv_mL: edv,
    lvesv_mL: esv,
    lvef_pct: edv > 0 ? (100 * (edv - esv)) / edv : 0,
    lvsp_mmHg: lvsp,
    lap_mean_mmHg: sumLa / n,
    lap_v_mmHg: maxLa,
    pcwp_mmHg: sumPv / n,
    rap_mmHg: sumRa / n,
    pap_mean_mmHg: sumPa / n,
    pasp_mmHg: maxPa,
    padp_mmHg: minPa,
    rvedv_mL: rvedv,
    rvesv_mL: rvesv,
    mr_rvol_mL: rvol,
    mr_rf_pct: rf,
    mr_eroa_cm2: eroa,
    mr_grade: mrGrade(eroa, rvol, rf),
    mr_eroa_by_segment_cm2: {
      A1P1: eroa * (tethering ?? seg).A1P1,
      A2P2: eroa * (tethering ?? seg).A2P2,
      A3P3: eroa * (tethering ?? seg).A3P3,
    },
    // A jet velocity only where there is a jet (the closed valve's regularising leak is not one).
    mr_peak_velocity_m_s: rvol >= MIN_JET_RVOL_ML ? peakMr / 100 : 0,
    mv_gradient_mean_mmHg: gradN > 0 ? gradSum / gradN : 0,
    mv_area_cm2: mvArea,
    mv_peak_velocity_m_s: peakMv / 100,
    transmitral_flow_L_min: (fwdMv / Math.max(dur, 1e-9)) * toLmin,
    diastolic_filling_time_s: gradN,
    aortic_valve_opens: avOpenSamples > 0.02,
    total_blood_volume_mL: volSum / n,
    svr_mmHg_s_mL: co > 0 ? (map - sumRa / n) / (co * ML_S_PER_L_MIN) : 0,
    svr_dyn_s_cm5: co > 0 ? (80 * (map - sumRa / n)) / co : 0,
    papi: sumRa > 0 ? (maxPa - minPa) / (sumRa / n) : 0,
    do2_mL_min: co * ctx.cao2_mL_dL * 10,
    coronary_flow_mL_min: extra.coronaryFlow_mL_s * 60,
    coronary_perfusion_mmHg: minAo - edp,
    coronary_o2_supply_mL_min: extra.supply_mL_s * 60,
    myocardial_o2_demand_mL_min: extra.demand_mL_s * 60,
    coronary_reserve_ratio: extra.reserve,
    lv_function_pct: extra.function * 100,
    pv_s_d_ratio: pvSD.ratio,
    pv_systolic_reversal: pvSD.reversal < -MIN_REVERSAL_ML_S,
    pv_systolic_reversal_mL_s: pvSD.reversal < -MIN_REVERSAL_ML_S ? pvSD.reversal : 0,
  };
}

/** Regurgitant volume below which there is no jet to measure (mL): the closed valve's leak gives < 1. */
const MIN_JET_RVOL_ML = 1;
/** Pulmonary venous backflow that counts as systolic reversal (mL/s) [E: ≈ 5 cm/s in a 1.5-cm² vein]. */
const MIN_REVERSAL_ML_S = 5;

const n0 = (dur: number): number => (dur > 0 ? dur : 1);

/** LV pressure at the onset of LV activation (AV delay × √T after the beat's start). */
function lvPressureAtOnset(tr: Trace, ctx: BeatContext, start: number, end: number, dur: number): number {
  const p = tr.col("lv.p_mmHg");
  if (ctx.avDelay_s === undefined || !tr.has("heart.phase") || dur <= 0) {
    // Without timing: pressure at the largest volume.
    const v = tr.col("lv.v_mL");
    let k = start;
    for (let i = start; i < end; i++) if (v[i] > v[k]) k = i;
    return p[k];
  }
  const onset = (ctx.avDelay_s * Math.sqrt(dur)) / dur;
  const phase = tr.col("heart.phase");
  for (let i = start; i < end - 1; i++) {
    if (phase[i] <= onset && phase[i + 1] > onset) {
      const f = (onset - phase[i]) / (phase[i + 1] - phase[i]);
      return p[i] + f * (p[i + 1] - p[i]);
    }
  }
  return p[start];
}

/** Beat means of the coronary channels (0 where a circuit has none). */
function coronaryAndVenous(
  tr: Trace,
  start: number,
  end: number,
  dur: number,
): {
  coronaryFlow_mL_s: number;
  supply_mL_s: number;
  demand_mL_s: number;
  reserve: number;
  function: number;
} {
  const w = tr.col("dt_s");
  const mean = (name: string, absent: number): number => {
    if (!tr.has(name)) return absent;
    const c = tr.col(name);
    let s = 0;
    for (let i = start; i < end; i++) s += c[i] * w[i];
    return s / dur;
  };
  return {
    coronaryFlow_mL_s: mean("coronary.q_mL_s", 0),
    supply_mL_s: mean("myocardium.o2Supply_mL_s", 0),
    demand_mL_s: mean("myocardium.o2Demand_mL_s", 0),
    reserve: mean("myocardium.reserveRatio", 1),
    function: mean("myocardium.function", 1),
  };
}

/**
 * Pulmonary venous flow as pulsed Doppler reads it: the systolic (S) and diastolic (D) forward
 * waves, split by the mitral valve (closed: systole; open: diastole), and any systolic reversal.
 */
function pulmonaryVenous(
  tr: Trace,
  ctx: BeatContext,
  start: number,
  end: number,
  dur: number,
): { ratio: number; reversal: number } {
  if (!tr.has("rpv.q_mL_s")) return { ratio: 0, reversal: 0 };
  const q = tr.col("rpv.q_mL_s");
  const mv = tr.col("mv.q_mL_s");
  // Systole: from LV activation until the mitral valve opens again; the atrial contraction's reversal
  // (before LV activation) is not a systolic one.
  const onset =
    ctx.avDelay_s !== undefined && tr.has("heart.phase") && dur > 0
      ? (ctx.avDelay_s * Math.sqrt(dur)) / dur
      : 0;
  const phase = tr.has("heart.phase") ? tr.col("heart.phase") : null;
  let s = 0;
  let d = 0;
  let rev = 0;
  for (let i = start; i < end; i++) {
    if (mv[i] > 1) {
      if (q[i] > d) d = q[i];
    } else if (phase === null || phase[i] >= onset) {
      if (q[i] > s) s = q[i];
      if (q[i] < rev) rev = q[i];
    }
  }
  return { ratio: d > 0 ? s / d : 0, reversal: rev };
}

/** Residual-orifice shares per segment at the beat's regurgitant-flow-weighted tethering state. */
function tetheringShares(
  tr: Trace,
  ctx: BeatContext,
  start: number,
  end: number,
): Record<Segment, number> | null {
  const t = ctx.segmentTable;
  if (t === undefined || !tr.has("mv.tethering")) return null;
  const u = tr.col("mv.tethering");
  const q = tr.col("mv.q_mL_s");
  let wSum = 0;
  let uSum = 0;
  for (let i = start; i < end; i++) {
    if (q[i] >= 0) continue;
    wSum -= q[i];
    uSum -= q[i] * u[i];
  }
  if (wSum <= 0) return null;
  const uMean = uSum / wSum;
  const a = tableAt(t.bySegment.A1P1, t.du, uMean);
  const b = tableAt(t.bySegment.A2P2, t.du, uMean);
  const c = tableAt(t.bySegment.A3P3, t.du, uMean);
  const total = a + b + c;
  if (total <= 0) return null;
  return { A1P1: a / total, A2P2: b / total, A3P3: c / total };
}

/** Keys of Measurements that are plain numbers (for averaging and convergence checks). */
export const NUMERIC_KEYS = [
  "hr_bpm",
  "map_mmHg",
  "sbp_mmHg",
  "dbp_mmHg",
  "co_L_min",
  "native_co_L_min",
  "pump_flow_L_min",
  "pump_flow_min_L_min",
  "pump_flow_max_L_min",
  "pump_speed_rpm",
  "suction_fraction",
  "cpo_W",
  "lvedp_mmHg",
  "lvedv_mL",
  "lvesv_mL",
  "lvef_pct",
  "lvsp_mmHg",
  "lap_mean_mmHg",
  "lap_v_mmHg",
  "pcwp_mmHg",
  "rap_mmHg",
  "pap_mean_mmHg",
  "pasp_mmHg",
  "padp_mmHg",
  "rvedv_mL",
  "rvesv_mL",
  "mr_rvol_mL",
  "mr_rf_pct",
  "mr_eroa_cm2",
  "mr_peak_velocity_m_s",
  "mv_gradient_mean_mmHg",
  "mv_area_cm2",
  "mv_peak_velocity_m_s",
  "transmitral_flow_L_min",
  "diastolic_filling_time_s",
  "total_blood_volume_mL",
  "svr_mmHg_s_mL",
  "svr_dyn_s_cm5",
  "papi",
  "do2_mL_min",
  "coronary_flow_mL_min",
  "coronary_perfusion_mmHg",
  "coronary_o2_supply_mL_min",
  "myocardial_o2_demand_mL_min",
  "coronary_reserve_ratio",
  "lv_function_pct",
  "pv_s_d_ratio",
  "pv_systolic_reversal_mL_s",
] as const satisfies readonly (keyof Measurements)[];

export type NumericKey = (typeof NUMERIC_KEYS)[number];

/** The numeric measurements of the contract's `simulate --json` table (accuracy checks: bench, step halving). */
export const CONTRACT_NUMERIC_KEYS = [
  "hr_bpm",
  "map_mmHg",
  "sbp_mmHg",
  "dbp_mmHg",
  "co_L_min",
  "native_co_L_min",
  "pump_flow_L_min",
  "pump_speed_rpm",
  "cpo_W",
  "lvedp_mmHg",
  "lvedv_mL",
  "lvesv_mL",
  "lvef_pct",
  "lap_mean_mmHg",
  "lap_v_mmHg",
  "pcwp_mmHg",
  "rap_mmHg",
  "pap_mean_mmHg",
  "mr_rvol_mL",
  "mr_rf_pct",
  "mr_eroa_cm2",
  "mv_gradient_mean_mmHg",
  "mv_area_cm2",
  "total_blood_volume_mL",
] as const satisfies readonly NumericKey[];
