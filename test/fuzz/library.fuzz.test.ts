/**
 * Fuzz: every function and class the package exports, called with arbitrary arguments, returns or
 * throws an InputError naming the call; a rejected promise for planScenario. Then runState with
 * plausible arguments (valid ones run the engine): finite measurements and conserved volume, or an
 * InputError.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { weird } from "./arbitraries.js";

const RUNS = { anyEntry: 2500, runState: 25 };

// Functions that read files or spawn threads are called with generated arguments too, but never with a
// string that could name a real file or device (loadScenario gets a path under a missing folder).
const ENTRIES = Object.entries(lib).filter(([, v]) => typeof v === "function") as [
  string,
  (...a: unknown[]) => unknown,
][];
const isClass = (f: unknown) =>
  typeof f === "function" && /^class\b/.test(Function.prototype.toString.call(f));

// Near misses, not valid scenarios: a valid one would run whole simulations or plans (covered by the
// runState property below, the CLI fuzz and test/plan) and take the suite past its time budget.
const plausible = fc.oneof(
  weird,
  fc.constantFrom(
    lib.presetParams("normal"),
    { impella: null, clips: [] },
    { ...lib.getCase("shock-demo"), steps: [] },
    "normal",
    "NTW",
    0,
    3,
  ),
);

describe("fuzz: library entries", () => {
  it(`each of the ${ENTRIES.length} exported functions and classes returns or throws InputError`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENTRIES),
        fc.array(plausible, { maxLength: 5 }),
        async ([name, f], args) => {
          if (name === "InputError") return;
          if (name === "loadScenario" && typeof args[0] === "string") args[0] = `/nonexistent-dir/${args[0]}`;
          try {
            const r = isClass(f)
              ? new (f as unknown as new (...a: unknown[]) => unknown)(...args)
              : f(...args);
            if (r instanceof Promise) await r;
          } catch (e) {
            if (!(e instanceof lib.InputError))
              throw new Error(`${name}(${args.length} args) threw ${String(e)}`);
            expect(e.problems.length).toBeGreaterThan(0);
            expect(e.problems[0].path.length + e.problems[0].message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: RUNS.anyEntry },
    );
  });

  it("runState with plausible arguments: finite measurements and conserved volume, or an InputError", () => {
    const devices = fc.record({
      impella: fc.oneof(
        fc.constant(null),
        fc.record({
          model: fc.constantFrom(...lib.IMPELLA_MODELS),
          pLevel: fc.integer({ min: -1, max: 10 }),
        }),
      ),
      clips: fc.array(
        fc.record({
          device: fc.constantFrom(...lib.CLIP_DEVICES),
          offset_mm: fc.double({ min: -20, max: 20, noNaN: true }),
        }),
        { maxLength: 5 },
      ),
    });
    const options = fc.record(
      {
        dt_s: fc.constantFrom(0.004, 0.003, Number.NaN, 1e-6, 0.01, -1),
        record_s: fc.constantFrom(0, 0.5, 1e5, Number.NaN),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...lib.PRESET_IDS), devices, options, (preset, d, o) => {
        const params = lib.presetParams(preset);
        try {
          const r = lib.runState(params, d, o);
          for (const [k, v] of Object.entries(r.measurements))
            if (typeof v === "number") expect(Number.isFinite(v), k).toBe(true);
          expect(r.measurements.total_blood_volume_mL).toBeCloseTo(lib.totalBloodVolume_mL(params), 3);
        } catch (e) {
          if (!(e instanceof lib.InputError)) throw e;
        }
      }),
      { numRuns: RUNS.runState },
    );
  });
});
