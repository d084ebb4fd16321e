import { describe, expect, it } from "vitest";
import { IMPELLA_MODELS } from "../../src/devices/impella/models.js";
import { CLIP_DEVICES } from "../../src/devices/mitraclip/devices.js";
import { checkClipPlacement } from "../../src/devices/mitraclip/geometry.js";
import {
  MIN_MR_REF_DP_MMHG,
  MIN_MR_REF_VOLUME_ML,
  PARAMS,
  type Params,
  presetParams,
} from "../../src/physiology/params.js";
import type { Devices } from "../../src/procedure/circuit.js";
import { createSimulation } from "../../src/procedure/run-state.js";

/** Deterministic PRNG (mulberry32) so that a failure can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomCase(seed: number): { params: Params; devices: Devices } {
  const r = rng(seed);
  const params = presetParams(r() < 0.5 ? "normal" : "cardiogenic-shock-acute-mr");
  for (const p of PARAMS) {
    if (p.type === "number" && r() < 0.5) params[p.path] = p.min + r() * (p.max - p.min);
    else if (p.type === "boolean" && r() < 0.2) params[p.path] = r() < 0.5;
    else if (p.type === "segments" && r() < 0.3) {
      const a = r();
      const b = r() * (1 - a);
      params[p.path] = { A1P1: a, A2P2: b, A3P3: 1 - a - b };
    }
  }
  // Cross-parameter constraints are validated (a named input error); draw inside them.
  // An explicit reference is 0 (derive) or at least the stated minimum.
  if ((params["mr.refVolume_mL"] as number) < MIN_MR_REF_VOLUME_ML) params["mr.refVolume_mL"] = 0;
  if ((params["mr.dpRef_mmHg"] as number) < MIN_MR_REF_DP_MMHG) params["mr.dpRef_mmHg"] = 0;
  const devices: Devices = { impella: null, clips: [] };
  if (r() < 0.6) {
    const model = IMPELLA_MODELS[Math.floor(r() * 4)];
    devices.impella =
      r() < 0.7 ? { model, pLevel: Math.floor(r() * 10) } : { model, targetFlow_L_min: 0.5 + r() * 3 };
  }
  const nClips = Math.floor(r() * 3);
  for (let i = 0; i < nClips; i++) {
    const c = { device: CLIP_DEVICES[Math.floor(r() * 4)], offset_mm: Math.round((r() - 0.5) * 28) };
    if (checkClipPlacement([...devices.clips, c], params["mv.commissuralLength_mm"] as number).length === 0)
      devices.clips.push(c);
  }
  return { params, devices };
}

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
