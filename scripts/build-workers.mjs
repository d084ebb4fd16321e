// Bundles the piscina workers after `tsc` (part of `npm run build`): self-contained ESM files,
// dist/workers/plan-worker.mjs (the planner) and dist/workers/cohort-worker.mjs (cohorts), so worker
// threads need neither tsx nor the TypeScript sources.
import { build } from "esbuild";

for (const [entry, out] of [
  ["src/procedure/plan/worker.ts", "dist/workers/plan-worker.mjs"],
  ["src/cohort/worker.ts", "dist/workers/cohort-worker.mjs"],
]) {
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
}
