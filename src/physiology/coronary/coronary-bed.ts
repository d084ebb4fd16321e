/**
 * Coronary bed as a link from the aortic root to the right atrium (the coronary sinus drains there),
 * with the vascular waterfall of the beating heart (Downey & Kirk, Circ Res 1975;36:753): the
 * intramyocardial vessels are squeezed by the LV, so the back-pressure is the larger of LV and RA
 * pressure. Flow is therefore almost all diastolic, and its driving pressure is the clinical
 * coronary perfusion pressure (aortic diastolic minus LV end-diastolic pressure):
 *
 *   Q = G·d,   d = softplus(P_ao − max(P_lv, P_ra))   (smooth over 1 mmHg)
 *
 * G (mL/s/mmHg) is the conductance set by autoregulation (myocardial-perfusion.ts writes it as a
 * signal). No state; the link moves blood, so volume stays conserved.
 * JSON: { "name": "coronary", "kind": "coronaryBed", "from": "ao", "to": "ra", "compressionNode": "lv",
 *         "conductanceSignal": "coronary.conductance_mL_s_mmHg" }
 */
import type { EvalContext, LinkComponent } from "../../engine/component.js";
import type { Layout } from "../../engine/layout.js";
import { registerLinkKind } from "../../engine/registry.js";

export interface CoronaryBedSpec {
  kind: "coronaryBed";
  name: string;
  from: string;
  to: string;
  /** Node whose pressure squeezes the intramyocardial vessels (the LV). */
  compressionNode: string;
  conductanceSignal: string;
}

/** Width of the smooth positive part of the driving pressure (mmHg). */
const DRIVE_WIDTH_MMHG = 1;

export class CoronaryBed implements LinkComponent {
  static evalAll(items: readonly LinkComponent[], y: Float64Array, dy: Float64Array, ctx: EvalContext): void {
    for (let i = 0; i < items.length; i++) (items[i] as CoronaryBed).evalFlow(y, dy, ctx);
  }

  readonly name: string;
  linkIndex = -1;
  fromIndex = -1;
  toIndex = -1;
  private readonly spec: CoronaryBedSpec;
  private lvIndex = -1;
  private gSig = -1;
  private driveAux = -1;

  constructor(spec: CoronaryBedSpec) {
    this.spec = spec;
    this.name = spec.name;
  }

  bind(layout: Layout): void {
    this.lvIndex = layout.nodeIndex(this.spec.compressionNode);
    this.gSig = layout.signal(this.spec.conductanceSignal, 0.05);
    this.driveAux = layout.aux(`${this.name}.drive_mmHg`);
  }

  evalFlow(_y: Float64Array, _dy: Float64Array, ctx: EvalContext): void {
    const p = ctx.p;
    const back = p[this.lvIndex] > p[this.toIndex] ? p[this.lvIndex] : p[this.toIndex];
    const x = p[this.fromIndex] - back;
    const d = 0.5 * (x + Math.sqrt(x * x + DRIVE_WIDTH_MMHG * DRIVE_WIDTH_MMHG));
    ctx.q[this.linkIndex] = ctx.s[this.gSig] * d;
    ctx.aux[this.driveAux] = d;
  }
}

registerLinkKind<CoronaryBedSpec>("coronaryBed", {
  create: (s) => new CoronaryBed(s),
  evalAll: CoronaryBed.evalAll,
});
