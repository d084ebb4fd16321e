/**
 * The clip search for three clips on two worker threads finishes within 30 s (issue #5). Measured on
 * the state with the most room for clips (impella-cp-two-clips right after the pump, no clip yet), with
 * the default search budget; the time is printed for the record.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getCase } from "../../src/procedure/cases/index.js";
import { DEFAULT_WORKER_SCRIPT } from "../../src/procedure/plan/evaluator.js";
import { planScenario } from "../../src/procedure/plan/planner.js";

describe("clip search time", () => {
  it("planScenario searches three clips on two workers within 30 s", async () => {
    const scenario = getCase("impella-cp-two-clips");
    if (!scenario) throw new Error("case missing");
    const r = await planScenario(scenario, { at: 0, maxClips: 3, workers: 2 });
    const s = r.clipSearch;
    expect(s).not.toBeNull();
    if (!s) return;
    // After `npm run build` (the test command builds first) the search runs on worker threads.
    if (existsSync(DEFAULT_WORKER_SCRIPT)) expect(s.mode).toBe("workers");
    expect(s.maxClips).toBe(3);
    // The search goes three clips deep (the shown five prefer fewer clips among ties, issue 13).
    expect(s.evaluated.some((x) => x.clips.length === 3)).toBe(true);
    expect(s.wall_ms).toBeLessThan(30_000);
    console.log(
      `clip search, 3 clips, ${s.mode} (${s.workers} workers): ${(s.wall_ms / 1000).toFixed(2)} s, ${s.simulated} simulations, ${s.geometryEvaluated} geometric screens; whole plan ${(r.wall_ms / 1000).toFixed(2)} s`,
    );
  });
});
