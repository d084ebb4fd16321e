import { describe, expect, it } from "vitest";
import { reshare } from "./PatientControls.js";

describe("reshare", () => {
  it("sets one segment's share and scales the others to keep the sum at 1", () => {
    const s = reshare({ A1P1: 0.15, A2P2: 0.4, A3P3: 0.45 }, "A3P3", 0.7);
    expect(s.A3P3).toBe(0.7);
    expect(s.A1P1 + s.A2P2 + s.A3P3).toBeCloseTo(1, 12);
    expect(s.A2P2 / s.A1P1).toBeCloseTo(0.4 / 0.15, 9);
  });

  it("splits evenly when the others were all zero", () => {
    const s = reshare({ A1P1: 0, A2P2: 1, A3P3: 0 }, "A2P2", 0.5);
    expect(s).toEqual({ A1P1: 0.25, A2P2: 0.5, A3P3: 0.25 });
  });
});
