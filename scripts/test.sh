#!/usr/bin/env bash
# The whole test suite: install, lint, type check, build, then every Vitest test (unit, property,
# golden, CLI and browser). Prints a final line "N passed, N failed" read from Vitest's JSON report.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --browser || { echo "0 passed, 1 failed"; exit 1; }
status=0
echo "== lint (biome)"; npx --no-install biome check src test scripts || status=1
echo "== type check (tsc)"; npx --no-install tsc --noEmit -p . || status=1
echo "== build"; npm run --silent build || status=1
echo "== tests (vitest)"
mkdir -p test-results
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
vstatus=$?
[ $vstatus -eq 0 ] || status=1
node -e '
const fs = require("fs");
let passed = 0, failed = 0;
try {
  const r = JSON.parse(fs.readFileSync("test-results/vitest.json", "utf8"));
  passed = r.numPassedTests; failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
  if (!r.success && failed === 0) failed = 1;
} catch (e) { failed = 1; }
if (process.argv[1] === "1" && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
' "$status"
exit $status
