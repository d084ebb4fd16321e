import { describe, expect, it } from "vitest";
import { waveformCsv } from "./csv.js";

describe("waveformCsv", () => {
  it("writes a header and one row per sample, 6 significant digits", () => {
    const t = Float64Array.from([0, 0.004, 0.008]);
    const p = Float64Array.from([80.123456789, 81, Number.NaN]);
    const csv = waveformCsv(["t_s", "ao.p_mmHg"], [t, p], 3);
    expect(csv).toBe("t_s,ao.p_mmHg\n0,80.1235\n0.004,81\n0.008,\n");
  });

  it("writes only the first `length` samples (a window of larger buffers)", () => {
    const a = Float64Array.from([1, 2, 3, 4]);
    expect(waveformCsv(["x"], [a], 2).trim().split("\n")).toEqual(["x", "1", "2"]);
  });

  it("parses back to the same numbers", () => {
    const a = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i) * 100);
    const rows = waveformCsv(["a"], [a], a.length).trim().split("\n").slice(1).map(Number);
    rows.forEach((v, i) => {
      expect(v).toBeCloseTo(a[i], 3);
    });
  });
});
