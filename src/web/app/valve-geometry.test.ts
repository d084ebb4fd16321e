import { describe, expect, it } from "vitest";
import { lineY, offsetToX, VALVE_VIEW, xToOffset_mm } from "./valve-geometry.js";

describe("offsetToX / xToOffset_mm", () => {
  it("are inverse and put the centre of A2-P2 in the middle of the drawing", () => {
    expect(offsetToX(0, 36)).toBe(VALVE_VIEW.cx);
    for (const off of [-15, -6, 0, 4.5, 12]) expect(xToOffset_mm(offsetToX(off, 36), 36)).toBeCloseTo(off, 9);
  });

  it("draw the line lowest in the middle (a smile seen from the atrium)", () => {
    expect(lineY(VALVE_VIEW.cx)).toBeGreaterThan(lineY(offsetToX(12, 36)));
  });
});
