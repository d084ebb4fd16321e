/**
 * The validation suite: each published response of the dossier (checks.ts) passes, or misses exactly
 * where docs/validation.md says it misses (a known miss that starts passing fails here, so the dossier
 * is kept true).
 */
import { describe, expect, it } from "vitest";
import { CHECKS } from "./checks.js";

describe("validation against published data (docs/validation.md)", () => {
  for (const c of CHECKS) {
    it(`${c.id}: ${c.published} (${c.expected === "pass" ? "passes" : "known miss"})`, () => {
      const r = c.run();
      expect(r.pass, `${c.id}: model ${r.model}; tolerance ${c.tolerance}`).toBe(c.expected === "pass");
    });
  }
});
