import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/procedure/scenario-schema.js";
import { InputError } from "../../src/procedure/types.js";

describe("a parameter removed in a release", () => {
  it("mr.closureVolume_mL is refused with what replaces it", () => {
    let problems: string[] = [];
    try {
      parseScenario({
        id: "x",
        title: "x",
        patient: { preset: "cardiogenic-shock-acute-mr", overrides: { "mr.closureVolume_mL": 70 } },
        steps: [{ name: "a" }],
      });
    } catch (e) {
      if (e instanceof InputError) problems = e.problems.map((p) => `${p.path}: ${p.message}`);
    }
    expect(problems).toEqual([
      "patient.overrides.mr.closureVolume_mL: removed in 0.2.0: the mitral orifice now follows tethering against the coaptation reserve; use mr.tetheringElasticity (how strongly the orifice follows LV size)",
    ]);
  });
});
