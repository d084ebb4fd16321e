/**
 * Classical Runge-Kutta 4 with a preallocated workspace (scijs/ode-rk4 style) and stated-stiffness
 * sub-stepping (docs/decisions/0003-stiffness-substepping.md).
 *
 * RK methods preserve linear invariants exactly, so blood volume (a sum of states whose
 * derivatives sum to zero) is conserved to round-off, sub-steps or not.
 *
 * Stability, not accuracy, limits explicit RK4 on this model: a valve jet's flow relaxes at about
 * v/ℓ (500-1200 1/s), and a small resistor between two stiff nodes (Zc at its lower range end) gives
 * an RC rate of ~1000 1/s. Those rates come and go within a beat. The model states a bound ρ on the
 * local eigenvalue modulus at each evaluation (`Deriv.stiffness`, the largest of the components'
 * own local rates). When h·ρ exceeds RK4's stability bound (2.785 on the negative real axis, 2.83 on
 * the imaginary axis) times a safety factor, the step is taken as m equal sub-steps with h/m·ρ
 * within the bound: at the first stage (a priori) or, if a later stage turns stiffer, by redoing the
 * step. The step grid (t0 + i·dt) is unchanged, so recording and beat detection do not see sub-steps.
 * The count is remembered and relaxed by one per step. A stage-difference estimate
 * (‖k3 − k2‖/‖Y3 − Y2‖, Hairer & Wanner II §IV.2) was tried and dropped: it fires on the activation's
 * and the valve law's kinks and made the shock preset 8x slower (measured, ADR 0003).
 */
export interface Deriv {
  derivatives(t: number, y: Float64Array, dy: Float64Array): void;
  /** Optional: a bound on the local eigenvalue modulus (1/s) at the last evaluated point. */
  stiffness?(): number;
}

/** Largest h·ρ accepted (RK4's real-axis bound 2.785 × 0.8 safety) [E: measured margin]. */
export const RK4_STABLE_H_RHO = 2.2;
/** Most sub-steps per step (guards against a diverging estimate). */
const MAX_SUBSTEPS = 64;

export class Rk4 {
  readonly kind = "rk4" as const;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly tmp: Float64Array;
  private readonly y0: Float64Array;
  /** Sub-steps used by the last step (1 when not stiff). */
  substeps = 1;
  /** Right-hand-side evaluations so far (for the benchmark). */
  evaluations = 0;
  /** Steps that had to be redone with more sub-steps. */
  rejected = 0;

  constructor(size: number) {
    this.k1 = new Float64Array(size);
    this.k2 = new Float64Array(size);
    this.k3 = new Float64Array(size);
    this.k4 = new Float64Array(size);
    this.tmp = new Float64Array(size);
    this.y0 = new Float64Array(size);
  }

  /**
   * Advances y in place by dt, in as many equal sub-steps as stability needs. `afterFirstStage`
   * runs once, when the derivative at (t, y) is known: that is when the model's auxiliaries describe
   * exactly this sample, so recording costs no extra evaluation.
   */
  step(f: Deriv, t: number, y: Float64Array, dt: number, afterFirstStage?: (t: number) => void): void {
    const y0 = this.y0;
    const n = y.length;
    for (let i = 0; i < n; i++) y0[i] = y[i];
    f.derivatives(t, y, this.k1);
    this.evaluations++;
    if (afterFirstStage !== undefined) afterFirstStage(t);
    const rho0 = f.stiffness !== undefined ? f.stiffness() : 0;
    // Remembered count relaxes by one per step; the a-priori bound can raise it at once.
    let m = this.substeps > 1 ? this.substeps - 1 : 1;
    const need0 = Math.ceil((dt * rho0) / RK4_STABLE_H_RHO);
    if (need0 > m) m = need0 < MAX_SUBSTEPS ? need0 : MAX_SUBSTEPS;
    let haveK1 = true;
    for (;;) {
      const h = dt / m;
      let retry = false;
      for (let j = 0; j < m; j++) {
        const hRho = this.substep(f, t + j * h, y, h, haveK1);
        haveK1 = false;
        if (hRho > RK4_STABLE_H_RHO && m < MAX_SUBSTEPS) {
          // Too stiff for this sub-step: start the whole step again with enough sub-steps.
          const need = Math.ceil((m * hRho) / RK4_STABLE_H_RHO);
          m = Math.min(MAX_SUBSTEPS, Math.max(need, 2 * m));
          for (let i = 0; i < n; i++) y[i] = y0[i];
          this.rejected++;
          retry = true;
          break;
        }
      }
      if (!retry) break;
    }
    this.substeps = m;
  }

  /**
   * One RK4 step of length h (k1 already evaluated at (t, y) when `haveK1`); returns h·ρ with ρ the
   * largest stiffness the model stated at the four stages.
   */
  private substep(f: Deriv, t: number, y: Float64Array, h: number, haveK1: boolean): number {
    const { k1, k2, k3, k4, tmp } = this;
    const n = y.length;
    const stated = f.stiffness !== undefined;
    if (!haveK1) {
      f.derivatives(t, y, k1);
      this.evaluations++;
    }
    let rho = stated ? f.stiffness!() : 0;
    const h2 = h / 2;
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h2 * k1[i];
    f.derivatives(t + h2, tmp, k2);
    if (stated) rho = Math.max(rho, f.stiffness!());
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h2 * k2[i];
    f.derivatives(t + h2, tmp, k3);
    if (stated) rho = Math.max(rho, f.stiffness!());
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h * k3[i];
    f.derivatives(t + h, tmp, k4);
    if (stated) rho = Math.max(rho, f.stiffness!());
    const h6 = h / 6;
    for (let i = 0; i < n; i++) y[i] += h6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    this.evaluations += 3;
    return h * rho;
  }
}
