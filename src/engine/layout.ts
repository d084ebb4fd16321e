/**
 * Named slots → Float64Array offsets. Components ask for their slots by name at assembly;
 * nothing indexes the state by a hard-coded position.
 */
/**
 * - plain: an ordinary state; periodic at steady state.
 * - damped: a stiff flow whose component writes its self-damping into EvalContext.damping (the
 *   integrator takes it exponentially); periodic, but slaved to the pressures within a few ms.
 * - accumulator: grows for ever (a phase, a time counter); never periodic.
 */
export type StateRole = "plain" | "damped" | "accumulator";

export class Layout {
  readonly stateNames: string[] = [];
  readonly stateInitial: number[] = [];
  readonly nodeNames: string[] = [];
  readonly linkNames: string[] = [];
  readonly signalNames: string[] = [];
  readonly signalInitial: number[] = [];
  readonly auxNames: string[] = [];
  readonly stateRoles: StateRole[] = [];
  /** States that may report self-damping (EvalContext.damping), in slot order. */
  readonly dampedStates: number[] = [];

  /** A state slot; `role` tells the integrator and the steady-state test how to treat it. */
  state(name: string, initial: number, role: StateRole = "plain"): number {
    if (this.stateNames.includes(name)) throw new Error(`duplicate state slot ${name}`);
    this.stateNames.push(name);
    this.stateInitial.push(initial);
    this.stateRoles.push(role);
    if (role === "damped") this.dampedStates.push(this.stateNames.length - 1);
    return this.stateNames.length - 1;
  }

  /** A signal slot, shared by name: the writer and every reader get the same index. */
  signal(name: string, initial = 0): number {
    const i = this.signalNames.indexOf(name);
    if (i >= 0) return i;
    this.signalNames.push(name);
    this.signalInitial.push(initial);
    return this.signalNames.length - 1;
  }

  aux(name: string): number {
    if (this.auxNames.includes(name)) throw new Error(`duplicate aux slot ${name}`);
    this.auxNames.push(name);
    return this.auxNames.length - 1;
  }

  nodeIndex(name: string): number {
    const i = this.nodeNames.indexOf(name);
    if (i < 0) throw new Error(`unknown node ${name}`);
    return i;
  }

  linkIndex(name: string): number {
    const i = this.linkNames.indexOf(name);
    if (i < 0) throw new Error(`unknown link ${name}`);
    return i;
  }
}
