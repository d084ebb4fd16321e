/**
 * An assembled circuit: flat typed arrays and the derivative function. Generic when assembled,
 * flat when it runs: one Float64Array of state, offsets bound once, no allocation per call.
 */
import type { ControlComponent, EvalContext, LinkComponent, NodeComponent } from "./component.js";
import type { Layout } from "./layout.js";
import type { LinkGroupEval, NodeGroupEval } from "./registry.js";

export interface NodeGroup {
  evalAll: NodeGroupEval;
  items: NodeComponent[];
}
export interface LinkGroup {
  evalAll: LinkGroupEval;
  items: LinkComponent[];
}

export class Model implements EvalContext {
  readonly layout: Layout;
  readonly nodes: NodeComponent[];
  readonly links: LinkComponent[];
  readonly controls: ControlComponent[];
  readonly p: Float64Array;
  readonly q: Float64Array;
  readonly s: Float64Array;
  readonly aux: Float64Array;
  readonly elastance: Float64Array;
  readonly rate: Float64Array;
  readonly damping: Float64Array;
  /** Indices of the states that may report self-damping. */
  readonly dampedStates: Int32Array;
  /** The state vector (volumes mL, flows mL/s, control states). */
  readonly y: Float64Array;
  readonly size: number;
  private readonly volIdx: Int32Array;
  private readonly fromIdx: Int32Array;
  private readonly toIdx: Int32Array;

  private readonly nodeGroups: NodeGroup[];
  private readonly linkGroups: LinkGroup[];

  constructor(
    layout: Layout,
    nodes: NodeComponent[],
    links: LinkComponent[],
    controls: ControlComponent[],
    nodeGroups: NodeGroup[],
    linkGroups: LinkGroup[],
  ) {
    this.nodeGroups = nodeGroups;
    this.linkGroups = linkGroups;
    this.layout = layout;
    this.nodes = nodes;
    this.links = links;
    this.controls = controls;
    this.size = layout.stateNames.length;
    this.y = Float64Array.from(layout.stateInitial);
    this.p = new Float64Array(nodes.length);
    this.q = new Float64Array(links.length);
    this.s = Float64Array.from(layout.signalInitial);
    this.aux = new Float64Array(layout.auxNames.length);
    this.elastance = new Float64Array(nodes.length);
    this.rate = new Float64Array(links.length);
    this.damping = new Float64Array(this.size);
    this.dampedStates = Int32Array.from(layout.dampedStates);
    this.volIdx = Int32Array.from(nodes.map((n) => n.volumeIndex));
    this.fromIdx = Int32Array.from(links.map((l) => nodes[l.fromIndex].volumeIndex));
    this.toIdx = Int32Array.from(links.map((l) => nodes[l.toIndex].volumeIndex));
  }

  /** dy = f(t, y). Also leaves p, q, s and aux describing the state (t, y). */
  derivatives(_t: number, y: Float64Array, dy: Float64Array): void {
    const { controls, q, nodeGroups, linkGroups } = this;
    for (let i = 0; i < controls.length; i++) controls[i].evalSignals(y, this);
    for (let g = 0; g < nodeGroups.length; g++) nodeGroups[g].evalAll(nodeGroups[g].items, y, this);
    for (let g = 0; g < linkGroups.length; g++) linkGroups[g].evalAll(linkGroups[g].items, y, dy, this);
    // Conservation, written once: each link's flow leaves its from-node and enters its to-node.
    const vol = this.volIdx;
    for (let i = 0; i < vol.length; i++) dy[vol[i]] = 0;
    const from = this.fromIdx;
    const to = this.toIdx;
    for (let i = 0; i < from.length; i++) {
      const f = q[i];
      dy[from[i]] -= f;
      dy[to[i]] += f;
    }
    for (let i = 0; i < controls.length; i++) controls[i].evalDerivatives(y, dy, this);
  }

  /** Largest link stiffness (1/s) of the last derivative evaluation (see EvalContext.rate). */
  stiffness(): number {
    const r = this.rate;
    let m = 0;
    for (let i = 0; i < r.length; i++) if (r[i] > m) m = r[i];
    return m;
  }

  /** Sum of all node volumes (mL): the conserved quantity. */
  totalVolume_mL(y: Float64Array = this.y): number {
    let v = 0;
    const vol = this.volIdx;
    for (let i = 0; i < vol.length; i++) v += y[vol[i]];
    return v;
  }

  stateIndex(name: string): number {
    const i = this.layout.stateNames.indexOf(name);
    if (i < 0) throw new Error(`unknown state ${name}`);
    return i;
  }

  signalIndex(name: string): number {
    const i = this.layout.signalNames.indexOf(name);
    if (i < 0) throw new Error(`unknown signal ${name}`);
    return i;
  }

  /** A copy of the state, for snapshots and restarts. */
  snapshot(): Float64Array {
    return Float64Array.from(this.y);
  }

  restore(state: Float64Array): void {
    if (state.length !== this.size)
      throw new Error(`snapshot has ${state.length} states, model ${this.size}`);
    this.y.set(state);
  }
}
