import { describe, expect, it } from "vitest";
import { roundDeep, roundSignificant, slug, waveformCsv, waveformFileName } from "../../src/cli/result.js";
import { Trace } from "../../src/engine/trace.js";

describe("roundSignificant", () => {
  it("roundSignificant keeps the given significant digits and maps non-finite numbers to null", () => {
    expect(roundSignificant(80.47283, 4)).toBe(80.47);
    expect(roundSignificant(38999.9999, 4)).toBe(39000);
    expect(roundSignificant(0.000123456, 4)).toBe(0.0001235);
    expect(roundSignificant(0, 4)).toBe(0);
    expect(roundSignificant(Number.NaN, 4)).toBeNull();
  });
});

describe("roundDeep", () => {
  it("roundDeep rounds numbers in nested objects and keeps booleans and strings", () => {
    expect(roundDeep({ a: 1.23456, b: { c: [2.34567] }, d: true, e: "x" })).toEqual({
      a: 1.235,
      b: { c: [2.346] },
      d: true,
      e: "x",
    });
  });
});

describe("slug", () => {
  it("slug makes a lower-case file-name part from a step name", () => {
    expect(slug("Impella CP at P6")).toBe("impella-cp-at-p6");
    expect(slug("NTW at A2-P2")).toBe("ntw-at-a2-p2");
    expect(slug("Impella 5.0 at 2 L/min")).toBe("impella-5-0-at-2-l-min");
    expect(slug("Anämie & Tachykardie!")).toBe("anamie-tachykardie");
    expect(slug("***")).toBe("step");
  });
});

describe("waveformFileName", () => {
  it("waveformFileName zero-pads the 0-based step index to the width of the last one", () => {
    expect(waveformFileName(0, 4, "baseline")).toBe("0-baseline.csv");
    expect(waveformFileName(3, 12, "support at P2")).toBe("03-support-at-p2.csv");
  });
});

describe("waveformCsv", () => {
  it("waveformCsv writes time from 0 and every pressure, volume and flow column", () => {
    const tr = new Trace(["t_s", "dt_s", "lv.p_mmHg", "lv.v_mL", "mv.q_mL_s", "mv.area_cm2"], 2);
    tr.columns[0].set([10, 10.002]);
    tr.columns[2].set([5.1234567, 6]);
    tr.columns[3].set([100, 101]);
    tr.columns[4].set([-1.5, 2]);
    tr.length = 2;
    expect(waveformCsv(tr)).toBe("t_s,lv.p_mmHg,lv.v_mL,mv.q_mL_s\n0,5.12346,100,-1.5\n0.002,6,101,2\n");
  });
});
