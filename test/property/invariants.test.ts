import { describe, expect, it } from "vitest";
import { presetParams } from "../../src/physiology/params.js";
import { createSimulation } from "../../src/procedure/run-state.js";
import { randomCase } from "../random-case.js";

describe("invariants over random parameter sets within the declared ranges", () => {
  it("buildCircuit rejects an explicit orifice reference volume below its minimum with a named error", () => {
    const params = { ...presetParams("cardiogenic-shock-acute-mr"), "mr.refVolume_mL": 10 };
    expect(() => createSimulation(params, { impella: null, clips: [] })).toThrow(
      /mr.refVolume_mL: 10 mL: give 0 \(the patient's own operating point\) or 30..400 mL/,
    );
  });

  it("500 random runs of 8 s end with finite states, no negative volume and conserved blood volume (or a named error)", () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 500; seed++) {
      const { params, devices } = randomCase(seed);
      try {
        const sim = createSimulation(params, devices);
        const v0 = sim.model.totalVolume_mL();
        sim.advance(8);
        const problem = sim.checkState();
        if (problem) {
          // A named, non-physiological state is an acceptable outcome; a NaN is not.
          expect(problem).toMatch(/volume is negative|not finite/);
          if (/not finite/.test(problem)) failures.push(`seed ${seed}: ${problem}`);
          continue;
        }
        const v1 = sim.model.totalVolume_mL();
        if (Math.abs(v1 - v0) > 1e-6 * v0) failures.push(`seed ${seed}: volume drift ${v1 - v0} mL`);
      } catch (e) {
        failures.push(`seed ${seed}: threw ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
