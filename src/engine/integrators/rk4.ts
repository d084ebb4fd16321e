/**
 * Classical fixed-step Runge-Kutta 4 with a preallocated workspace (scijs/ode-rk4 style).
 * RK methods preserve linear invariants exactly, so blood volume (a sum of states whose
 * derivatives sum to zero) is conserved to round-off.
 */
export interface Deriv {
  derivatives(t: number, y: Float64Array, dy: Float64Array): void;
}

export class Rk4 {
  readonly kind = "rk4" as const;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly tmp: Float64Array;

  constructor(size: number) {
    this.k1 = new Float64Array(size);
    this.k2 = new Float64Array(size);
    this.k3 = new Float64Array(size);
    this.k4 = new Float64Array(size);
    this.tmp = new Float64Array(size);
  }

  /**
   * Advances y in place by dt. `afterFirstStage` runs once the derivative at (t, y) is known,
   * which is when the model's auxiliaries describe exactly this sample: recording costs no extra
   * evaluation.
   */
  step(f: Deriv, t: number, y: Float64Array, dt: number, afterFirstStage?: (t: number) => void): void {
    const { k1, k2, k3, k4, tmp } = this;
    const n = y.length;
    f.derivatives(t, y, k1);
    if (afterFirstStage !== undefined) afterFirstStage(t);
    const h2 = dt / 2;
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h2 * k1[i];
    f.derivatives(t + h2, tmp, k2);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + h2 * k2[i];
    f.derivatives(t + h2, tmp, k3);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + dt * k3[i];
    f.derivatives(t + dt, tmp, k4);
    const h6 = dt / 6;
    for (let i = 0; i < n; i++) y[i] += h6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  }
}
