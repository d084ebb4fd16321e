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
 * regularising leak for a competent valve, plus (for the mitral valve) a dynamic EROA:
 *
 *   EROA(t) = EROA_static · softplus((V_lv − V_c)/(V_ref − V_c)) · (1 + κ·(1 − ΔP_sys⁺/ΔP_ref))
 *
 * (reference §3.3 [E]: the orifice shrinks when the LV is unloaded and is larger in early and late
 * systole when the closing force is low, Hung 1999 / Bugała 2022). EROA_static already reflects clips.
 *
 * States: Q (mL/s, positive from→to), ζ (0..1). Ports: the two nodes' pressures.
 * JSON: { "name": "mv", "kind": "orificeValve", "from": "la", "to": "lv", "openArea_cm2": 4.25,
 *         "closedArea_cm2": 0.002, "length_cm": 1, "tauOpen_s": 0.01, "tauClose_s": 0.01, "dpWidth_mmHg": 1,
 *         "regurgitation": { "eroa_cm2": 0.4, "volumeNode": "lv", "closureVolume_mL": 80, "refVolume_mL": 160,
 *                            "kappa": 0.3, "dpRef_mmHg": 80 } }
 */
import type { EvalContext, LinkComponent } from "../../engine/component.js";
import type { Layout } from "../../engine/layout.js";
import { registerLinkKind } from "../../engine/registry.js";
import { BERNOULLI_MMHG_S2_CM4_ML2, INERTANCE_MMHG_S2_ML_PER_CM_CM2 } from "../../units/index.js";

export interface RegurgitationSpec {
  /** Static EROA (cm²) at V = refVolume_mL and ΔP = dpRef_mmHg, after clips. */
  eroa_cm2: number;
  /** Node whose volume sets the orifice size (the LV). */
  volumeNode: string;
  /** LV volume at which coaptation is restored (mL). */
  closureVolume_mL: number;
  /** LV volume at which the EROA equals eroa_cm2 (mL). */
  refVolume_mL: number;
  /** Depth of the biphasic (pressure-dependent) variation, dimensionless. */
  kappa: number;
  dpRef_mmHg: number;
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

/** Width of the smooth positive part of the LV-volume factor (dimensionless). */
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
  private vNodeVol = -1;
  private readonly lPerInvA: number;

  constructor(spec: OrificeValveSpec) {
    this.spec = spec;
    this.name = spec.name;
    this.lPerInvA = INERTANCE_MMHG_S2_ML_PER_CM_CM2 * spec.length_cm;
  }

  bind(layout: Layout): void {
    this.qIdx = layout.state(`${this.name}.q_mL_s`, 0, "damped");
    this.zIdx = layout.state(`${this.name}.opening`, 0);
    this.areaAux = layout.aux(`${this.name}.area_cm2`);
    if (this.spec.regurgitation) this.regAux = layout.aux(`${this.name}.regurgitantArea_cm2`);
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
      const x = (y[this.vNodeVol] - r.closureVolume_mL) / (r.refVolume_mL - r.closureVolume_mL);
      // softplus() written out: this runs in every derivative evaluation and a call that V8 does
      // not inline would box its double result.
      const fVol = 0.5 * (x + Math.sqrt(x * x + VOLUME_FACTOR_WIDTH * VOLUME_FACTOR_WIDTH));
      // Closing pressure is the reverse gradient (to − from), positive in systole.
      const closing =
        0.5 * (-dp + Math.sqrt(dp * dp + CLOSING_PRESSURE_WIDTH_MMHG * CLOSING_PRESSURE_WIDTH_MMHG));
      const u = 1 + r.kappa * (1 - closing / r.dpRef_mmHg);
      const fPress = 0.5 * (u + Math.sqrt(u * u + VOLUME_FACTOR_WIDTH * VOLUME_FACTOR_WIDTH));
      const eroa = r.eroa_cm2 * fVol * fPress;
      ctx.aux[this.regAux] = eroa;
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
