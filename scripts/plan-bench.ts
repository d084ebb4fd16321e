/**
 * Times the planner: the whole plan per built-in case (at its last step and at the steps the issue
 * names) and the clip search for three clips. Run after `npm run build` so the search uses the bundled
 * worker: `node --import tsx scripts/plan-bench.ts [workers]`. Last line: one JSON object.
 */
import { getCase } from "../src/procedure/cases/index.js";
import { planScenario } from "../src/procedure/plan/planner.js";

const workers = Number(process.argv[2] ?? 2);
const runs: [string, string | number | undefined][] = [
  ["impella-cp-two-clips", 0],
  ["impella-cp-two-clips", "NTW at A2-P2"],
  ["impella5-wean-test", "NTW at A3-P3"],
  ["impella5-wean-test", "NT at A2-P2"],
  ["shock-demo", undefined],
];
const out: Record<string, unknown>[] = [];
for (const [id, at] of runs) {
  const scenario = getCase(id);
  if (!scenario) throw new Error(`no case ${id}`);
  const r = await planScenario(scenario, { at, workers, maxClips: 3 });
  const s = r.clipSearch;
  const row = {
    case: id,
    at: r.at,
    plan_ms: Math.round(r.wall_ms),
    search_ms: Math.round(s?.wall_ms ?? 0),
    simulated: s?.simulated,
    screened: s?.geometryEvaluated,
    mode: s?.mode,
    strategies: r.clipStrategies.length,
    maxClipsInBest: r.clipStrategies[0]?.clips.length ?? 0,
  };
  console.log(JSON.stringify(row));
  out.push(row);
}
console.log(JSON.stringify({ workers, maxSearch_ms: Math.max(...out.map((o) => o.search_ms as number)) }));
