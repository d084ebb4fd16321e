/**
 * Myocardial oxygen balance and perfusion-limited contractility: the shock spiral's loop
 * (low aortic pressure → less coronary flow → weaker LV → lower aortic pressure).
 *
 * Demand (mL O2/s) from the LV's systolic wall tension-time, Laplace's law for a sphere of fixed wall
 * mass (tension ∝ P·r, r ∝ V^⅓; Sarnoff's tension-time index, Am J Physiol 1958;192:148, with the
 * radius term of Laplace), plus a load-independent basal share (Suga, Physiol Rev 1990;70:247:
 * 30-40 % of MVO2 is basal and excitation-contraction coupling):
 *
 *   w(t) = e(t)·P_lv·(V_lv/100 mL)^⅓,   D = D_ref·(b + (1 − b)·w̄/w_ref)
 *
 * Supply (mL O2/s) = coronary flow × arterial O2 content × maximal extraction (the heart extracts
 * 70-80 % of O2 at rest and cannot raise it: Feigl, Physiol Rev 1983;63:1). Autoregulation (Mosher,
 * Circ Res 1964;14:250; Dole, Prog Cardiovasc Dis 1987;29:293) sets the bed's conductance so that
 * flow meets demand, up to maximal dilation G_max (the coronary flow reserve):
 *
 *   a* = min(1, D/(G_max·d̄·CaO2·E)),   da/dt = (a* − a)/τ_a,   G = G_max·a
 *
 * Below the autoregulatory range supply falls short; regional function follows subendocardial flow
 * (perfusion-contraction matching, Ross J Jr, Circulation 1991;83:1076) with a time constant of tens
 * of seconds:
 *
 *   r = G_max·d̄·CaO2·E / D  (supply at maximal dilation over demand),
 *   m* = E_ξ[min(1, r·ξ)],  dm/dt = (m* − m)/τ_m,   Ees_lv × m (times the reflex's own scale)
 *
 * ξ is the regional spread of perfusion: flow per gram varies across the myocardium with a
 * coefficient of variation ≈ 0.3 (Bassingthwaighte, Circ Res 1989;65:578), and the subendocardium is
 * the first to lose it, so function declines gradually as the mean reserve falls toward 1 and the
 * spiral (all regions limited, m* = r) takes over only below it. ξ uniform on [1 − h, 1 + h],
 * h = 0.5 (CV 0.29); the mean has a closed form (regionalFunction).
 *
 * d̄, S and D are 3-s means (first-order filters) so that the loop sees beat-averaged quantities.
 * With `frozen` the function m stays 1: the heart as it would be fully supplied (used to find a
 * patient's reference operating point).
 *
 * States: d̄ (mmHg), q̄ (mL/s), D̄ (mL O2/s), a, m. Signals written: the conductance the coronary bed
 * reads, the LV contractility scale, m (the ischaemic wall's function, which tethers the mitral valve). Aux: supply and demand (mL O2/s), the reserve ratio (supply at
 * maximal dilation over demand: below 1 the myocardium is ischaemic), m.
 */
import type { ControlComponent, EvalContext } from "../../engine/component.js";
import type { Layout } from "../../engine/layout.js";
import { registerControlKind } from "../../engine/registry.js";

export interface MyocardialPerfusionSpec {
  kind: "myocardialPerfusion";
  name: string;
  /** The coronary bed link whose flow supplies the LV. */
  coronaryLink: string;
  /** The ventricle it supplies (node name; its activation signal is `<node>.activation`). */
  ventricle: string;
  /** Maximal (fully dilated) coronary conductance, mL/s per mmHg of driving pressure. */
  gMax_mL_s_mmHg: number;
  /** Arterial O2 content, mL O2 per mL blood. */
  cao2_mL_mL: number;
  /** Signal in (e.g. the reflex's contractility scale; none = 1) and out (read by the chamber). */
  contractilityInSignal?: string;
  contractilityOutSignal: string;
  conductanceSignal: string;
  /** Signal carrying the perfusion-limited function m itself (read by the mitral tethering law). */
  functionSignal: string;
  /** Hold regional function at 1 (reference runs). */
  frozen?: boolean;
}

/** Resting MVO2 of the reference (normal) heart, mL O2/s: 250 mL/min coronary flow × 19 mL/dL × 0.7 ≈ 33 mL/min [L, Braunwald's Heart Disease ch. 49]. */
export const DEMAND_REF_ML_O2_S = 0.55;
/** Mean systolic tension index of the normal preset at rest (mmHg), measured on it [D]. */
export const TENSION_REF_MMHG = 25;
/** Basal (load-independent) share of resting MVO2 [L, Suga 1990: 30-40 %]. */
const BASAL_SHARE = 0.35;
/** Maximal myocardial O2 extraction [L, Feigl 1983]. */
const MAX_EXTRACTION = 0.75;
/** Filter, autoregulation and regional-function time constants (s) [E: autoregulation 5-20 s, Dole 1987; function tens of s]. */
const TAU_FILTER_S = 3;
const TAU_AUTOREG_S = 5;
const TAU_FUNCTION_S = 20;
/** Smallest dilation state (vasoconstricted bed) and the smooth-min width. */
const A_MIN = 0.05;
const SMOOTH_MIN_WIDTH = 0.01;
/** Normalising LV volume for the radius term (mL). */
const V_NORM_ML = 100;

/** Half-width of the regional spread of perfusion (uniform; CV = h/√3 ≈ 0.29) [L, Bassingthwaighte 1989]. */
export const REGIONAL_SPREAD = 0.5;

/**
 * Mean function E[min(1, r·ξ)] over ξ uniform on [1 − h, 1 + h] (perfusion-contraction matching in
 * each region). 1 when even the worst region has reserve (r ≥ 1/(1 − h)); r when none has (r ≤ 1/(1 + h)).
 */
export function regionalFunction(r: number, h = REGIONAL_SPREAD): number {
  if (r <= 0) return 0;
  if (r * (1 - h) >= 1) return 1;
  if (r * (1 + h) <= 1) return r;
  const xi = 1 / r;
  const lo = 1 - h;
  return ((r * (xi * xi - lo * lo)) / 2 + (1 + h - xi)) / (2 * h);
}

/** min(1, x), smooth over SMOOTH_MIN_WIDTH. */
function softMin1(x: number): number {
  const d = 1 - x;
  return 0.5 * (1 + x - Math.sqrt(d * d + SMOOTH_MIN_WIDTH * SMOOTH_MIN_WIDTH));
}

export class MyocardialPerfusion implements ControlComponent {
  readonly name: string;
  private readonly spec: MyocardialPerfusionSpec;
  private iDrive = -1;
  private iFlow = -1;
  private iDemand = -1;
  private iA = -1;
  private iM = -1;
  private qLink = -1;
  private lvNode = -1;
  private lvVol = -1;
  private eSig = -1;
  private inSig = -1;
  private outSig = -1;
  private gSig = -1;
  private mSig = -1;
  private auxSupply = -1;
  private auxDemand = -1;
  private auxReserve = -1;
  private auxM = -1;

  constructor(spec: MyocardialPerfusionSpec) {
    this.spec = spec;
    this.name = spec.name;
  }

  bind(layout: Layout): void {
    const n = this.name;
    this.iDrive = layout.state(`${n}.drive_mmHg`, 40);
    this.iFlow = layout.state(`${n}.flow_mL_s`, 4);
    this.iDemand = layout.state(`${n}.demand_mL_O2_s`, DEMAND_REF_ML_O2_S);
    this.iA = layout.state(`${n}.dilation`, 0.3);
    this.iM = layout.state(`${n}.function`, 1);
    this.qLink = layout.linkIndex(this.spec.coronaryLink);
    this.lvNode = layout.nodeIndex(this.spec.ventricle);
    this.lvVol = layout.stateNames.indexOf(`${this.spec.ventricle}.volume_mL`);
    if (this.lvVol < 0) throw new Error(`${n}: no volume state for ${this.spec.ventricle}`);
    this.eSig = layout.signal(`${this.spec.ventricle}.activation`);
    this.inSig = this.spec.contractilityInSignal ? layout.signal(this.spec.contractilityInSignal, 1) : -1;
    this.outSig = layout.signal(this.spec.contractilityOutSignal, 1);
    this.gSig = layout.signal(this.spec.conductanceSignal, 0.05);
    this.mSig = layout.signal(this.spec.functionSignal, 1);
    this.auxSupply = layout.aux(`${n}.o2Supply_mL_s`);
    this.auxDemand = layout.aux(`${n}.o2Demand_mL_s`);
    this.auxReserve = layout.aux(`${n}.reserveRatio`);
    this.auxM = layout.aux(`${n}.function`);
  }

  evalSignals(y: Float64Array, ctx: EvalContext): void {
    const s = ctx.s;
    let a = y[this.iA];
    if (a < A_MIN) a = A_MIN;
    s[this.gSig] = this.spec.gMax_mL_s_mmHg * a;
    let m = this.spec.frozen ? 1 : y[this.iM];
    if (m < 0) m = 0;
    s[this.mSig] = m;
    s[this.outSig] = this.inSig >= 0 ? s[this.inSig] * m : m;
  }

  evalDerivatives(y: Float64Array, dy: Float64Array, ctx: EvalContext): void {
    const sp = this.spec;
    const q = ctx.q[this.qLink];
    const g = ctx.s[this.gSig];
    const drive = q / g;
    const v = y[this.lvVol];
    const w = ctx.s[this.eSig] * ctx.p[this.lvNode] * Math.cbrt(v > 0 ? v / V_NORM_ML : 0);
    const demand = DEMAND_REF_ML_O2_S * (BASAL_SHARE + ((1 - BASAL_SHARE) * w) / TENSION_REF_MMHG);
    dy[this.iDrive] = (drive - y[this.iDrive]) / TAU_FILTER_S;
    dy[this.iFlow] = (q - y[this.iFlow]) / TAU_FILTER_S;
    dy[this.iDemand] = (demand - y[this.iDemand]) / TAU_FILTER_S;
    const o2PerMl = sp.cao2_mL_mL * MAX_EXTRACTION;
    const dBar = y[this.iDemand] > 1e-6 ? y[this.iDemand] : 1e-6;
    const capacity = sp.gMax_mL_s_mmHg * (y[this.iDrive] > 1e-3 ? y[this.iDrive] : 1e-3) * o2PerMl;
    dy[this.iA] = (softMin1(dBar / capacity) - y[this.iA]) / TAU_AUTOREG_S;
    const supply = y[this.iFlow] * o2PerMl;
    // Function is limited only where the bed is fully dilated: by what it could deliver, not by what
    // autoregulation chose to deliver (that equals demand wherever there is reserve).
    const target = regionalFunction(capacity / dBar);
    dy[this.iM] = sp.frozen ? 0 : (target - y[this.iM]) / TAU_FUNCTION_S;
    ctx.aux[this.auxSupply] = supply;
    ctx.aux[this.auxDemand] = dBar;
    ctx.aux[this.auxReserve] = capacity / dBar;
    ctx.aux[this.auxM] = sp.frozen ? 1 : y[this.iM];
  }
}

registerControlKind<MyocardialPerfusionSpec>("myocardialPerfusion", (s) => new MyocardialPerfusion(s));
