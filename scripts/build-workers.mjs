// Bundles the planner's piscina worker after `tsc` (part of `npm run build`): one self-contained ESM
// file, dist/workers/plan-worker.mjs, so worker threads need neither tsx nor the TypeScript sources.
import { build } from "esbuild";

await build({
  entryPoints: ["src/procedure/plan/worker.ts"],
  outfile: "dist/workers/plan-worker.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
});
