/** The planner from the package entry (src/index.ts, built to dist/index.js). */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";

describe("library entry: the planner", () => {
  it("exports planScenario, planReportHtml and the scores and formulas the planner uses", () => {
    for (const name of [
      "planScenario",
      "planReportHtml",
      "resolveAt",
      "shapley",
      "mrGrade",
      "scaiStage",
      "euroscore2",
      "cardiacPowerOutput_W",
      "papi",
      "o2Delivery_mL_min",
    ]) {
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(lib.CRITERIA.length).toBeGreaterThan(5);
  });

  it("the built package exports planScenario when dist/ exists", async () => {
    const built = new URL("../../dist/index.js", import.meta.url);
    if (!existsSync(built)) return; // the test command builds first
    const m = await import(built.href);
    expect(typeof m.planScenario).toBe("function");
    expect(existsSync(new URL("../../dist/workers/plan-worker.mjs", import.meta.url))).toBe(true);
  });
});
