/**
 * `--at STEP`: a step name (exact, case-insensitive, surrounding spaces ignored) or a 0-based index
 * (issue #5: "STEP is a step name or a 0-based index"). Anything else is an input error listing the steps.
 */
import { InputError, type Scenario } from "../types.js";

/** 0-based index of the step `at` names (default: the last step). Throws InputError. */
export function resolveAt(scenario: Scenario, at?: string | number): number {
  const steps = scenario.steps;
  if (at === undefined) return steps.length - 1;
  const text = String(at).trim();
  // An index first; a step whose name is all digits is still found by name when no index fits.
  if (/^\d+$/.test(text) && Number(text) < steps.length) return Number(text);
  const byName = steps.findIndex((s) => s.name.trim().toLowerCase() === text.toLowerCase());
  if (byName >= 0) return byName;
  const list = steps.map((s, i) => `${i} "${s.name}"`).join(", ");
  throw new InputError([
    {
      path: "--at",
      message: `${JSON.stringify(String(at))} is not a step of ${scenario.id}; give a step name or an index 0..${steps.length - 1}: ${list}`,
    },
  ]);
}
