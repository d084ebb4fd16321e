import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";

describe("library entry (package.json exports → dist/index.js)", () => {
  it("exposes the scenario, measurement and clinical surface", () => {
    for (const name of [
      "parseScenario",
      "simulateScenario",
      "runState",
      "mrGrade",
      "scaiStage",
      "euroscore2",
    ]) {
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(lib.CASES.map((c) => c.id)).toContain("impella5-wean-test");
  });

  it("runs a preset to steady state through the public API", () => {
    const r = lib.runState(lib.presetParams("normal"), { impella: null, clips: [] });
    expect(r.converged).toBe(true);
    expect(r.measurements.map_mmHg).toBeGreaterThan(85);
    expect(r.measurements.mr_grade).toBe(0);
  });

  it("the built package resolves when dist/ exists", async () => {
    const built = new URL("../../dist/index.js", import.meta.url);
    if (!existsSync(built)) return; // the test command builds first; a bare `vitest run` may not have
    const m = await import(built.href);
    expect(typeof m.simulateScenario).toBe("function");
  });
});
