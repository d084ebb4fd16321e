/**
 * Time-varying elastance chamber (Burkhoff/Santamore form, reference §2.1):
 *
 *   P(V, t) = e(t)·Ees·k·(V − V0) + (1 − e(t))·β·(exp(α·(V − V0)) − 1)
 *
 * e(t): activation (activation.ts, written out inline here for speed) with onset `delay_s` after the beat starts; Tmax and delay
 * scale with √(T/1 s) so that a faster heart shortens systole and the AV delay less than diastole
 * (at HR 110: systole ≈ 0.31 s, diastole ≈ 0.24 s, reference §4.4 DFP 0.25 s) [E].
 * k: optional contractility multiplier signal (baroreflex).
 *
 * State: V (mL). Port: pressure P (mmHg).
 * Parameters: ees_mmHg_mL, v0_mL, alpha_per_mL, beta_mmHg, tmax_s, tau_s, delay_s (at HR 60).
 * JSON: { "name": "lv", "kind": "elastanceChamber", "ees_mmHg_mL": 2.21, "v0_mL": 5, "alpha_per_mL": 0.029,
 *         "beta_mmHg": 0.34, "tmax_s": 0.28, "tau_s": 0.025, "delay_s": 0.16, "initialVolume_mL": 120 }
 */
import type { EvalContext, NodeComponent } from "../../engine/component.js";
import type { Layout } from "../../engine/layout.js";
import { registerNodeKind } from "../../engine/registry.js";

export interface ElastanceChamberSpec {
  kind: "elastanceChamber";
  name: string;
  ees_mmHg_mL: number;
  v0_mL: number;
  alpha_per_mL: number;
  beta_mmHg: number;
  tmax_s: number;
  tau_s: number;
  delay_s: number;
  /** Name of a multiplier signal on Ees (e.g. "reflex.eLvScale"); none = 1. */
  contractilitySignal?: string;
}

/** Shortest beat, in units of Tmax (1.5·Tmax of contraction and relaxation plus 0.2·Tmax of rest). */
const MIN_PERIOD_PER_TMAX = 1.7;

/** Last activation computed (shared by chambers with identical timing within one evaluation). */
const memo = { tc: Number.NaN, tmax: Number.NaN, tau: Number.NaN, period: Number.NaN, e: 0 };

export class ElastanceChamber implements NodeComponent {
  /** Evaluates every ElastanceChamber in one monomorphic loop (the engine calls one group per kind). */
  static evalAll(items: readonly NodeComponent[], y: Float64Array, ctx: EvalContext): void {
    for (let i = 0; i < items.length; i++) (items[i] as ElastanceChamber).evalPressure(y, ctx);
  }

  readonly name: string;
  volumeIndex = -1;
  nodeIndex = -1;
  private readonly spec: ElastanceChamberSpec;
  private phaseSig = -1;
  private periodSig = -1;
  private scaleSig = -1;
  private timeScaleSig = -1;
  private eSig = -1;
  private kSig = -1;

  constructor(spec: ElastanceChamberSpec) {
    this.spec = spec;
    this.name = spec.name;
  }

  bind(layout: Layout): void {
    this.phaseSig = layout.signal("heart.phase");
    this.periodSig = layout.signal("heart.period_s", 1);
    this.timeScaleSig = layout.signal("heart.timeScale", 1);
    this.eSig = layout.signal(`${this.name}.activation`);
    this.scaleSig = this.spec.contractilitySignal ? layout.signal(this.spec.contractilitySignal, 1) : -1;
    this.kSig = layout.signal(`${this.name}.ees_mmHg_mL`, this.spec.ees_mmHg_mL);
  }

  /** Diastolic (relaxed) volume at pressure p: inverse of the EDPVR. */
  initialVolume_mL(p_mmHg: number): number {
    const { v0_mL, alpha_per_mL, beta_mmHg } = this.spec;
    return v0_mL + Math.log1p(Math.max(p_mmHg, 0) / beta_mmHg) / alpha_per_mL;
  }

  /** Baseline b of activation.ts, memoised on (period, tmax): they change only with heart rate. */
  private bPeriod = -1;
  private bTmax = -1;
  private bValue = 0;
  private baseline(period: number, tmax: number): number {
    if (period !== this.bPeriod || tmax !== this.bTmax) {
      this.bPeriod = period;
      this.bTmax = tmax;
      this.bValue = 0.5 * Math.exp(-(period - 1.5 * tmax) / this.spec.tau_s);
    }
    return this.bValue;
  }

  evalPressure(y: Float64Array, ctx: EvalContext): void {
    const sp = this.spec;
    const s = ctx.s;
    const period = s[this.periodSig];
    const scale = s[this.timeScaleSig];
    const delay = sp.delay_s * scale;
    let tc = s[this.phaseSig] * period - delay;
    if (tc < 0) tc += period;
    // activation() written out (hot path: keeps the double unboxed). Chambers with the same
    // timing (the two atria) share one evaluation through a memo of the last inputs.
    // Systole cannot outlast the beat: at fast rates the chamber still relaxes for ≥ 15 % of T.
    const tmaxScaled = sp.tmax_s * scale;
    const tmax = Math.min(tmaxScaled, period / MIN_PERIOD_PER_TMAX);
    let e: number;
    if (tc === memo.tc && tmax === memo.tmax && sp.tau_s === memo.tau && period === memo.period) e = memo.e;
    else {
      if (tc < 1.5 * tmax) {
        const rise = 0.5 * (Math.sin((Math.PI * tc) / tmax - Math.PI / 2) + 1);
        e = tc < tmax ? rise * (1 - this.baseline(period, tmax)) + this.baseline(period, tmax) : rise;
      } else e = 0.5 * Math.exp(-(tc - 1.5 * tmax) / sp.tau_s);
      memo.tc = tc;
      memo.tmax = tmax;
      memo.tau = sp.tau_s;
      memo.period = period;
      memo.e = e;
    }
    const ees = this.scaleSig >= 0 ? sp.ees_mmHg_mL * s[this.scaleSig] : sp.ees_mmHg_mL;
    const dv = y[this.volumeIndex] - sp.v0_mL;
    s[this.eSig] = e;
    s[this.kSig] = ees;
    // exp − 1 rather than expm1: the absolute error (≈1e-16·β mmHg) is far below anything measured,
    // and exp also gives the passive stiffness dP/dV = αβ·e^{αΔV}.
    const ex = Math.exp(sp.alpha_per_mL * dv);
    const passive = (1 - e) * sp.beta_mmHg;
    ctx.p[this.nodeIndex] = e * ees * dv + passive * (ex - 1);
    ctx.elastance[this.nodeIndex] = e * ees + passive * sp.alpha_per_mL * ex;
  }
}

registerNodeKind<ElastanceChamberSpec>("elastanceChamber", {
  create: (s) => new ElastanceChamber(s),
  evalAll: ElastanceChamber.evalAll,
});
