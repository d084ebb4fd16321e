/**
 * Linear (Poiseuille) resistor: Q = (P_from − P_to)/(R·k), k an optional multiplier signal
 * (baroreflex arteriolar tone). Viscosity enters R at assembly (blood/viscosity.ts).
 *
 * No state. Parameters: resistance_mmHg_s_mL.
 * JSON: { "name": "svr", "kind": "resistor", "from": "sa", "to": "sv", "resistance_mmHg_s_mL": 1.0,
 *         "scaleSignal": "reflex.rScale" }
 */
import type { EvalContext, LinkComponent } from "../../engine/component.js";
import type { Layout } from "../../engine/layout.js";
import { registerLinkKind } from "../../engine/registry.js";

export interface ResistorSpec {
  kind: "resistor";
  name: string;
  from: string;
  to: string;
  resistance_mmHg_s_mL: number;
  scaleSignal?: string;
}

export class Resistor implements LinkComponent {
  /** Evaluates every Resistor in one monomorphic loop (the engine calls one group per kind). */
  static evalAll(items: readonly LinkComponent[], y: Float64Array, dy: Float64Array, ctx: EvalContext): void {
    for (let i = 0; i < items.length; i++) (items[i] as Resistor).evalFlow(y, dy, ctx);
  }

  readonly name: string;
  linkIndex = -1;
  fromIndex = -1;
  toIndex = -1;
  private readonly g: number;
  private readonly spec: ResistorSpec;
  private scaleSig = -1;

  constructor(spec: ResistorSpec) {
    this.spec = spec;
    this.name = spec.name;
    this.g = 1 / spec.resistance_mmHg_s_mL;
  }

  bind(layout: Layout): void {
    if (this.spec.scaleSignal) this.scaleSig = layout.signal(this.spec.scaleSignal, 1);
  }

  evalFlow(_y: Float64Array, _dy: Float64Array, ctx: EvalContext): void {
    const dp = ctx.p[this.fromIndex] - ctx.p[this.toIndex];
    const g = this.scaleSig >= 0 ? this.g / ctx.s[this.scaleSig] : this.g;
    ctx.q[this.linkIndex] = dp * g;
    // The two-node RC mode: dΔV/dt = −g·(E_from + E_to)·ΔV.
    ctx.rate[this.linkIndex] = g * (ctx.elastance[this.fromIndex] + ctx.elastance[this.toIndex]);
  }
}

registerLinkKind<ResistorSpec>("resistor", { create: (s) => new Resistor(s), evalAll: Resistor.evalAll });
