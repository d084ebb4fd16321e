import { describe, expect, it } from "vitest";
import type { Scenario } from "../../procedure/types.js";
import { decodeHash, encodeCase, encodeScenario } from "./url-state.js";

const scenario: Scenario = {
  id: "situation",
  title: "Shock — Impella CP, NTW at +12 mm (µ, ², →)",
  source: "Clipshock example",
  patient: {
    preset: "cardiogenic-shock-acute-mr",
    overrides: { hr_bpm: 104, "mr.segments": { A1P1: 0.2, A2P2: 0.3, A3P3: 0.5 } },
  },
  steps: [
    {
      name: "devices",
      impella: { model: "CP", pLevel: 7 },
      clip: [{ device: "NTW", position: { offset_mm: 12 } }],
    },
  ],
};

describe("encodeScenario / decodeHash", () => {
  it("round-trips a scenario, non-ASCII text included", () => {
    const hash = encodeScenario(scenario);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    const back = decodeHash(hash);
    expect(back.kind).toBe("scenario");
    if (back.kind === "scenario") expect(JSON.parse(back.text)).toEqual(scenario);
  });

  it("round-trips a built-in case and its step", () => {
    expect(decodeHash(encodeCase("shock-demo", 2))).toEqual({ kind: "case", caseId: "shock-demo", at: 2 });
  });

  it("reads no state from an empty fragment", () => {
    expect(decodeHash("")).toEqual({ kind: "none" });
    expect(decodeHash("#")).toEqual({ kind: "none" });
  });

  it("reports an unreadable scenario as broken, with a message (never throws)", () => {
    for (const hash of ["#s=%%%", "#s=garbage"]) {
      const r = decodeHash(hash);
      expect(r.kind).toBe("broken");
      if (r.kind === "broken") expect(r.message).toContain("not readable");
    }
  });
});
