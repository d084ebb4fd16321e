/**
 * Impella micro-axial pump as a link from the LV (inlet) to the aortic root (outlet).
 *
 *   L_p·dQ/dt = H(n, Q) − (P_out − P_in) − R_s(V_lv)·Q
 *   H = a·n² − k·Q|Q|  (Q ≥ 0),   a·n² − k_b·Q|Q|  (Q < 0, k_b = 3k)        reference §1.4
 *   R_s = α·softplus(x̄ − P_in)                                              suction, §1.5 [L]
 *
 * Suction after Simaan et al. 2009 (reference §1.5): when the LV pressure at the inlet falls below
 * x̄ = 1 mmHg the wall closes on the inlet, with resistance α·(x̄ − P_LV), α = 3.5 mmHg·s/mL per mmHg;
 * smoothed over 0.5 mmHg (style rule 8). Pressure-based, so it works for a dilated LV too.
 *
 * At P0 (n = 0) the stopped pump across the aortic valve leaks backwards in diastole.
 * Flow-target mode: an integral titration of speed to a filtered displayed mean flow, as an
 * operator steps the P-level until the console shows the target:
 *   dQ̄/dt = (Q − Q̄)/τ_f,   dn/dt = K_i·(Q_target − Q̄)   (anti-windup at the P1..P9 speeds)
 *
 * States: Q (mL/s); with a flow target also Q̄ (mL/s) and n (krpm); time in suction (s).
 * Aux: speed_krpm, suction (0/1 inlet loss above 2 mmHg), inletLoss_mmHg.
 */
import type { EvalContext, LinkComponent } from "../../engine/component.js";
import type { Layout } from "../../engine/layout.js";
import { registerLinkKind } from "../../engine/registry.js";
import { ML_S_PER_L_MIN } from "../../units/index.js";
import { BACKFLOW_LOSS_RATIO, IMPELLA, type ImpellaModel } from "./models.js";

export interface AxialPumpSpec {
  kind: "axialPump";
  name: string;
  from: string;
  to: string;
  model: ImpellaModel;
  /** Fixed speed mode: P-level 0..9. */
  pLevel?: number;
  /** Flow-target mode: displayed mean flow (L/min). */
  targetFlow_L_min?: number;
  /** Initial speed in flow-target mode (krpm), e.g. from an earlier titration. */
  initialSpeed_krpm?: number;
}

/** Suction: inlet pressure threshold x̄ (mmHg), slope α (mmHg·s/mL per mmHg) [L, Simaan 2009], smoothing width (mmHg). */
const SUCTION_THRESHOLD_MMHG = 1;
const SUCTION_SLOPE = 3.5;
const SUCTION_WIDTH_MMHG = 0.5;
/** Inlet loss above which the console flags suction (mmHg) [E]. */
export const SUCTION_FLAG_MMHG = 2;
/** Filter time constant of the displayed mean flow (s) and titration gain (krpm/s per mL/s) [E]. */
const FLOW_FILTER_S = 2;
const TITRATION_GAIN = 0.07;

export class AxialPump implements LinkComponent {
  /** Evaluates every AxialPump in one monomorphic loop (the engine calls one group per kind). */
  static evalAll(items: readonly LinkComponent[], y: Float64Array, dy: Float64Array, ctx: EvalContext): void {
    for (let i = 0; i < items.length; i++) (items[i] as AxialPump).evalFlow(y, dy, ctx);
  }

  readonly name: string;
  linkIndex = -1;
  fromIndex = -1;
  toIndex = -1;
  private readonly spec: AxialPumpSpec;
  private readonly a: number;
  private readonly kf: number;
  private readonly kb: number;
  private readonly invL: number;
  private readonly fixedN: number;
  private readonly nMin: number;
  private readonly nMax: number;
  private readonly target: number;
  private iQ = -1;
  private iQf = -1;
  private iN = -1;
  private iSuct = -1;
  private auxN = -1;
  private auxS = -1;
  private auxLoss = -1;

  constructor(spec: AxialPumpSpec) {
    this.spec = spec;
    this.name = spec.name;
    const d = IMPELLA[spec.model];
    this.a = d.a_mmHg_krpm2;
    this.kf = d.k_mmHg_per_Lmin2 / (ML_S_PER_L_MIN * ML_S_PER_L_MIN);
    this.kb = BACKFLOW_LOSS_RATIO * this.kf;
    this.invL = 1 / d.inertance_mmHg_s2_mL;
    this.fixedN = spec.pLevel !== undefined ? d.speeds_krpm[spec.pLevel] : 0;
    this.nMin = d.speeds_krpm[1];
    this.nMax = d.speeds_krpm[9];
    this.target = (spec.targetFlow_L_min ?? 0) * ML_S_PER_L_MIN;
  }

  get flowTarget(): boolean {
    return this.spec.targetFlow_L_min !== undefined;
  }

  bind(layout: Layout): void {
    this.iQ = layout.state(`${this.name}.q_mL_s`, 0, "damped");
    if (this.flowTarget) {
      this.iQf = layout.state(`${this.name}.meanFlow_mL_s`, this.target);
      const d = IMPELLA[this.spec.model];
      this.iN = layout.state(`${this.name}.speed_krpm`, this.spec.initialSpeed_krpm ?? d.speeds_krpm[5]);
    }
    this.iSuct = layout.state(`${this.name}.suctionTime_s`, 0, "accumulator");
    this.auxN = layout.aux(`${this.name}.speed_krpm`);
    this.auxS = layout.aux(`${this.name}.suction`);
    this.auxLoss = layout.aux(`${this.name}.inletLoss_mmHg`);
  }

  evalFlow(y: Float64Array, dy: Float64Array, ctx: EvalContext): void {
    const q = y[this.iQ];
    const n = this.iN >= 0 ? y[this.iN] : this.fixedN;
    const head = ctx.p[this.toIndex] - ctx.p[this.fromIndex];
    const h = this.a * n * n - (q >= 0 ? this.kf : this.kb) * q * Math.abs(q);
    const under = SUCTION_THRESHOLD_MMHG - ctx.p[this.fromIndex];
    const rs =
      SUCTION_SLOPE * 0.5 * (under + Math.sqrt(under * under + SUCTION_WIDTH_MMHG * SUCTION_WIDTH_MMHG));
    const loss = rs * (q > 0 ? q : 0);
    dy[this.iQ] = (h - head - loss) * this.invL;
    ctx.q[this.linkIndex] = q;
    // Stiffness (1/s): the loss terms' −∂/∂Q is the flow's self-damping (taken exactly by the
    // integrator); the inertance–elastance oscillation limits the step.
    ctx.damping[this.iQ] = (2 * (q >= 0 ? this.kf : this.kb) * Math.abs(q) + (q > 0 ? rs : 0)) * this.invL;
    const eSum = ctx.elastance[this.fromIndex] + ctx.elastance[this.toIndex];
    ctx.rate[this.linkIndex] = Math.sqrt(eSum * this.invL);
    const suction = loss > SUCTION_FLAG_MMHG ? 1 : 0;
    dy[this.iSuct] = suction;
    if (this.iN >= 0) {
      dy[this.iQf] = (q - y[this.iQf]) / FLOW_FILTER_S;
      let dn = TITRATION_GAIN * (this.target - y[this.iQf]);
      if ((n >= this.nMax && dn > 0) || (n <= this.nMin && dn < 0)) dn = 0;
      dy[this.iN] = dn;
    }
    ctx.aux[this.auxN] = n;
    ctx.aux[this.auxS] = suction;
    ctx.aux[this.auxLoss] = loss;
  }
}

registerLinkKind<AxialPumpSpec>("axialPump", { create: (s) => new AxialPump(s), evalAll: AxialPump.evalAll });
