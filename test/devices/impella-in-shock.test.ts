import { describe, expect, it } from "vitest";
import type { Measurements } from "../../src/measure/beat.js";
import { presetParams } from "../../src/physiology/params.js";
import { runState } from "../../src/procedure/run-state.js";
import { steady } from "../helpers.js";

describe("Impella in the shock preset", () => {
  it("raising an Impella CP from P2 to P8 lowers LVEDP, LVEDV and regurgitant volume and raises MAP and total output, monotonically", () => {
    const levels = [2, 4, 6, 8];
    let from: Record<string, number> | undefined;
    const m: Measurements[] = [];
    for (const pLevel of levels) {
      // Tight steady state: the regurgitant volume falls by only ≈ 0.3 % per step (see the note in
      // docs), less than the default 0.1 % convergence noise of two different starting states.
      const r = runState(
        presetParams("cardiogenic-shock-acute-mr"),
        { impella: { model: "CP", pLevel }, clips: [] },
        { from, tolerance: 1e-5 },
      );
      from = r.state;
      m.push(r.measurements);
    }
    for (let i = 1; i < m.length; i++) {
      expect(m[i].lvedp_mmHg).toBeLessThan(m[i - 1].lvedp_mmHg);
      expect(m[i].lvedv_mL).toBeLessThan(m[i - 1].lvedv_mL);
      expect(m[i].mr_rvol_mL).toBeLessThan(m[i - 1].mr_rvol_mL);
      expect(m[i].map_mmHg).toBeGreaterThan(m[i - 1].map_mmHg);
      expect(m[i].co_L_min).toBeGreaterThan(m[i - 1].co_L_min);
      expect(m[i].pump_flow_L_min).toBeGreaterThan(m[i - 1].pump_flow_L_min);
    }
  });

  it("with low stressed volume and P9, suction appears and mean pump flow falls", () => {
    // Reflex off: otherwise venoconstriction mobilises ≈ 400 mL of unstressed volume and hides the
    // hypovolaemia (with it on, 50 mL stressed volume still gives suction but only −0.1 L/min).
    const noReflex = { "baroreflex.enabled": false };
    const full = steady("cardiogenic-shock-acute-mr", noReflex, {
      impella: { model: "CP", pLevel: 9 },
      clips: [],
    });
    const dry = steady(
      "cardiogenic-shock-acute-mr",
      { ...noReflex, stressedVolume_mL: 300 },
      { impella: { model: "CP", pLevel: 9 }, clips: [] },
      full.state,
    );
    expect(full.measurements.suction).toBe(false);
    expect(dry.measurements.suction).toBe(true);
    expect(dry.measurements.pump_flow_L_min).toBeLessThan(full.measurements.pump_flow_L_min - 0.3);
    expect(dry.state["impella.suctionTime_s"]).toBeGreaterThan(full.state["impella.suctionTime_s"]);
  });

  it("a stopped pump left across the aortic valve leaks backwards; a removed one does not", () => {
    const stopped = steady(
      "cardiogenic-shock-acute-mr",
      {},
      { impella: { model: "CP", pLevel: 0 }, clips: [] },
    );
    expect(stopped.measurements.pump_flow_L_min).toBeLessThan(0);
    expect(stopped.measurements.pump_flow_min_L_min).toBeLessThan(-0.5);
    const removed = steady("cardiogenic-shock-acute-mr", {}, { impella: null, clips: [] }, stopped.state);
    expect(removed.measurements.pump_flow_L_min).toBe(0);
    expect(removed.measurements.co_L_min).toBeGreaterThan(stopped.measurements.co_L_min);
  });

  it("flow-target mode titrates the speed to the displayed mean flow", () => {
    for (const target of [1, 2, 3]) {
      const r = steady(
        "cardiogenic-shock-acute-mr",
        {},
        { impella: { model: "5.0", targetFlow_L_min: target }, clips: [] },
      );
      expect(Math.abs(r.measurements.pump_flow_L_min - target)).toBeLessThan(0.05 * target);
      expect(r.measurements.pLevel).toBeGreaterThanOrEqual(1);
    }
  });
});
