#!/usr/bin/env node
// The `clipshock` command: runs the built CLI (dist/, made by `npm run build`).
// In a checkout without a build, it falls back to the TypeScript sources through tsx (a dev dependency).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = new URL("../dist/cli/main.js", import.meta.url);
const source = new URL("../src/cli/main.ts", import.meta.url);

if (existsSync(fileURLToPath(built))) {
  await import(built.href);
} else if (existsSync(fileURLToPath(source))) {
  try {
    const { register } = await import("tsx/esm/api");
    register();
  } catch {
    process.stderr.write("clipshock: not built yet: run `npm run build` (or `npm install` for tsx) first\n");
    process.exit(1);
  }
  await import(source.href);
} else {
  process.stderr.write("clipshock: dist/cli/main.js is missing: run `npm run build` first\n");
  process.exit(1);
}
