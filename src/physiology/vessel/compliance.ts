/**
 * Linear compliance (a Windkessel capacitor): P = (V − Vu − ΔVu)/C.
 * ΔVu: optional unstressed-volume shift signal (baroreflex venous tone, reference §6.1).
 *
 * State: V (mL). Port: pressure (mmHg). Parameters: compliance_mL_mmHg, unstressed_mL.
 * JSON: { "name": "sv", "kind": "compliance", "compliance_mL_mmHg": 70, "unstressed_mL": 2500,
 *         "unstressedSignal": "reflex.vuOffset_mL" }
 */
import type { EvalContext, NodeComponent } from "../../engine/component.js";
import type { Layout } from "../../engine/layout.js";
import { registerNodeKind } from "../../engine/registry.js";

export interface ComplianceSpec {
  kind: "compliance";
  name: string;
  compliance_mL_mmHg: number;
  unstressed_mL: number;
  unstressedSignal?: string;
}

export class Compliance implements NodeComponent {
  /** Evaluates every Compliance in one monomorphic loop (the engine calls one group per kind). */
  static evalAll(items: readonly NodeComponent[], y: Float64Array, ctx: EvalContext): void {
    for (let i = 0; i < items.length; i++) (items[i] as Compliance).evalPressure(y, ctx);
  }

  readonly name: string;
  volumeIndex = -1;
  nodeIndex = -1;
  private readonly invC: number;
  private readonly vu: number;
  private readonly spec: ComplianceSpec;
  private vuSig = -1;

  constructor(spec: ComplianceSpec) {
    this.spec = spec;
    this.name = spec.name;
    this.invC = 1 / spec.compliance_mL_mmHg;
    this.vu = spec.unstressed_mL;
  }

  bind(layout: Layout): void {
    if (this.spec.unstressedSignal) this.vuSig = layout.signal(this.spec.unstressedSignal, 0);
  }

  initialVolume_mL(p_mmHg: number): number {
    return this.vu + this.spec.compliance_mL_mmHg * p_mmHg;
  }

  evalPressure(y: Float64Array, ctx: EvalContext): void {
    const vu = this.vuSig >= 0 ? this.vu + ctx.s[this.vuSig] : this.vu;
    ctx.p[this.nodeIndex] = (y[this.volumeIndex] - vu) * this.invC;
    ctx.elastance[this.nodeIndex] = this.invC;
  }
}

registerNodeKind<ComplianceSpec>("compliance", {
  create: (s) => new Compliance(s),
  evalAll: Compliance.evalAll,
});
