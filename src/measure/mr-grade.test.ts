import { describe, expect, it } from "vitest";
import { gradeByEroa, gradeByRegurgitantFraction, gradeByRegurgitantVolume, mrGrade } from "./mr-grade.js";

describe("mrGrade", () => {
  it("gradeByEroa uses the ASE 2017 thresholds 0.20 / 0.30 / 0.40 cm²", () => {
    expect([0.01, 0.1, 0.2, 0.29, 0.3, 0.39, 0.4].map(gradeByEroa)).toEqual([0, 1, 2, 2, 3, 3, 4]);
  });
  it("gradeByRegurgitantVolume uses 30 / 45 / 60 mL", () => {
    expect([5, 20, 30, 44, 45, 59, 60].map(gradeByRegurgitantVolume)).toEqual([0, 1, 2, 2, 3, 3, 4]);
  });
  it("gradeByRegurgitantFraction uses 30 / 40 / 50 %", () => {
    expect([5, 20, 30, 39, 40, 49, 50].map(gradeByRegurgitantFraction)).toEqual([0, 1, 2, 2, 3, 3, 4]);
  });
  it("mrGrade is the median of the three parameter grades", () => {
    expect(mrGrade(0.45, 37, 53)).toBe(4);
    expect(mrGrade(0.45, 37, 45)).toBe(3);
    expect(mrGrade(0.0, 0.5, 0.5)).toBe(0);
  });
});
