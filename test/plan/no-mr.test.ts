/** A valve without MR: the planner says there is nothing to clip instead of ranking clips. */
import { describe, expect, it } from "vitest";
import { planScenario } from "../../src/procedure/plan/planner.js";
import type { Scenario } from "../../src/procedure/types.js";

const noMr: Scenario = {
  id: "n",
  title: "normal heart",
  patient: { preset: "normal" },
  steps: [{ name: "baseline" }],
};

describe("plan on a competent valve", () => {
  it("searches no clip strategy and says why", async () => {
    const r = await planScenario(noMr, { workers: 0 });
    expect(r.weanTest.current.mr_grade).toBe(0);
    expect(r.clipStrategies).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain("no-mr-to-treat");
    expect(r.warnings.find((w) => w.code === "no-mr-to-treat")?.message).not.toMatch(/pump stopped/);
  });
});
