/** Fuzz: the euroscore2 command's core, from generated inputs, edited JSON and random text. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runEuroscore2 } from "../../src/cli/euroscore2.js";
import { euroscore2Input, mutateText, RAW_CONTROL, STACK_LINE } from "./arbitraries.js";

const RUNS = 2000;

describe("fuzz: euroscore2 input", () => {
  it("exit 0 with one valid JSON document, or exit 2 with at most 21 clean lines; never a stack trace", () => {
    let ok = 0;
    const input = euroscore2Input.chain((o) => {
      const json = JSON.stringify(o) ?? "null";
      return fc.oneof(
        { arbitrary: fc.constant(json), weight: 4 },
        // A repeated key, which JSON.parse would take silently.
        { arbitrary: fc.constant(json.replace(/^\{/, '{"age_years":30,')), weight: 1 },
        { arbitrary: mutateText(json), weight: 2 },
        { arbitrary: fc.string({ unit: "binary", maxLength: 100 }), weight: 1 },
      );
    });
    fc.assert(
      fc.property(input, fc.boolean(), (text, json) => {
        const t0 = performance.now();
        const r = runEuroscore2(text, json, "in.json");
        expect(performance.now() - t0).toBeLessThan(1000);
        expect([0, 2]).toContain(r.exitCode);
        expect(r.stderr).not.toMatch(STACK_LINE);
        if (r.exitCode === 0) {
          ok++;
          expect(r.stderr).toBe("");
          if (json) {
            const doc = JSON.parse(r.stdout);
            expect(doc.predictedMortality_pct).toBeGreaterThan(0);
            expect(doc.predictedMortality_pct).toBeLessThan(100);
          }
        } else {
          expect(r.stdout).toBe("");
          expect(r.stderr).not.toMatch(RAW_CONTROL);
          expect(r.stderr.trimEnd().split("\n").length).toBeLessThanOrEqual(21);
        }
      }),
      { numRuns: RUNS },
    );
    expect(ok).toBeGreaterThan(RUNS * 0.03);
  });
});
