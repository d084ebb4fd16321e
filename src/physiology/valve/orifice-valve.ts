/**
 * Orifice valve (Mynard et al. 2012, reference §3.1): Bernoulli loss plus inertance, flow as state,
 * one opening state ζ.
 *
 *   L(A)·dQ/dt = ΔP − B(A)·Q·|Q|,   B = ρ/(2A²),  L = ρ·ℓ/A
 *   A = A_closed + (A_open − A_closed)·ζ
 *   dζ/dt = (ζ* − ζ)/τ,  ζ* = ½(1 + x/√(1 + x²)), x = ΔP/ΔP_w,  τ = τ_open (ζ* > ζ) or τ_close
 *
 * The opening law is Mynard's single state ζ driven by ΔP, written as a relaxation toward a smooth
 * pressure-dependent target (CircAdapt-style smooth opening) so that its rate is bounded by 1/τ and
 * fixed-step RK4 stays stable whatever the pressure (Mynard's dζ/dt ∝ ΔP is stiff at 100 mmHg).
 * With L ∝ 1/A the flow relaxes on a time scale ℓ·√(ρ/(2ΔP)) that does not shrink with A, so a
 * nearly closed orifice is not stiff. The closed area is the regurgitant orifice: a small
 * regularising leak for a competent valve, plus (for the mitral valve) a tethering-driven orifice:
 *
 *   θ = (V_lv/V_ref)^⅓                      LV radius relative to the reference state
 *   u = [1 + 3E·(θ − 1) + γ·(1 − m)]₊ · [1 + κ·(1 − ΔP_close/ΔP_ref)]₊
 *   EROA = A(u)                             the clip geometry's table (mitraclip/geometry.ts)
 *
 * u is the tethering state: the coaptation gap relative to the reference. Papillary-muscle
 * displacement grows with the LV radius (Otsuji, Circulation 1997;96:1999; Yiu, Circulation
 * 2000;102:1400), and only the part of the tether beyond the leaflets' coaptation reserve opens an
 * orifice, so a small change in radius is a large change in gap: E = dlnEROA/dlnV_lv (for a native
 * valve) is the patient's tethering elasticity, ≈ 1.7 in functional/ischaemic MR (Bugała 2022: 15-20 %
 * less LV volume, 25-35 % less EROA; reference §3.3) and small for a flail leaflet, whose gap is not
 * made by tethering. The closing force (LV−LA pressure) pushes the leaflets together: the orifice is
 * larger in early and late systole when it is low (Hung, JACC 1999;33:538; κ). In acute ischaemic MR the
 * ischaemic inferoposterior wall bulges and displaces the papillary muscle (Messas, Circulation
 * 2001;104:1958: the wall's dysfunction, not the papillary muscle's, makes the MR; reversible with
 * reperfusion): m is that wall's perfusion-limited function (coronary/myocardial-perfusion.ts), γ the
 * patient's ischaemic tethering (0 for a flail leaflet). V_ref and ΔP_ref are
 * the patient's own reference operating point (procedure/mitral-reference.ts), not fixed volumes.
 *
 * States: Q (mL/s, positive from→to), ζ (0..1). Ports: the two nodes' pressures.
 * JSON: { "name": "mv", "kind": "orificeValve", "from": "la", "to": "lv", "openArea_cm2": 4.25,
 *         "closedArea_cm2": 0.002, "length_cm": 1, "tauOpen_s": 0.01, "tauClose_s": 0.01, "dpWidth_mmHg": 1,
 *         "regurgitation": { "table": [0, 0.01, ...], "du": 0.025, "volumeNode": "lv", "refVolume_mL": 160,
 *                            "tetheringElasticity": 1.7, "kappa": 0.3, "dpRef_mmHg": 80 } }
 */
import type { EvalContext, LinkComponent } from "../../engine/component.js";
import type { Layout } from "../../engine/layout.js";
import { registerLinkKind } from "../../engine/registry.js";
import { BERNOULLI_MMHG_S2_CM4_ML2, INERTANCE_MMHG_S2_ML_PER_CM_CM2 } from "../../units/index.js";
import { tableAt } from "./tabulated.js";

export interface RegurgitationSpec {
  /** Regurgitant orifice A(u) (cm²) tabulated at u = i·du (after clips). */
  table: readonly number[];
  du: number;
  /** Node whose volume sets the tethering (the LV). */
  volumeNode: string;
  /** LV volume of the reference state (mL). */
  refVolume_mL: number;
  /** d ln EROA / d ln V_lv of the native orifice at the reference state. */
  tetheringElasticity: number;
  /** Rise of the tethering state per unit loss of the ischaemic wall's function (γ). */
  ischaemicTethering: number;
  /** Signal with that wall's function m (1 = fully supplied); none: m = 1. */
  wallFunctionSignal?: string;
  /** Depth of the biphasic (pressure-dependent) variation, dimensionless. */
  kappa: number;
  /** Closing pressure of the reference state (mmHg). */
  dpRef_mmHg: number;
  /** Hold u at 1 (the orifice as stated; used to find the reference state). */
  fixedAtReference?: boolean;
}

export interface OrificeValveSpec {
  kind: "orificeValve";
  name: string;
  from: string;
  to: string;
  openArea_cm2: number;
  closedArea_cm2: number;
  length_cm: number;
  /** Opening and closing time constants (s). */
  tauOpen_s: number;
  tauClose_s: number;
  /** Pressure width of the opening target (mmHg). */
  dpWidth_mmHg: number;
  regurgitation?: RegurgitationSpec;
}

/** Width of the smooth positive parts of the tethering factors (dimensionless). */
const VOLUME_FACTOR_WIDTH = 0.05;
/** Largest jet velocity the Bernoulli loss is evaluated at (cm/s); see evalFlow. */
export const MAX_JET_VELOCITY_CM_S = 1200;
/** Width of the smooth positive part of the systolic closing pressure (mmHg). */
const CLOSING_PRESSURE_WIDTH_MMHG = 2;

export class OrificeValve implements LinkComponent {
  /** Evaluates every OrificeValve in one monomorphic loop (the engine calls one group per kind). */
  static evalAll(items: readonly LinkComponent[], y: Float64Array, dy: Float64Array, ctx: EvalContext): void {
    for (let i = 0; i < items.length; i++) (items[i] as OrificeValve).evalFlow(y, dy, ctx);
  }

  readonly name: string;
  linkIndex = -1;
  fromIndex = -1;
  toIndex = -1;
  private readonly spec: OrificeValveSpec;
  private qIdx = -1;
  private zIdx = -1;
  private areaAux = -1;
  private regAux = -1;
  private uAux = -1;
  private vNodeVol = -1;
  private mSig = -1;
  private readonly lPerInvA: number;
  private readonly table: Float64Array;
  private readonly invRefVolume: number;

  constructor(spec: OrificeValveSpec) {
    this.spec = spec;
    this.name = spec.name;
    this.lPerInvA = INERTANCE_MMHG_S2_ML_PER_CM_CM2 * spec.length_cm;
    this.table = Float64Array.from(spec.regurgitation?.table ?? [0, 0]);
    this.invRefVolume = spec.regurgitation ? 1 / spec.regurgitation.refVolume_mL : 0;
  }

  bind(layout: Layout): void {
    this.qIdx = layout.state(`${this.name}.q_mL_s`, 0, "damped");
    this.zIdx = layout.state(`${this.name}.opening`, 0);
    this.areaAux = layout.aux(`${this.name}.area_cm2`);
    if (this.spec.regurgitation) {
      this.regAux = layout.aux(`${this.name}.regurgitantArea_cm2`);
      this.uAux = layout.aux(`${this.name}.tethering`);
      const m = this.spec.regurgitation.wallFunctionSignal;
      if (m) this.mSig = layout.signal(m, 1);
    }
  }

  /** Called by the assembler once nodes are indexed. */
  bindVolumeNode(volumeIndexOf: (node: string) => number): void {
    if (this.spec.regurgitation) this.vNodeVol = volumeIndexOf(this.spec.regurgitation.volumeNode);
  }

  evalFlow(y: Float64Array, dy: Float64Array, ctx: EvalContext): void {
    const sp = this.spec;
    const dp = ctx.p[this.fromIndex] - ctx.p[this.toIndex];
    let aClosed = sp.closedArea_cm2;
    const r = sp.regurgitation;
    if (r !== undefined) {
      let u = 1;
      if (r.fixedAtReference !== true) {
        const v = y[this.vNodeVol];
        const theta = Math.cbrt(v > 0 ? v * this.invRefVolume : 0);
        const wall = this.mSig >= 0 ? r.ischaemicTethering * (1 - ctx.s[this.mSig]) : 0;
        const x = 1 + 3 * r.tetheringElasticity * (theta - 1) + wall;
        // Smooth positive parts written out: this runs in every derivative evaluation and a call
        // that V8 does not inline would box its double result.
        const fVol = 0.5 * (x + Math.sqrt(x * x + VOLUME_FACTOR_WIDTH * VOLUME_FACTOR_WIDTH));
        // Closing pressure is the reverse gradient (to − from), positive in systole.
        const closing =
          0.5 * (-dp + Math.sqrt(dp * dp + CLOSING_PRESSURE_WIDTH_MMHG * CLOSING_PRESSURE_WIDTH_MMHG));
        const w = 1 + r.kappa * (1 - closing / r.dpRef_mmHg);
        const fPress = 0.5 * (w + Math.sqrt(w * w + VOLUME_FACTOR_WIDTH * VOLUME_FACTOR_WIDTH));
        u = fVol * fPress;
      }
      const eroa = tableAt(this.table, r.du, u);
      ctx.aux[this.regAux] = eroa;
      ctx.aux[this.uAux] = u;
      aClosed += eroa;
    }
    // ζ stays in (0, 1) by construction; the bound only guards RK4's intermediate stages.
    let z = y[this.zIdx];
    if (z < 0) z = 0;
    else if (z > 1) z = 1;
    const area = aClosed + (sp.openArea_cm2 - aClosed) * z;
    const q = y[this.qIdx];
    // Jet-velocity guard: the loss uses an area no smaller than |Q|/v_max. Below v_max (12 m/s,
    // 4v² ≈ 580 mmHg, beyond any physiological pressure) nothing changes; above it, when an
    // orifice shrinks faster than the jet can decelerate, the loss term's stiffness stays bounded
    // (rate ≤ v_max/ℓ) and fixed-step RK4 stays stable.
    const aMin = Math.abs(q) / MAX_JET_VELOCITY_CM_S;
    const aLoss = Math.max(area, aMin);
    const b = BERNOULLI_MMHG_S2_CM4_ML2 / (aLoss * aLoss);
    // L = lPerInvA / area → dQ/dt = (ΔP − B·Q|Q|)·area/lPerInvA
    dy[this.qIdx] = ((dp - b * q * Math.abs(q)) * area) / this.lPerInvA;
    const x = dp / sp.dpWidth_mmHg;
    const target = 0.5 * (1 + x / Math.sqrt(1 + x * x));
    const zRaw = y[this.zIdx];
    dy[this.zIdx] = (target - zRaw) / (target > zRaw ? sp.tauOpen_s : sp.tauClose_s);
    ctx.q[this.linkIndex] = q;
    ctx.aux[this.areaAux] = area;
    // Stiffness: the loss term's −∂/∂Q = 2B|Q|·area/(ρℓ) ≈ v/ℓ is the flow's self-damping (taken
    // exactly by the integrator); the inertance–elastance oscillation √((E_from + E_to)·area/(ρℓ))
    // is what limits the step.
    ctx.damping[this.qIdx] = (2 * b * Math.abs(q) * area) / this.lPerInvA;
    const eSum = ctx.elastance[this.fromIndex] + ctx.elastance[this.toIndex];
    ctx.rate[this.linkIndex] = Math.sqrt((eSum * area) / this.lPerInvA);
  }
}

registerLinkKind<OrificeValveSpec>("orificeValve", {
  create: (s) => new OrificeValve(s),
  evalAll: OrificeValve.evalAll,
});
