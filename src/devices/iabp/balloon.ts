/**
 * Intra-aortic balloon pump: a helium balloon in the descending aorta whose volume displaces blood
 * from the systemic arterial compartment (it is not blood, so it does not count in the blood volume):
 * the compartment it lies in reads P = (V + V_b − Vu)/C (compliance.ts, `displacementSignal`).
 *
 *   dV_b/dt = (g(t)·V_set − V_b)/τ,   τ = τ_in while filling, τ_out while emptying      helium shuttle
 *
 * g(t) is the console's inflate command, timed from the LV's activation (the R wave the console
 * triggers on), on every `ratio`-th beat (1:1, 1:2, 1:3):
 *   inflate at the dicrotic notch t_in = notch_s·√T + inflationOffset_s,
 *   deflate just before ejection, at the next activation: T + deflationLead_s·√T + deflationOffset_s;
 * both edges smoothed by a logistic of width 8 ms (style rule 8). A negative inflationOffset_s is
 * early inflation (before aortic-valve closure), a positive one late inflation; a negative
 * deflationOffset_s early deflation, a positive one late deflation (into ejection): the four classic
 * timing errors (Trost JC, Hillis LD, Am J Cardiol 2006;97:1391-8, fig. 3).
 * Shuttle: inflation ≈ 3τ ≈ 90 ms, deflation ≈ 75 ms for 40 mL [E]; the console's drive pressure
 * (≈ 250 mmHg above the aorta) is far larger than the aortic pressure, so the aorta does not slow it [E].
 *
 * State: V_b (mL). Signal written: `<name>.volume_mL` (the displacement). Aux: `<name>.balloon_mL`,
 * `<name>.command` (g), `<name>.afterAssist` (1 in an LV cycle whose preceding diastole was assisted). Reads heart.beats, heart.period_s, heart.timeScale.
 * Stiffness: V_b relaxes at 1/τ ≤ 40/s, well inside RK4's region at an 8-ms step (0.32); no statement needed.
 * JSON: { "kind": "intraAorticBalloon", "name": "iabp", "volume_mL": 40, "ratio": 1, "lvDelay_s": 0.16,
 *         "notch_s": 0.32, "inflationOffset_s": 0, "deflationOffset_s": 0 }
 */
import type { ControlComponent, EvalContext } from "../../engine/component.js";
import type { Layout } from "../../engine/layout.js";
import { registerControlKind } from "../../engine/registry.js";

export interface IntraAorticBalloonSpec {
  kind: "intraAorticBalloon";
  name: string;
  /** Balloon volume (mL), 30-50. */
  volume_mL: number;
  /** Assisted beats: 1 = every beat, 2 = every second, 3 = every third. */
  ratio: number;
  /** LV activation delay after the beat's start at a 1-s beat (s): the console's trigger. */
  lvDelay_s: number;
  /** Time from LV activation to the dicrotic notch at a 1-s beat (s); scales with √T. */
  notch_s: number;
  /** Timing error of inflation (s; 0 = at the notch). */
  inflationOffset_s: number;
  /** Timing error of deflation (s; 0 = just before ejection). */
  deflationOffset_s: number;
}

/** Shuttle time constants (s) [E] and the logistic width of the command's edges (s) [E]. */
export const IABP_TAU_INFLATE_S = 0.03;
export const IABP_TAU_DEFLATE_S = 0.025;
const EDGE_WIDTH_S = 0.008;
/** Deflation relative to the next LV activation at a 1-s beat (s; 0 = at the R wave: the shuttle empties the balloon in the ≈ 60 ms of isovolumic contraction) [E]. */
const DEFLATION_LEAD_S = 0;

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

export class IntraAorticBalloon implements ControlComponent {
  readonly name: string;
  private readonly spec: IntraAorticBalloonSpec;
  private iV = -1;
  private beatsSig = -1;
  private periodSig = -1;
  private scaleSig = -1;
  private volSig = -1;
  private auxV = -1;
  private auxG = -1;
  private auxA = -1;
  private command = 0;

  constructor(spec: IntraAorticBalloonSpec) {
    this.spec = spec;
    this.name = spec.name;
  }

  bind(layout: Layout): void {
    this.iV = layout.state(`${this.name}.volume_mL`, 0);
    this.beatsSig = layout.signal("heart.beats", 0);
    this.periodSig = layout.signal("heart.period_s", 1);
    this.scaleSig = layout.signal("heart.timeScale", 1);
    this.volSig = layout.signal(`${this.name}.volume_mL`, 0);
    this.auxV = layout.aux(`${this.name}.balloon_mL`);
    this.auxG = layout.aux(`${this.name}.command`);
    this.auxA = layout.aux(`${this.name}.afterAssist`);
  }

  /** Inflate window of an assisted cycle, at time x (s) from that cycle's LV activation. */
  private window(x: number, t0: number, t1: number): number {
    return logistic((x - t0) / EDGE_WIDTH_S) * logistic((t1 - x) / EDGE_WIDTH_S);
  }

  evalSignals(y: Float64Array, ctx: EvalContext): void {
    const sp = this.spec;
    const s = ctx.s;
    const period = s[this.periodSig];
    const scale = s[this.scaleSig];
    // LV cycles: k counts LV activations, tc is the time since the last one.
    const x = s[this.beatsSig] - (sp.lvDelay_s * scale) / period;
    const k = Math.floor(x);
    const tc = (x - k) * period;
    const t0 = sp.notch_s * scale + sp.inflationOffset_s;
    const t1 = period + DEFLATION_LEAD_S * scale + sp.deflationOffset_s;
    const r = sp.ratio;
    // This cycle's window, and the tail of the previous cycle's (late deflation runs into this one).
    let g = 0;
    if (((k % r) + r) % r === 0) g += this.window(tc, t0, t1);
    const afterAssist = (((k - 1) % r) + r) % r === 0;
    if (afterAssist) g += this.window(tc + period, t0, t1);
    ctx.aux[this.auxA] = afterAssist ? 1 : 0;
    this.command = g > 1 ? 1 : g;
    const v = y[this.iV];
    s[this.volSig] = v;
    ctx.aux[this.auxV] = v;
    ctx.aux[this.auxG] = this.command;
  }

  evalDerivatives(y: Float64Array, dy: Float64Array, _ctx: EvalContext): void {
    const v = y[this.iV];
    const target = this.command * this.spec.volume_mL;
    dy[this.iV] = (target - v) / (target > v ? IABP_TAU_INFLATE_S : IABP_TAU_DEFLATE_S);
  }
}

registerControlKind<IntraAorticBalloonSpec>("intraAorticBalloon", (s) => new IntraAorticBalloon(s));
