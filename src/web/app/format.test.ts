import { describe, expect, it } from "vitest";
import { fmtDelta } from "./format.js";

describe("fmtDelta", () => {
  it("is the difference of the figures shown, signed, with no negative zero", () => {
    expect(fmtDelta(2.78, 2.7349, 2)).toBe("-0.05");
    expect(fmtDelta(2.784, 2.7249, 2)).toBe("-0.06");
    expect(fmtDelta(79.4, 81.6, 0)).toBe("+3");
    expect(fmtDelta(80.2, 79.9, 0)).toBe("0");
    expect(fmtDelta(4, 1, 0)).toBe("-3");
    expect(fmtDelta(undefined, 1, 0)).toBe("–");
  });
});
