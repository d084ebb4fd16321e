/**
 * Fuzz: `clipshock simulate FILE --json --out DIR` on generated scenario files, run in this process.
 * Exit 0 with one JSON document, finite measurements, conserved volume and a complete output folder; or
 * exit 2 with clean lines, nothing on stdout and no output folder. Never a stack trace.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RAW_CONTROL, STACK_LINE, scenario } from "./arbitraries.js";
import { runHere } from "./cli-run.js";

const RUNS = 40;

describe("fuzz: simulate on generated files", () => {
  it("exit 0 with valid JSON and complete output, or exit 2 with no output", async () => {
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(scenario(2), async (s) => {
        const parent = mkdtempSync(join(tmpdir(), "clipshock-fz-"));
        const file = join(parent, "s.json");
        writeFileSync(file, JSON.stringify(s) ?? "null");
        const out = join(parent, "out");
        const r = await runHere(["simulate", file, "--json", "--no-progress", "--out", out]);
        expect(r.stderr).not.toMatch(STACK_LINE);
        expect([0, 2]).toContain(r.code);
        if (r.code === 0) {
          ok++;
          const doc = JSON.parse(r.stdout);
          for (const step of doc.steps) {
            for (const v of Object.values(step.measurements))
              if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
            expect(step.measurements.total_blood_volume_mL).toBeCloseTo(
              doc.steps[0].measurements.total_blood_volume_mL,
              -1,
            );
          }
          expect(readdirSync(out)).toHaveLength(doc.steps.length + 1);
        } else {
          expect(r.stdout).toBe("");
          expect(r.stderr).not.toMatch(RAW_CONTROL);
          expect(readdirSync(parent)).toEqual(["s.json"]);
        }
      }),
      { numRuns: RUNS },
    );
    expect(ok).toBeGreaterThan(0);
  });
});
