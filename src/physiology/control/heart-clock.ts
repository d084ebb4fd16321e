/**
 * Heart clock: a phase state φ with dφ/dt = 1/T, so the heart period T may change beat by beat
 * (baroreflex) without time ever being accumulated (`t += dt`) anywhere.
 *
 *   T = 60/HR + ΔT_reflex (if the reflex controls heart rate), smoothly bounded below by 0.3 s
 *
 * Signals written: heart.phase (frac φ, 0..1), heart.period_s, heart.timeScale (√(T/1 s), used to
 * scale systolic timing), heart.hr_bpm.
 * State: φ (beats). Parameters: hr_bpm.
 * JSON: { "name": "heart", "kind": "heartClock", "hr_bpm": 70, "periodOffsetSignal": "reflex.periodOffset_s" }
 */
import type { ControlComponent, EvalContext } from "../../engine/component.js";
import type { Layout } from "../../engine/layout.js";
import { registerControlKind } from "../../engine/registry.js";

export interface HeartClockSpec {
  kind: "heartClock";
  name: string;
  hr_bpm: number;
  periodOffsetSignal?: string;
}

/** Shortest period the smooth bound allows (s) and its transition width (s). */
const MIN_PERIOD_S = 0.3;
const MIN_PERIOD_WIDTH_S = 0.02;

export class HeartClock implements ControlComponent {
  readonly name: string;
  private readonly spec: HeartClockSpec;
  private phiIdx = -1;
  private phaseSig = -1;
  private periodSig = -1;
  private scaleSig = -1;
  private hrSig = -1;
  private offsetSig = -1;

  constructor(spec: HeartClockSpec) {
    this.spec = spec;
    this.name = spec.name;
  }

  bind(layout: Layout): void {
    this.phiIdx = layout.state("heart.phase_beats", 0, "accumulator");
    const t0 = 60 / this.spec.hr_bpm;
    this.phaseSig = layout.signal("heart.phase", 0);
    this.periodSig = layout.signal("heart.period_s", t0);
    this.scaleSig = layout.signal("heart.timeScale", Math.sqrt(t0));
    this.hrSig = layout.signal("heart.hr_bpm", this.spec.hr_bpm);
    if (this.spec.periodOffsetSignal) this.offsetSig = layout.signal(this.spec.periodOffsetSignal, 0);
  }

  evalSignals(y: Float64Array, ctx: EvalContext): void {
    const s = ctx.s;
    let period = 60 / this.spec.hr_bpm;
    if (this.offsetSig >= 0) {
      // softMin(period + offset, MIN_PERIOD_S, width) written out (hot path).
      const d = period + s[this.offsetSig] - MIN_PERIOD_S;
      period = MIN_PERIOD_S + 0.5 * (d + Math.sqrt(d * d + MIN_PERIOD_WIDTH_S * MIN_PERIOD_WIDTH_S));
    }
    const phi = y[this.phiIdx];
    s[this.phaseSig] = phi - Math.floor(phi);
    s[this.periodSig] = period;
    s[this.scaleSig] = Math.sqrt(period);
    s[this.hrSig] = 60 / period;
  }

  evalDerivatives(_y: Float64Array, dy: Float64Array, ctx: EvalContext): void {
    dy[this.phiIdx] = 1 / ctx.s[this.periodSig];
  }
}

registerControlKind<HeartClockSpec>("heartClock", (s) => new HeartClock(s));
