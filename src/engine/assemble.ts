/**
 * CircuitSpec (plain JSON data) → Model. Validates names and wiring with messages that name the
 * component; builds initial volumes so that the circuit holds exactly `totalVolume_mL`.
 */
import type { LinkComponent, NodeComponent } from "./component.js";
import { Layout } from "./layout.js";
import { Model } from "./model.js";
import {
  type ComponentSpecBase,
  controlKind,
  type LinkGroupEval,
  type LinkSpecBase,
  linkKind,
  type NodeGroupEval,
  nodeKind,
  registeredKinds,
} from "./registry.js";

/**
 * A circuit as plain data. The spec types default to the engine's base shapes; a caller that knows
 * its kinds (src/procedure/kinds.ts) narrows them to a typed union.
 */
export interface CircuitSpec<
  N extends ComponentSpecBase = ComponentSpecBase,
  L extends LinkSpecBase = LinkSpecBase,
  C extends ComponentSpecBase = ComponentSpecBase,
> {
  nodes: N[];
  links: L[];
  controls: C[];
  /** Blood volume the circuit holds (mL). */
  totalVolume_mL: number;
  /** Optional initial state by state name (e.g. from an earlier steady state). */
  initialState?: Record<string, number>;
}

interface VolumeBinder {
  bindVolumeNode(volumeIndexOf: (node: string) => number): void;
}
function hasVolumeBinder(x: unknown): x is VolumeBinder {
  return typeof (x as VolumeBinder).bindVolumeNode === "function";
}

export class CircuitError extends Error {}

function unknownKind(what: string, c: ComponentSpecBase): CircuitError {
  const known = registeredKinds();
  return new CircuitError(
    `${what} ${c.name}: unknown kind ${String(c.kind)}` +
      (known.length
        ? ` (registered: ${known.join(", ")})`
        : " (no kind registered: import the kinds module)"),
  );
}

export function assemble(spec: CircuitSpec): Model {
  const layout = new Layout();
  const nodeGroups = new Map<string, { evalAll: NodeGroupEval; items: NodeComponent[] }>();
  const nodes: NodeComponent[] = spec.nodes.map((n) => {
    const kind = nodeKind(n.kind);
    if (!kind) throw unknownKind("node", n);
    const c = kind.create(n);
    const g = nodeGroups.get(n.kind) ?? { evalAll: kind.evalAll, items: [] };
    g.items.push(c);
    nodeGroups.set(n.kind, g);
    return c;
  });
  const linkGroups = new Map<string, { evalAll: LinkGroupEval; items: LinkComponent[] }>();
  const links: LinkComponent[] = spec.links.map((l) => {
    const kind = linkKind(l.kind);
    if (!kind) throw unknownKind("link", l);
    const c = kind.create(l);
    const g = linkGroups.get(l.kind) ?? { evalAll: kind.evalAll, items: [] };
    g.items.push(c);
    linkGroups.set(l.kind, g);
    return c;
  });
  const controls = spec.controls.map((c) => {
    const make = controlKind(c.kind);
    if (!make) throw unknownKind("control", c);
    return make(c);
  });

  nodes.forEach((n, i) => {
    if (layout.nodeNames.includes(n.name)) throw new CircuitError(`node ${n.name}: duplicate name`);
    layout.nodeNames.push(n.name);
    n.nodeIndex = i;
    n.volumeIndex = layout.state(`${n.name}.volume_mL`, 0);
  });
  links.forEach((l, i) => {
    const s = spec.links[i];
    if (layout.linkNames.includes(l.name)) throw new CircuitError(`link ${l.name}: duplicate name`);
    layout.linkNames.push(l.name);
    l.linkIndex = i;
    const from = layout.nodeNames.indexOf(s.from);
    const to = layout.nodeNames.indexOf(s.to);
    if (from < 0) throw new CircuitError(`link ${l.name}: unknown from-node ${s.from}`);
    if (to < 0) throw new CircuitError(`link ${l.name}: unknown to-node ${s.to}`);
    l.fromIndex = from;
    l.toIndex = to;
  });
  for (const c of controls) c.bind(layout);
  for (const n of nodes) n.bind(layout);
  const volumeIndexOf = (name: string): number => {
    const i = layout.nodeNames.indexOf(name);
    if (i < 0) throw new CircuitError(`unknown node ${name}`);
    return nodes[i].volumeIndex;
  };
  for (const l of links) {
    l.bind(layout);
    if (hasVolumeBinder(l)) l.bindVolumeNode(volumeIndexOf);
  }

  const model = new Model(layout, nodes, links, controls, [...nodeGroups.values()], [...linkGroups.values()]);
  // Initial volumes: every node at a common filling pressure chosen (bisection) so that the
  // circuit holds exactly the requested blood volume.
  const target = spec.totalVolume_mL;
  const fill = (p: number): number => nodes.reduce((acc, n) => acc + n.initialVolume_mL(p), 0);
  let lo = -50;
  let hi = 200;
  if (fill(lo) > target) throw new CircuitError(`blood volume ${target} mL is below the unstressed volume`);
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    if (fill(mid) > target) hi = mid;
    else lo = mid;
  }
  const pFill = (lo + hi) / 2;
  for (const n of nodes) model.y[n.volumeIndex] = n.initialVolume_mL(pFill);
  // Put the round-off of the bisection into the largest node so the total is exact.
  const err = target - model.totalVolume_mL();
  let big = 0;
  for (let i = 1; i < nodes.length; i++)
    if (model.y[nodes[i].volumeIndex] > model.y[nodes[big].volumeIndex]) big = i;
  model.y[nodes[big].volumeIndex] += err;
  if (spec.initialState) {
    for (const [name, v] of Object.entries(spec.initialState)) {
      const i = layout.stateNames.indexOf(name);
      if (i >= 0) model.y[i] = v;
    }
  }
  return model;
}
