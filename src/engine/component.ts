/**
 * The component contract. A circuit is nodes (compartments that hold volume and have a pressure)
 * joined by links (elements that carry flow from `from` to `to`), plus controls (reflexes, clocks)
 * that write named signals. Sign convention, written once: a link's flow is positive from its
 * `from` node to its `to` node; the engine subtracts it from `from` and adds it to `to`, so blood
 * volume is conserved by construction and no component repeats that bookkeeping.
 *
 * Work is split by how often it changes (svZeroDSolver's update_constant/update_time/update_solution):
 * `bind` once at assembly, `eval*` inside every derivative evaluation (no allocation there).
 */
import type { Layout } from "./layout.js";

export interface EvalContext {
  /** Node pressures (mmHg), by node index. */
  readonly p: Float64Array;
  /** Link flows (mL/s), by link index. */
  readonly q: Float64Array;
  /** Named signals written by controls (heart phase, reflex scales...). */
  readonly s: Float64Array;
  /** Auxiliary outputs for recording (orifice areas, pump speed...). */
  readonly aux: Float64Array;
  /**
   * Node stiffness dP/dV (mmHg/mL), by node index, written with the pressure (optional: 0 if a
   * kind does not write it). Links read it to state their local stiffness.
   */
  readonly elastance: Float64Array;
  /**
   * Link stiffness (1/s), by link index: the largest local eigenvalue modulus this link contributes
   * (e.g. a resistor between two nodes: (E_from + E_to)/R). The integrator sub-steps when
   * dt × max(rate) would leave RK4's stability region (docs/decisions/0003). Optional: 0 if unwritten.
   */
  readonly rate: Float64Array;
  /**
   * Self-damping of a state (1/s), by state index: −∂(dy_i/dt)/∂y_i for a state whose own decay is
   * stiff (a valve's or pump's flow, whose loss term relaxes it at ≈ v/ℓ). The integrator takes this
   * part exactly (ETDRK4, docs/decisions/0003), so it does not limit the step; it is
   * not counted in `rate`. Optional: 0 if unwritten (plain RK4 for that state).
   */
  readonly damping: Float64Array;
}

export interface NodeComponent {
  readonly name: string;
  /** Offset of this node's volume (mL) in the state vector. */
  volumeIndex: number;
  /** Index in the pressure array. */
  nodeIndex: number;
  bind(layout: Layout): void;
  /** Unstressed volume (mL) used to build initial conditions. */
  initialVolume_mL(p_mmHg: number): number;
  /** Writes ctx.p[nodeIndex] from the state. */
  evalPressure(y: Float64Array, ctx: EvalContext): void;
}

export interface LinkComponent {
  readonly name: string;
  linkIndex: number;
  fromIndex: number;
  toIndex: number;
  bind(layout: Layout): void;
  /** Writes ctx.q[linkIndex]; writes dy for its own states (flow, opening...). */
  evalFlow(y: Float64Array, dy: Float64Array, ctx: EvalContext): void;
}

export interface ControlComponent {
  readonly name: string;
  bind(layout: Layout): void;
  /** Algebraic outputs from state only: runs before node pressures. */
  evalSignals(y: Float64Array, ctx: EvalContext): void;
  /** State derivatives: runs after pressures and flows are known. */
  evalDerivatives(y: Float64Array, dy: Float64Array, ctx: EvalContext): void;
}
