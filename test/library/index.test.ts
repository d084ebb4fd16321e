import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";

describe("library entry (package.json exports → dist/index.js)", () => {
  it("exposes the scenario, measurement and clinical surface", () => {
    for (const name of [
      "parseScenario",
      "simulateScenario",
      "runState",
      "mrGrade",
      "scaiStage",
      "euroscore2",
    ]) {
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(lib.CASES.map((c) => c.id)).toContain("impella5-wean-test");
  });

  it("runs a preset to steady state through the public API", () => {
    const r = lib.runState(lib.presetParams("normal"), { impella: null, clips: [] });
    expect(r.converged).toBe(true);
    expect(r.measurements.map_mmHg).toBeGreaterThan(85);
    expect(r.measurements.mr_grade).toBe(0);
  });

  it("the built package resolves when dist/ exists", async () => {
    const built = new URL("../../dist/index.js", import.meta.url);
    if (!existsSync(built)) return; // the test command builds first; a bare `vitest run` may not have
    const m = await import(built.href);
    expect(typeof m.simulateScenario).toBe("function");
  });
});

describe("library input checks (no Params or devices built by hand slip through)", () => {
  const devices = { impella: null, clips: [] };
  it("an unknown preset is a clear error", () => {
    expect(() => lib.presetParams("nope" as "normal")).toThrow(
      /presetParams\(preset\): "nope" is not allowed; expected one of normal, /,
    );
  });
  it("an out-of-range parameter or device names the path and the range", () => {
    const p = { ...lib.presetParams("normal"), hr_bpm: 1000 };
    expect(() => lib.runState(p, devices)).toThrow(lib.InputError);
    expect(() => lib.runState(p, devices)).toThrow(/hr_bpm: 1000 is out of range/);
    const shock = lib.presetParams("cardiogenic-shock-acute-mr");
    expect(() => lib.runState(shock, { impella: { model: "CP", pLevel: 12 }, clips: [] })).toThrow(
      /impella.pLevel: 12 is out of range 0..9/,
    );
    expect(() =>
      lib.runState(shock, {
        impella: null,
        clips: [
          { device: "NT", offset_mm: 0 },
          { device: "NT", offset_mm: 1 },
        ],
      }),
    ).toThrow(lib.InputError);
  });
  it("euroscore2 refuses an impossible patient instead of returning a number", () => {
    const ok = JSON.parse(
      readFileSync(new URL("../fixtures/good/euroscore2-contract-example.json", import.meta.url), "utf8"),
    );
    expect(lib.euroscore2(ok).predictedMortality_pct).toBeGreaterThan(0);
    expect(() => lib.euroscore2({ ...ok, age_years: 172 })).toThrow(/age_years/);
    expect(() => lib.euroscore2({ ...ok, nyhaClass: 7 })).toThrow(/nyhaClass/);
  });
});
