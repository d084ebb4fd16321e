import { describe, expect, it } from "vitest";
import { activation } from "./activation.js";

describe("activation", () => {
  const T = 0.8;
  const tmax = 0.28;
  const tau = 0.03;
  it("activation peaks at 1 at Tmax and stays within [0, 1]", () => {
    expect(activation(tmax, T, tmax, tau)).toBeCloseTo(1, 12);
    for (let t = 0; t < T; t += 0.001) {
      const e = activation(t, T, tmax, tau);
      expect(e).toBeGreaterThanOrEqual(0);
      expect(e).toBeLessThanOrEqual(1);
    }
  });
  it("activation is continuous at Tmax, 1.5·Tmax and across beats", () => {
    const eps = 1e-9;
    expect(activation(tmax - eps, T, tmax, tau)).toBeCloseTo(activation(tmax + eps, T, tmax, tau), 6);
    expect(activation(1.5 * tmax - eps, T, tmax, tau)).toBeCloseTo(
      activation(1.5 * tmax + eps, T, tmax, tau),
      6,
    );
    expect(activation(0, T, tmax, tau)).toBeCloseTo(activation(T - eps, T, tmax, tau), 6);
  });
  it("activation relaxes faster with a shorter time constant", () => {
    const t = 1.5 * tmax + 0.05;
    expect(activation(t, T, tmax, 0.02)).toBeLessThan(activation(t, T, tmax, 0.06));
  });
});
