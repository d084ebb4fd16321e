/** `clipshock plan` on a scenario file: the contract's example, with its EuroSCORE II block and no search. */
import { beforeAll, describe, expect, it } from "vitest";
import { lines, runCli } from "../cli/run-cli.js";
import { type PlanDoc, planJson } from "./plan-cli.js";

describe("plan test/fixtures/good/contract-example.json", () => {
  let doc: PlanDoc;
  beforeAll(async () => {
    doc = await planJson([
      "test/fixtures/good/contract-example.json",
      "--at",
      "anaemia and tachycardia",
      "--max-clips",
      "0",
    ]);
  });

  it("plans after the named step without a clip search when --max-clips is 0", () => {
    expect(doc.at).toBe("anaemia and tachycardia");
    expect(doc.clipSearch).toBeNull();
    expect(doc.clipStrategies).toEqual([]);
  });

  it("scores EuroSCORE II from the scenario's block (the contract's 35.48 %)", () => {
    expect(doc.euroscore2?.predictedMortality_pct).toBeCloseTo(35.48, 2);
  });

  // Anaemia both lowers viscosity (more flow, more gradient) and O2 content. This patient sits at the
  // edge of ischaemia at this step (O2 reserve ≈ 1.0, LV function ≈ 88 %), so restoring Hb also restores
  // LV function and flow: anaemia's net share is small here (−0.1 mmHg, against +0.5 in the wean case,
  // whose myocardium has reserve: impella5-wean-test.test.ts). Tachycardia dominates either way.
  it("puts tachycardia (110 bpm) first in the gradient's shares; anaemia's net share is small", () => {
    const c = doc.gradient.contributions_mmHg;
    expect(c.heartRate).toBeGreaterThan(0.5);
    expect(Math.abs(c.anaemia)).toBeLessThan(c.heartRate / 2);
    expect(doc.gradient.current_mmHg).toBeGreaterThan(doc.gradient.reference_mmHg);
  });
});

describe("plan on a bad scenario file", () => {
  it("exits 2 with one line per problem and no stack trace", async () => {
    const r = await runCli(["plan", "test/fixtures/bad/out-of-range.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(lines(r.stderr).length).toBeGreaterThan(0);
  });
});
