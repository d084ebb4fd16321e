/**
 * Fuzz: the scenario parser, from objects (library, web import) and from text (files). Every input ends
 * in a Scenario or an InputError with one-line problems, quickly; nothing else is thrown.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { problemLines } from "../../src/cli/problem-lines.js";
import { parseScenario, parseScenarioText } from "../../src/procedure/scenario-schema.js";
import { InputError } from "../../src/procedure/types.js";
import { mutateText, RAW_CONTROL, scenario } from "./arbitraries.js";

/** Generated inputs per property (the suite's total is reported in README "Limits and guarantees"). */
const RUNS = { object: 3000, text: 3000 };
const SLOW_MS = 2000;

function check(f: () => unknown): "ok" | "input" {
  const t0 = performance.now();
  try {
    f();
    return "ok";
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    const printed = problemLines(e.problems);
    expect(printed).not.toMatch(RAW_CONTROL);
    expect(printed.split("\n").length).toBeLessThanOrEqual(22);
    return "input";
  } finally {
    expect(performance.now() - t0).toBeLessThan(SLOW_MS);
  }
}

describe("fuzz: scenario parser", () => {
  it("parseScenario(object): a Scenario or an InputError with one clean line per problem", () => {
    let ok = 0;
    fc.assert(
      fc.property(scenario(), (raw) => {
        if (check(() => parseScenario(raw)) === "ok") ok++;
      }),
      { numRuns: RUNS.object },
    );
    // The generator must reach valid scenarios too, or the property says little.
    expect(ok).toBeGreaterThan(RUNS.object * 0.05);
  });

  it("parseScenarioText(JSON, YAML, edited or random text): the same", () => {
    const text = scenario().chain((s) => {
      const json = JSON.stringify(s) ?? "null";
      const yaml = (() => {
        try {
          return stringify(s);
        } catch {
          return json;
        }
      })();
      return fc.oneof(
        fc.constant({ t: json, name: "a.json" }),
        fc.constant({ t: yaml, name: "a.yaml" }),
        mutateText(json).map((t) => ({ t, name: "a.json" })),
        mutateText(yaml).map((t) => ({ t, name: "a.yml" })),
        fc.string({ unit: "binary", maxLength: 200 }).map((t) => ({ t, name: "a" })),
      );
    });
    fc.assert(
      fc.property(text, ({ t, name }) => {
        check(() => parseScenarioText(t, name));
      }),
      { numRuns: RUNS.text },
    );
  });
});
