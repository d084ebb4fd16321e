/**
 * The regression corpus (test/fixtures/fuzz/): every input that once crashed, hung or printed badly is
 * kept there and replayed through the command line on every run. Files named `es2-*` are EuroSCORE II
 * inputs, the others scenario files; expected.json pins the exit status and a line for the reproducers.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RAW_CONTROL, STACK_LINE } from "./arbitraries.js";
import { runHere } from "./cli-run.js";

const DIR = new URL("../fixtures/fuzz/", import.meta.url).pathname;
const EXPECTED = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as Record<
  string,
  { exit: number; stderr: string }
>;
const FILES = readdirSync(DIR)
  .filter((f) => f !== "expected.json")
  .sort();

describe("fuzz corpus", () => {
  it("holds every reproducer that expected.json names", () => {
    for (const f of Object.keys(EXPECTED)) expect(FILES).toContain(f);
  });

  for (const file of FILES) {
    it(`${file}: exit 0 or 2, no stack trace, clean lines, valid JSON when 0`, async () => {
      const path = join(DIR, file);
      const args = file.startsWith("es2-")
        ? ["euroscore2", path, "--json"]
        : ["simulate", path, "--json", "--no-progress"];
      const t0 = performance.now();
      const r = await runHere(args);
      expect(performance.now() - t0).toBeLessThan(20_000);
      expect([0, 2]).toContain(r.code);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      expect(r.stderr.trimEnd().split("\n").length).toBeLessThanOrEqual(21);
      if (r.code === 0) JSON.parse(r.stdout);
      else expect(r.stdout).toBe("");
      const want = EXPECTED[file];
      if (want) {
        expect(r.code).toBe(want.exit);
        expect(r.stderr).toMatch(new RegExp(want.stderr, "m"));
      }
    });
  }
});
