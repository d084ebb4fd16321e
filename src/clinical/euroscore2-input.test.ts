import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { euroScore2InputSchema, parseEuroScore2Input, showValue } from "./euroscore2-input.js";

const VALID = JSON.parse(
  readFileSync(new URL("../../test/fixtures/good/euroscore2-contract-example.json", import.meta.url), "utf8"),
);

function lines(raw: unknown, basePath?: string): string[] {
  const r = parseEuroScore2Input(raw, basePath);
  if (r.ok) return [];
  return r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe("parseEuroScore2Input", () => {
  it("parseEuroScore2Input accepts the contract example unchanged", () => {
    expect(parseEuroScore2Input(VALID)).toEqual({ ok: true, value: VALID });
  });

  it("parseEuroScore2Input accepts dialysis without a clearance", () => {
    const { creatinineClearance_mL_min: _, ...rest } = VALID;
    const r = parseEuroScore2Input({ ...rest, dialysis: true });
    expect(r.ok).toBe(true);
  });

  it("parseEuroScore2Input reports age 130 with the validation limit", () => {
    expect(lines({ ...VALID, age_years: 130 })).toEqual([
      "age_years: 130 is out of range 18..95 (EuroSCORE II is not validated above 95)",
    ]);
  });

  it("parseEuroScore2Input reports age 0 as out of range", () => {
    expect(lines({ ...VALID, age_years: 0 })).toEqual([
      "age_years: 0 is out of range 18..95 (EuroSCORE II is a score for adult cardiac surgery)",
    ]);
  });

  it("parseEuroScore2Input asks for completed years", () => {
    expect(lines({ ...VALID, age_years: 72.5 })).toEqual([
      "age_years: 72.5 is not a whole number; expected an integer 18..95 (completed years)",
    ]);
  });

  it("parseEuroScore2Input reports NYHA 5 as out of range 1..4", () => {
    expect(lines({ ...VALID, nyhaClass: 5 })).toEqual(["nyhaClass: 5 is out of range 1..4"]);
    expect(lines({ ...VALID, nyhaClass: 2.5 })[0]).toMatch(/^nyhaClass: 2.5 is not a whole number/);
  });

  it("parseEuroScore2Input says which field to drop when dialysis and a clearance are both given", () => {
    expect(lines({ ...VALID, dialysis: true })).toEqual([
      "creatinineClearance_mL_min: 40 given together with dialysis: true; drop creatinineClearance_mL_min " +
        "(dialysis overrides the clearance) or set dialysis to false",
    ]);
  });

  it("parseEuroScore2Input requires the clearance unless on dialysis", () => {
    const { creatinineClearance_mL_min: _, ...rest } = VALID;
    expect(lines(rest)).toEqual([
      "creatinineClearance_mL_min: missing; required unless dialysis is true: a number 1..300 (mL/min, Cockcroft-Gault)",
    ]);
  });

  it("parseEuroScore2Input names the value and what is allowed for wrong types", () => {
    expect(lines({ ...VALID, dialysis: "no", sex: "M", urgency: 3, lvef_pct: "25" })).toEqual([
      'sex: "M" is not allowed; expected "male" or "female"',
      'dialysis: "no" is not allowed; expected true or false',
      'lvef_pct: "25" is not allowed; expected a number 1..90 (%)',
      'urgency: 3 is not allowed; expected one of "elective", "urgent", "emergency", "salvage"',
    ]);
  });

  it("parseEuroScore2Input rejects unknown keys and suggests a near key", () => {
    expect(lines({ ...VALID, lvef: 25 })).toEqual(['lvef: unknown key (value 25); did you mean "lvef_pct"?']);
    expect(lines({ ...VALID, bmi: 31 })[0]).toMatch(
      /^bmi: unknown key \(value 31\); allowed keys: age_years, sex,/,
    );
  });

  it("parseEuroScore2Input lists each missing field (the clearance only once dialysis is known)", () => {
    const problems = lines({});
    expect(problems).toHaveLength(18);
    expect(problems.some((l) => l.startsWith("creatinineClearance_mL_min"))).toBe(false);
    expect(problems).toContain("age_years: missing; expected an integer 18..95 (completed years)");
  });

  it("parseEuroScore2Input reports a non-object at the base path", () => {
    expect(lines([1], "euroscore2.")[0]).toMatch(/^euroscore2: \[1\] is not allowed; expected an object/);
    expect(lines(null)[0]).toMatch(/^: null is not allowed/);
  });

  it("parseEuroScore2Input prefixes every path with basePath", () => {
    expect(lines({ ...VALID, nyhaClass: 0, extra: true }, "euroscore2.")).toEqual([
      "euroscore2.nyhaClass: 0 is out of range 1..4",
      "euroscore2.extra: unknown key (value true); allowed keys: " + Object.keys(VALID).join(", "),
    ]);
  });
});

describe("euroScore2InputSchema", () => {
  it("euroScore2InputSchema is strict", () => {
    expect(euroScore2InputSchema.safeParse({ ...VALID, x: 1 }).success).toBe(false);
    expect(euroScore2InputSchema.safeParse(VALID).success).toBe(true);
  });
});

describe("showValue", () => {
  it("showValue quotes strings and shortens long values", () => {
    expect(showValue("a")).toBe('"a"');
    expect(showValue(3)).toBe("3");
    expect(showValue("x".repeat(100))).toHaveLength(40);
  });
});
