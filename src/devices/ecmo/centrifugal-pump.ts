/**
 * VA-ECMO circuit as one link from the venous side (right atrium) to the arterial side (systemic
 * arteries, retrograde femoral return): a centrifugal pump in series with the drainage cannula, the
 * oxygenator and the return cannula (data and sources: circuit-data.ts).
 *
 *   L·dQ/dt = H(n, Q) − (P_out − P_in) − ΔP_drain(Q) − ΔP_oxy(Q) − ΔP_ret(Q) − R_s(P_in)·Q₊
 *   H = a·n² − k·Q|Q|,  ΔP_drain = k_d·Q|Q|,  ΔP_oxy = R_o·Q,  ΔP_ret = k_r·Q|Q|       reference §1.4
 *   R_s = α·softplus(x̄ − P_in): drainage "chatter" when the atrium empties onto the cannula,
 *         the same law as the Impella's inlet (Simaan et al. 2009, reference §1.5) [L/E]
 *
 * Flow-target mode: speed titrated by an integral law to a filtered flow, as the perfusionist turns
 * the knob to the target:  dQ̄/dt = (Q − Q̄)/τ_f,  dn/dt = K_i·(Q_target − Q̄), held in 1000-5000 rpm.
 *
 * States: Q (mL/s); with a flow target Q̄ (mL/s) and n (krpm); time in drainage suction (s).
 * Aux: speed_krpm, drainage_mmHg (pump inlet), preOxygenator_mmHg, postOxygenator_mmHg, suction.
 * Stiffness (stated for the integrator, as the Impella states it): the flow's self-damping −∂(dQ/dt)/∂Q = (2(k + k_d + k_r)|Q| + R_o + R_s·[Q > 0])/L, and the
 * inertance-elastance rate √((E_ra + E_sa)/L); Q is a "damped" state, the suction time an "accumulator".
 * JSON: { "kind": "centrifugalPump", "name": "ecmo", "from": "ra", "to": "sa", "speed_rpm": 3000 }
 */
import type { EvalContext, LinkComponent } from "../../engine/component.js";
import type { Layout } from "../../engine/layout.js";
import { registerLinkKind } from "../../engine/registry.js";
import { ML_S_PER_L_MIN } from "../../units/index.js";
import { ECMO } from "./circuit-data.js";

export interface CentrifugalPumpSpec {
  kind: "centrifugalPump";
  name: string;
  from: string;
  to: string;
  /** Fixed speed (rpm). */
  speed_rpm?: number;
  /** Flow target (L/min). */
  targetFlow_L_min?: number;
  /** Initial speed in flow-target mode (rpm). */
  initialSpeed_rpm?: number;
}

/** Drainage suction: threshold (mmHg; the atrium collapses onto the cannula at ≈ 0 transmural [E]), slope (mmHg·s/mL per mmHg) [L, Simaan 2009], smoothing width (mmHg) [E]. */
const SUCTION_THRESHOLD_MMHG = 0;
const SUCTION_SLOPE = 3.5;
const SUCTION_WIDTH_MMHG = 0.5;
/** Inlet loss that counts as drainage suction (mmHg) [E]. */
const SUCTION_FLAG_MMHG = 5;
/** Flow filter (s) and titration gain (krpm/s per mL/s) [E]. */
const FLOW_FILTER_S = 2;
const TITRATION_GAIN = 0.01;

const sq = ML_S_PER_L_MIN * ML_S_PER_L_MIN;

export class CentrifugalPump implements LinkComponent {
  static evalAll(items: readonly LinkComponent[], y: Float64Array, dy: Float64Array, ctx: EvalContext): void {
    for (let i = 0; i < items.length; i++) (items[i] as CentrifugalPump).evalFlow(y, dy, ctx);
  }

  readonly name: string;
  linkIndex = -1;
  fromIndex = -1;
  toIndex = -1;
  private readonly spec: CentrifugalPumpSpec;
  private readonly a = ECMO.a_mmHg_krpm2;
  private readonly kp = ECMO.k_mmHg_per_Lmin2 / sq;
  private readonly kd = ECMO.drainage_mmHg_per_Lmin2 / sq;
  private readonly ko = ECMO.oxygenator_mmHg_per_Lmin / ML_S_PER_L_MIN;
  private readonly kr = ECMO.return_mmHg_per_Lmin2 / sq;
  private readonly invL = 1 / ECMO.inertance_mmHg_s2_mL;
  private readonly fixedN: number;
  private readonly target: number;
  private iQ = -1;
  private iQf = -1;
  private iN = -1;
  private iSuct = -1;
  private auxN = -1;
  private auxIn = -1;
  private auxPre = -1;
  private auxPost = -1;
  private auxS = -1;

  constructor(spec: CentrifugalPumpSpec) {
    this.spec = spec;
    this.name = spec.name;
    this.fixedN = (spec.speed_rpm ?? 0) / 1000;
    this.target = (spec.targetFlow_L_min ?? 0) * ML_S_PER_L_MIN;
  }

  bind(layout: Layout): void {
    this.iQ = layout.state(`${this.name}.q_mL_s`, 0, "damped");
    if (this.spec.targetFlow_L_min !== undefined) {
      this.iQf = layout.state(`${this.name}.meanFlow_mL_s`, this.target);
      this.iN = layout.state(`${this.name}.speed_krpm`, (this.spec.initialSpeed_rpm ?? 3000) / 1000);
    }
    this.iSuct = layout.state(`${this.name}.suctionTime_s`, 0, "accumulator");
    this.auxN = layout.aux(`${this.name}.speed_krpm`);
    this.auxIn = layout.aux(`${this.name}.drainage_mmHg`);
    this.auxPre = layout.aux(`${this.name}.preOxygenator_mmHg`);
    this.auxPost = layout.aux(`${this.name}.postOxygenator_mmHg`);
    this.auxS = layout.aux(`${this.name}.suction`);
  }

  evalFlow(y: Float64Array, dy: Float64Array, ctx: EvalContext): void {
    const q = y[this.iQ];
    const n = this.iN >= 0 ? y[this.iN] : this.fixedN;
    const pIn = ctx.p[this.fromIndex];
    const pOut = ctx.p[this.toIndex];
    const qq = q * Math.abs(q);
    const under = SUCTION_THRESHOLD_MMHG - pIn;
    const rs =
      SUCTION_SLOPE * 0.5 * (under + Math.sqrt(under * under + SUCTION_WIDTH_MMHG * SUCTION_WIDTH_MMHG));
    const suctionLoss = rs * (q > 0 ? q : 0);
    const drain = this.kd * qq + suctionLoss;
    const ret = this.kr * qq;
    const oxy = this.ko * q;
    const h = this.a * n * n - this.kp * qq;
    dy[this.iQ] = (h - (pOut - pIn) - drain - oxy - ret) * this.invL;
    ctx.q[this.linkIndex] = q;
    // Stiffness: the loss terms' −∂/∂Q is the flow's self-damping (taken exactly by the integrator);
    // the inertance–elastance oscillation limits the step.
    ctx.damping[this.iQ] =
      (2 * (this.kp + this.kd + this.kr) * Math.abs(q) + this.ko + (q > 0 ? rs : 0)) * this.invL;
    ctx.rate[this.linkIndex] = Math.sqrt(
      (ctx.elastance[this.fromIndex] + ctx.elastance[this.toIndex]) * this.invL,
    );
    const suction = suctionLoss > SUCTION_FLAG_MMHG ? 1 : 0;
    dy[this.iSuct] = suction;
    if (this.iN >= 0) {
      dy[this.iQf] = (q - y[this.iQf]) / FLOW_FILTER_S;
      let dn = TITRATION_GAIN * (this.target - y[this.iQf]);
      const nMin = ECMO.minSpeed_rpm / 1000;
      const nMax = ECMO.maxSpeed_rpm / 1000;
      if ((n >= nMax && dn > 0) || (n <= nMin && dn < 0)) dn = 0;
      dy[this.iN] = dn;
    }
    const aux = ctx.aux;
    aux[this.auxN] = n;
    aux[this.auxIn] = pIn - drain;
    aux[this.auxPost] = pOut + ret;
    aux[this.auxPre] = pOut + ret + oxy;
    aux[this.auxS] = suction;
  }
}

registerLinkKind<CentrifugalPumpSpec>("centrifugalPump", {
  create: (s) => new CentrifugalPump(s),
  evalAll: CentrifugalPump.evalAll,
});
