/**
 * Carotid-sinus baroreflex after Ursino 1998 (reference §6.1; parameters [S] from CP-Model
 * BaroreflexConstants.m), written as deviations from the set point so that every preset parameter
 * is the value "before any reflex acts" at MAP = P_n:
 *
 *   dP̃/dt = (P_sensed − P̃)/τ_p
 *   f_cs  = (f_min + f_max·e^{(P̃−P_n)/k_a}) / (1 + e^{(P̃−P_n)/k_a})          afferent (spikes/s)
 *   f_es  = f_es∞ + (f_es0 − f_es∞)·e^{−k_es·f_cs}                            sympathetic
 *   f_ev  = (f_ev0 + f_ev∞·e^{(f_cs−f_cs0)/k_ev}) / (1 + e^{(f_cs−f_cs0)/k_ev})  vagal
 *   σ     = ln(f_es − f_es,min + 1) − σ(P_n)                                   sympathetic drive
 *
 * Ursino's pure delays D (2 s for E, R, T_s; 5 s for V_u; 0.2 s for T_v) are represented by
 * first-order lags with time constant D (smooth, allocation-free; same mean latency) followed by
 * the effector lags τ_θ. Effectors, as relative gains derived from Ursino's absolute ones [D]:
 *   Ees_lv × (1 + g_E·c·σ), Ees_rv × (1 + g_E·c·σ)   c = contractility gain scale (blunted in shock)
 *   R_sys × (1 + g_R·σ)                                 g_R = 0.4 /unit (R_sp 0.695/2.49, R_ep 0.53/0.78)
 *   V_u,venous + G_Vu·σ                                 G_Vu = −398 mL/unit (−265.4 − 132.5)
 *   T + G_Ts·σ + G_Tv·(f_ev − f_ev(P_n))                G_Ts = −0.13 s, G_Tv = +0.09 s
 *
 * States: P̃, three delay lags, six effector lags. Signals written: reflex.rScale, reflex.eLvScale,
 * reflex.eRvScale, reflex.vuOffset_mL, reflex.periodOffset_s.
 */
import type { ControlComponent, EvalContext } from "../../engine/component.js";
import type { Layout } from "../../engine/layout.js";
import { registerControlKind } from "../../engine/registry.js";

export interface BaroreflexSpec {
  kind: "baroreflex";
  name: string;
  sensedNode: string;
  setPoint_mmHg: number;
  /** Multiplier on the contractility gains (1 normal; lower when infarcted myocardium responds poorly). */
  contractilityGainScale: number;
  /** Whether the reflex acts on heart period. */
  controlsHeartRate: boolean;
  /** Overall gain multiplier (0 turns the reflex off while keeping its states). */
  gain: number;
}

// Ursino 1998 constants [S] (reference §6.1).
const K_A = 11.758;
const F_MIN = 2.52;
const F_MAX = 47.78;
const TAU_P = 2.076;
const F_ES_INF = 2.1;
const F_ES_0 = 16.11;
const K_ES = 0.0675;
const F_ES_MIN = 2.66;
const F_EV_0 = 3.2;
const F_EV_INF = 6.3;
const K_EV = 7.06;
const F_CS_0 = 25;
// Relative effector gains per unit of sympathetic drive [D from Ursino's absolute gains].
const G_E_LV = 0.475 / 2.392;
const G_E_RV = 0.282 / 1.412;
const G_R = 0.4;
const G_VU_ML = -265.4 - 132.5;
const G_TS_S = -0.13;
const G_TV_S = 0.09;
// Delays (as lags) and time constants (s) [S].
const D_FAST = 2;
const D_VU = 5;
const D_TV = 0.2;
const TAU_E = 8;
const TAU_R = 6;
const TAU_VU = 20;
const TAU_TS = 2;
const TAU_TV = 1.5;

/** Table of the static curves over sensed pressure (mmHg): 0.05 mmHg steps from 0 to 300. */
const TABLE_MIN_MMHG = 0;
const TABLE_STEP_MMHG = 0.05;
const TABLE_SIZE = 6001;

function afferent(pf: number, pn: number): number {
  const x = Math.exp((pf - pn) / K_A);
  return (F_MIN + F_MAX * x) / (1 + x);
}
function sympathetic(fcs: number): number {
  const fes = F_ES_INF + (F_ES_0 - F_ES_INF) * Math.exp(-K_ES * fcs);
  return fes > F_ES_MIN ? Math.log(fes - F_ES_MIN + 1) : 0;
}
function vagal(fcs: number): number {
  const x = Math.exp((fcs - F_CS_0) / K_EV);
  return (F_EV_0 + F_EV_INF * x) / (1 + x);
}

export class Baroreflex implements ControlComponent {
  readonly name: string;
  private readonly spec: BaroreflexSpec;
  private readonly sigmaRef: number;
  private readonly fevRef: number;
  private readonly sigmaTable: Float64Array;
  private readonly vagalTable: Float64Array;
  private iP = -1;
  private iD2 = -1;
  private iD5 = -1;
  private iDv = -1;
  private iElv = -1;
  private iErv = -1;
  private iR = -1;
  private iVu = -1;
  private iTs = -1;
  private iTv = -1;
  private node = -1;
  private sR = -1;
  private sElv = -1;
  private sErv = -1;
  private sVu = -1;
  private sT = -1;

  constructor(spec: BaroreflexSpec) {
    this.spec = spec;
    this.name = spec.name;
    const fcsRef = afferent(spec.setPoint_mmHg, spec.setPoint_mmHg);
    this.sigmaRef = sympathetic(fcsRef);
    this.fevRef = vagal(fcsRef);
    this.sigmaTable = new Float64Array(TABLE_SIZE);
    this.vagalTable = new Float64Array(TABLE_SIZE);
    for (let i = 0; i < TABLE_SIZE; i++) {
      const fcs = afferent(TABLE_MIN_MMHG + i * TABLE_STEP_MMHG, spec.setPoint_mmHg);
      this.sigmaTable[i] = sympathetic(fcs) - this.sigmaRef;
      this.vagalTable[i] = vagal(fcs) - this.fevRef;
    }
  }

  /** Sympathetic drive σ(P̃) and vagal deviation (deviations from the set point), for tests. */
  staticCurves(p_mmHg: number): { sigma: number; vagal: number } {
    const fcs = afferent(p_mmHg, this.spec.setPoint_mmHg);
    return { sigma: sympathetic(fcs) - this.sigmaRef, vagal: vagal(fcs) - this.fevRef };
  }

  bind(layout: Layout): void {
    const n = this.name;
    this.iP = layout.state(`${n}.pressure_mmHg`, this.spec.setPoint_mmHg);
    this.iD2 = layout.state(`${n}.drive2s`, 0);
    this.iD5 = layout.state(`${n}.drive5s`, 0);
    this.iDv = layout.state(`${n}.vagal`, 0);
    this.iElv = layout.state(`${n}.eLv`, 0);
    this.iErv = layout.state(`${n}.eRv`, 0);
    this.iR = layout.state(`${n}.r`, 0);
    this.iVu = layout.state(`${n}.vu_mL`, 0);
    this.iTs = layout.state(`${n}.ts_s`, 0);
    this.iTv = layout.state(`${n}.tv_s`, 0);
    this.node = layout.nodeIndex(this.spec.sensedNode);
    this.sR = layout.signal("reflex.rScale", 1);
    this.sElv = layout.signal("reflex.eLvScale", 1);
    this.sErv = layout.signal("reflex.eRvScale", 1);
    this.sVu = layout.signal("reflex.vuOffset_mL", 0);
    this.sT = layout.signal("reflex.periodOffset_s", 0);
  }

  evalSignals(y: Float64Array, ctx: EvalContext): void {
    const s = ctx.s;
    s[this.sR] = 1 + y[this.iR];
    s[this.sElv] = 1 + y[this.iElv];
    s[this.sErv] = 1 + y[this.iErv];
    s[this.sVu] = y[this.iVu];
    s[this.sT] = this.spec.controlsHeartRate ? y[this.iTs] + y[this.iTv] : 0;
  }

  evalDerivatives(y: Float64Array, dy: Float64Array, ctx: EvalContext): void {
    const sp = this.spec;
    const g = sp.gain;
    const pf = y[this.iP];
    dy[this.iP] = (ctx.p[this.node] - pf) / TAU_P;
    // The static afferent→efferent curves depend on P̃ alone: read from a table built once, with
    // linear interpolation (4 transcendental calls per evaluation saved).
    let u = (pf - TABLE_MIN_MMHG) / TABLE_STEP_MMHG;
    if (u < 0) u = 0;
    else if (u > TABLE_SIZE - 2) u = TABLE_SIZE - 2;
    const k = u | 0;
    const f = u - k;
    const tS = this.sigmaTable;
    const tV = this.vagalTable;
    const sigma = g * (tS[k] + f * (tS[k + 1] - tS[k]));
    const dv = g * (tV[k] + f * (tV[k + 1] - tV[k]));
    dy[this.iD2] = (sigma - y[this.iD2]) / D_FAST;
    dy[this.iD5] = (sigma - y[this.iD5]) / D_VU;
    dy[this.iDv] = (dv - y[this.iDv]) / D_TV;
    const d2 = y[this.iD2];
    const c = sp.contractilityGainScale;
    dy[this.iElv] = (G_E_LV * c * d2 - y[this.iElv]) / TAU_E;
    dy[this.iErv] = (G_E_RV * c * d2 - y[this.iErv]) / TAU_E;
    dy[this.iR] = (G_R * d2 - y[this.iR]) / TAU_R;
    dy[this.iVu] = (G_VU_ML * y[this.iD5] - y[this.iVu]) / TAU_VU;
    dy[this.iTs] = (G_TS_S * d2 - y[this.iTs]) / TAU_TS;
    dy[this.iTv] = (G_TV_S * y[this.iDv] - y[this.iTv]) / TAU_TV;
  }
}

registerControlKind<BaroreflexSpec>("baroreflex", (s) => new Baroreflex(s));
