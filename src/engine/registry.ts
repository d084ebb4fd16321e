/**
 * kind → factory and group evaluator. The engine names no component: each kind registers itself
 * beside its code (`registerNodeKind("compliance", …)` at the end of compliance.ts, as
 * svZeroDSolver's block factory sits beside the blocks), and one module outside the engine imports
 * every kind (src/procedure/kinds.ts). The assembler has no per-kind branches. Each kind evaluates
 * all its instances in one loop so that the inner call is monomorphic (and inlined): generic when
 * assembled, flat when it runs.
 */
import type { ControlComponent, EvalContext, LinkComponent, NodeComponent } from "./component.js";

/** What the engine needs of any component spec; each kind's own spec type adds its parameters. */
export interface ComponentSpecBase {
  kind: string;
  name: string;
}
export interface LinkSpecBase extends ComponentSpecBase {
  from: string;
  to: string;
}

export type NodeGroupEval = (items: readonly NodeComponent[], y: Float64Array, ctx: EvalContext) => void;
export type LinkGroupEval = (
  items: readonly LinkComponent[],
  y: Float64Array,
  dy: Float64Array,
  ctx: EvalContext,
) => void;

export interface NodeKind<S extends ComponentSpecBase = ComponentSpecBase> {
  create: (spec: S) => NodeComponent;
  evalAll: NodeGroupEval;
}
export interface LinkKind<S extends LinkSpecBase = LinkSpecBase> {
  create: (spec: S) => LinkComponent;
  evalAll: LinkGroupEval;
}
/** Controls are few (one of each kind); they are called directly. */
export type ControlKind<S extends ComponentSpecBase = ComponentSpecBase> = (spec: S) => ControlComponent;

const NODE_KINDS = new Map<string, NodeKind>();
const LINK_KINDS = new Map<string, LinkKind>();
const CONTROL_KINDS = new Map<string, ControlKind>();

function once<T>(map: Map<string, T>, what: string, kind: string, value: T): void {
  if (map.has(kind) && map.get(kind) !== value) throw new Error(`${what} kind ${kind} registered twice`);
  map.set(kind, value);
}

export function registerNodeKind<S extends ComponentSpecBase>(kind: S["kind"], k: NodeKind<S>): void {
  once(NODE_KINDS, "node", kind, k as unknown as NodeKind);
}
export function registerLinkKind<S extends LinkSpecBase>(kind: S["kind"], k: LinkKind<S>): void {
  once(LINK_KINDS, "link", kind, k as unknown as LinkKind);
}
export function registerControlKind<S extends ComponentSpecBase>(kind: S["kind"], k: ControlKind<S>): void {
  once(CONTROL_KINDS, "control", kind, k as unknown as ControlKind);
}

export const nodeKind = (kind: string): NodeKind | undefined => NODE_KINDS.get(kind);
export const linkKind = (kind: string): LinkKind | undefined => LINK_KINDS.get(kind);
export const controlKind = (kind: string): ControlKind | undefined => CONTROL_KINDS.get(kind);
/** Registered kind names (for messages). */
export const registeredKinds = (): string[] => [
  ...NODE_KINDS.keys(),
  ...LINK_KINDS.keys(),
  ...CONTROL_KINDS.keys(),
];
