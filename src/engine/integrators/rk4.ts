/**
 * Exponential Runge-Kutta 4 (ETDRK4) on the stiff self-damping of flow states, classical RK4 on every
 * other state, and stated-stiffness sub-stepping; preallocated workspace (scijs/ode-rk4 style).
 * Decision and measurements: docs/decisions/0003-etdrk4-stated-stiffness-beat-locked-steady-state.md.
 *
 * Stability, not accuracy, limits classical RK4 on this model (issue 10): a valve's flow relaxes at
 * −∂Q̇/∂Q = 2B|Q|/L ≈ v/ℓ (500-1200 1/s for a 5-12 m/s jet, closed leaks included), and a small
 * resistor between two stiff nodes (Zc at its range end) has an RC rate of ~1000 1/s.
 *
 * 1. Self-damping. The model states, per state, λ_i = −∂ẏ_i/∂y_i where that is stiff
 *    (`Deriv.damping` for `Deriv.dampedStates`, written by the components). With Λ = diag(λ) frozen at
 *    the start of each (sub)step, ẏ = −Λy + N(y), N = f + Λy, is integrated by Cox & Matthews' ETDRK4
 *    (J Comput Phys 176:430, 2002): the linear part exactly, N with φ-function weights. For λ = 0 it is
 *    exactly classical RK4, so volumes (never damped) change by h/6·Σ of flow combinations and blood
 *    volume is conserved to round-off. Lawson's integrating-factor RK4 on the same Λ was stable but lost
 *    accuracy on the quasi-steady jets (0.6-1.5 % at 4 ms, ADR 0003).
 * 2. What remains. The model also states ρ, a bound on the other local eigenvalue moduli
 *    (`Deriv.stiffness`: RC modes, inertance-elastance oscillations), and the integrator adds the
 *    growth of λ within the step, max(λ_i(stage) − Λ_i). When h·ρ exceeds RK4's stability bound
 *    (2.785 on the negative real axis, 2.83 on the imaginary axis) times a safety factor, the step is
 *    taken as m equal sub-steps: decided at the first stage, or by redoing the step if a later stage
 *    turns stiffer. The step grid (t0 + i·dt) is unchanged, so recording and beat detection do not
 *    see sub-steps; the count is remembered and relaxed by one per step.
 * A stage-difference stiffness estimate (‖k3 − k2‖/‖Y3 − Y2‖, Hairer & Wanner II §IV.2) was tried
 * and dropped: it fires on the activation's and the valve law's kinks (8x more evaluations, ADR 0003).
 */
export interface Deriv {
  derivatives(t: number, y: Float64Array, dy: Float64Array): void;
  /** Optional: bound on the local eigenvalue moduli (1/s) at the last evaluated point, self-damping excluded. */
  stiffness?(): number;
  /** Optional: per-state self-damping λ_i ≥ 0 (1/s) at the last evaluated point... */
  readonly damping?: Float64Array;
  /** ...written only for these state indices. */
  readonly dampedStates?: Int32Array;
}

/** Largest h·ρ accepted (RK4's real-axis bound 2.785 × 0.8 safety) [E: measured margin]. */
export const RK4_STABLE_H_RHO = 2.2;
/** Smallest λh taken exponentially; below it classical RK4 is stable and the φ-formulas would cancel. */
const ETD_MIN_Z = 0.5;
/** Most sub-steps per step (guards against a runaway bound). */
const MAX_SUBSTEPS = 64;

export class Rk4 {
  readonly kind = "etdrk4" as const;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly tmp: Float64Array;
  private readonly y0: Float64Array;
  /** Frozen self-damping Λ of the current sub-step and the factors e^{−Λh/2}, e^{−Λh}. */
  private readonly lam: Float64Array;
  private readonly eHalf: Float64Array;
  private readonly eFull: Float64Array;
  /** ETDRK4 coefficients per state: (e^{ch/2} − 1)/c, f1, f2, f3. */
  private readonly qh: Float64Array;
  private readonly f1: Float64Array;
  private readonly f2: Float64Array;
  private readonly f3: Float64Array;
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
    this.lam = new Float64Array(size);
    this.eHalf = new Float64Array(size);
    this.eFull = new Float64Array(size);
    this.qh = new Float64Array(size);
    this.f1 = new Float64Array(size);
    this.f2 = new Float64Array(size);
    this.f3 = new Float64Array(size);
  }

  /**
   * Advances y in place by dt, in as many equal sub-steps as stability needs. `afterFirstStage`
   * runs once, when the derivative at (t, y) is known: that is when the model's auxiliaries describe
   * exactly this sample, so recording costs no extra evaluation.
   */
  step(f: Deriv, t: number, y: Float64Array, dt: number, afterFirstStage?: (t: number) => void): void {
    const y0 = this.y0;
    const n = y.length;
    f.derivatives(t, y, this.k1);
    this.evaluations++;
    if (afterFirstStage !== undefined) afterFirstStage(t);
    const rho0 = f.stiffness !== undefined ? f.stiffness() : 0;
    // Remembered count relaxes by one per step; the first-stage bound can raise it at once.
    let m = this.substeps > 1 ? this.substeps - 1 : 1;
    const need0 = Math.ceil((dt * rho0) / RK4_STABLE_H_RHO);
    if (need0 > m) m = need0 < MAX_SUBSTEPS ? need0 : MAX_SUBSTEPS;
    let haveK1 = true;
    // y0 is needed only to redo a step whose earlier sub-steps already moved y (a single sub-step
    // that turns out too stiff leaves y untouched).
    let saved = false;
    for (;;) {
      const h = dt / m;
      if (m > 1 && !saved) {
        for (let i = 0; i < n; i++) y0[i] = y[i];
        saved = true;
      }
      let retry = false;
      for (let j = 0; j < m; j++) {
        const hRho = this.substep(f, t + j * h, y, h, haveK1, m < MAX_SUBSTEPS);
        haveK1 = false;
        if (hRho > RK4_STABLE_H_RHO && m < MAX_SUBSTEPS) {
          // Too stiff for this sub-step: start the whole step again with enough sub-steps.
          const need = Math.ceil((m * hRho) / RK4_STABLE_H_RHO);
          if (saved) for (let i = 0; i < n; i++) y[i] = y0[i];
          m = Math.min(MAX_SUBSTEPS, Math.max(need, 2 * m));
          this.rejected++;
          retry = true;
          break;
        }
      }
      if (!retry) break;
    }
    this.substeps = m;
  }

  /** max(stated stiffness, growth of the self-damping beyond the frozen Λ) at the last evaluation. */
  private rho(f: Deriv, d: Float64Array | undefined, idx: Int32Array | undefined): number {
    let r = f.stiffness !== undefined ? f.stiffness() : 0;
    if (d !== undefined && idx !== undefined) {
      const lam = this.lam;
      for (let j = 0; j < idx.length; j++) {
        // Only damping beyond the frozen Λ is left to the explicit part (a negative eigenvalue
        // Λ − λ); damping below Λ is over-damped by e^{−Λh} and amplified by at most e^{(Λ−λ)h}.
        const x = d[idx[j]] - lam[j];
        if (x > r) r = x;
      }
    }
    return r;
  }

  /**
   * One ETDRK4 step of length h (k1 already evaluated at (t, y) when `haveK1`); returns h·ρ with ρ
   * the largest stiffness seen at the four stages (see rho()). When `mayReject` and h·ρ is beyond
   * the bound, y is left unchanged. With c = −λ (per state, frozen):
   *   a = e^{ch/2}u + (e^{ch/2} − 1)/c·N(u),  b = e^{ch/2}u + (e^{ch/2} − 1)/c·N(a)
   *   c' = e^{ch/2}a + (e^{ch/2} − 1)/c·(2N(b) − N(u))
   *   u⁺ = e^{ch}u + f1·N(u) + 2f2·(N(a) + N(b)) + f3·N(c')   (Cox & Matthews 2002, eq. 26)
   * States with λh below ETD_MIN_Z take λ = 0, where this is exactly classical RK4.
   */
  private substep(
    f: Deriv,
    t: number,
    y: Float64Array,
    h: number,
    haveK1: boolean,
    mayReject: boolean,
  ): number {
    const { k1, k2, k3, k4, tmp, lam, eHalf, eFull, qh, f1, f2, f3 } = this;
    const n = y.length;
    if (!haveK1) {
      f.derivatives(t, y, k1);
      this.evaluations++;
    }
    let rho = f.stiffness !== undefined ? f.stiffness() : 0;
    const h2 = h / 2;
    const h6 = h / 6;
    // Freeze Λ for the damped states (j indexes dampedStates); from here on k_i hold N_i = f_i + λ_i·Y_i.
    // Every other state, and a damped one with λh below ETD_MIN_Z, takes classical RK4.
    const d = f.damping;
    const idx = f.dampedStates;
    const nd = d !== undefined && idx !== undefined ? idx.length : 0;
    for (let j = 0; j < nd; j++) {
      const i = (idx as Int32Array)[j];
      const l = (d as Float64Array)[i];
      const z = -l * h;
      if (-z >= ETD_MIN_Z) {
        // Direct formulas: for |z| ≥ 0.5 their cancellation error is below 1e-14 relative.
        const e = Math.exp(z / 2);
        const E = e * e;
        const hz3 = h / (z * z * z);
        lam[j] = l;
        eHalf[j] = e;
        eFull[j] = E;
        qh[j] = (h * (e - 1)) / z;
        f1[j] = hz3 * (-4 - z + E * (4 - 3 * z + z * z));
        f2[j] = hz3 * (2 + z + E * (z - 2));
        f3[j] = hz3 * (-4 - 3 * z - z * z + E * (4 - z));
        k1[i] += l * y[i];
      } else {
        lam[j] = 0;
        eHalf[j] = 1;
        eFull[j] = 1;
        qh[j] = h2;
        f1[j] = h6;
        f2[j] = h6;
        f3[j] = h6;
      }
    }
    // Each stage: the classical update for all states, then the damped ones overwritten.
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h2 * k1[i];
    for (let j = 0; j < nd; j++) {
      const i = (idx as Int32Array)[j];
      tmp[i] = eHalf[j] * y[i] + qh[j] * k1[i];
    }
    f.derivatives(t + h2, tmp, k2);
    for (let j = 0; j < nd; j++) {
      const i = (idx as Int32Array)[j];
      k2[i] += lam[j] * tmp[i];
    }
    let r = this.rho(f, d, idx);
    if (r > rho) rho = r;
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h2 * k2[i];
    for (let j = 0; j < nd; j++) {
      const i = (idx as Int32Array)[j];
      tmp[i] = eHalf[j] * y[i] + qh[j] * k2[i];
    }
    f.derivatives(t + h2, tmp, k3);
    for (let j = 0; j < nd; j++) {
      const i = (idx as Int32Array)[j];
      k3[i] += lam[j] * tmp[i];
    }
    r = this.rho(f, d, idx);
    if (r > rho) rho = r;
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h * k3[i];
    for (let j = 0; j < nd; j++) {
      const i = (idx as Int32Array)[j];
      const a = eHalf[j] * y[i] + qh[j] * k1[i];
      tmp[i] = eHalf[j] * a + qh[j] * (2 * k3[i] - k1[i]);
    }
    f.derivatives(t + h, tmp, k4);
    for (let j = 0; j < nd; j++) {
      const i = (idx as Int32Array)[j];
      k4[i] += lam[j] * tmp[i];
    }
    r = this.rho(f, d, idx);
    if (r > rho) rho = r;
    this.evaluations += 3;
    // Too stiff: leave y as it was; the caller redoes the step with more sub-steps.
    if (mayReject && h * rho > RK4_STABLE_H_RHO) return h * rho;
    // Damped states first (they read y before it is overwritten), then the classical rest.
    for (let j = 0; j < nd; j++) {
      const i = (idx as Int32Array)[j];
      const u = eFull[j] * y[i] + f1[j] * k1[i] + 2 * f2[j] * (k2[i] + k3[i]) + f3[j] * k4[i];
      k1[i] = u; // stash: k1 is not read again in this sub-step
    }
    for (let i = 0; i < n; i++) y[i] += h6 * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
    for (let j = 0; j < nd; j++) {
      const i = (idx as Int32Array)[j];
      y[i] = k1[i];
    }
    return h * rho;
  }
}
