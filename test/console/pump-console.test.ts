/** The pump console's alarms and displays, and pacing (issue 13, item 2). */
import { describe, expect, it } from "vitest";
import { presetParams } from "../../src/physiology/params.js";
import { simulateScenario } from "../../src/procedure/execute.js";
import { consoleDisplay, pumpAlarms } from "../../src/procedure/pump-console.js";
import { runState } from "../../src/procedure/run-state.js";
import { parseScenario } from "../../src/procedure/scenario-schema.js";

describe("pump alarms on step results", () => {
  const run = simulateScenario(
    parseScenario({
      id: "alarms",
      title: "alarms",
      patient: { preset: "cardiogenic-shock-acute-mr" },
      steps: [
        { name: "CP P6", impella: { model: "CP", pLevel: 6 } },
        { name: "CP P0", impella: { pLevel: 0 } },
        { name: "removed", impella: null },
      ],
    }),
  );
  it("P0 with the pump across the valve raises retrograde-flow, with the backflow in the message", () => {
    const p0 = run.steps[1];
    expect(p0.measurements.pump_flow_L_min).toBeLessThan(0);
    const a = p0.alarms.find((x) => x.code === "retrograde-flow");
    expect(a?.message).toContain(`${(-p0.measurements.pump_flow_L_min).toFixed(2)} L/min`);
  });
  it("a running pump at P6 is quiet about retrograde flow, and no pump means no alarms", () => {
    expect(run.steps[0].alarms.map((a) => a.code)).not.toContain("retrograde-flow");
    expect(run.steps[2].alarms).toEqual([]);
  });
});

describe("pumpAlarms (pure)", () => {
  const base = runState(presetParams("cardiogenic-shock-acute-mr"), {
    impella: { model: "5.5", pLevel: 9 },
    clips: [],
  }).measurements;
  it("a 5.5 L/min target reached only to 5.35 says target-flow-not-reached", () => {
    const m = { ...base, pump_flow_L_min: 5.35, pLevel: 9 };
    const a = pumpAlarms(m, { model: "5.5", targetFlow_L_min: 5.5 });
    expect(a.map((x) => x.code)).toContain("target-flow-not-reached");
    expect(a.find((x) => x.code === "target-flow-not-reached")?.message).toContain(
      "5.35 of 5.50 L/min at P9",
    );
    expect(
      pumpAlarms({ ...m, pump_flow_L_min: 5.45 }, { model: "5.5", targetFlow_L_min: 5.5 }).map((x) => x.code),
    ).not.toContain("target-flow-not-reached");
  });
  it("suction and a flat placement signal raise suction and position", () => {
    const codes = pumpAlarms(
      { ...base, suction: true, sbp_mmHg: 70, dbp_mmHg: 64 },
      { model: "CP", pLevel: 9 },
    ).map((x) => x.code);
    expect(codes).toEqual(expect.arrayContaining(["suction", "position"]));
  });
  it("the console's motor current and purge are marked estimates; the placement signal is aortic", () => {
    const d = consoleDisplay(base, { model: "5.5", pLevel: 9 });
    expect(d.estimated).toEqual(
      expect.arrayContaining(["motorCurrent_mA", "purgePressure_mmHg", "purgeFlow_mL_h"]),
    );
    expect(d.motorCurrent_mA).toBeGreaterThan(300);
    expect(d.motorCurrentMax_mA).toBeGreaterThanOrEqual(d.motorCurrentMin_mA);
    expect(d.placement).toMatchObject({ waveform: "aortic", systolic_mmHg: base.sbp_mmHg });
  });
});

describe("pacing", () => {
  it("pace_bpm holds the rate the reflex would move; unpaced, the step notes what the reflex did", () => {
    const run = simulateScenario(
      parseScenario({
        id: "pace",
        title: "pace",
        patient: { preset: "normal" },
        steps: [
          { name: "asked 130", set: { hr_bpm: 130 } },
          { name: "paced 130", pace_bpm: 130 },
          { name: "reflex again", pace_bpm: null },
        ],
      }),
    );
    const [asked, paced, reflex] = run.steps;
    expect(asked.measurements.hr_bpm).toBeLessThan(125);
    expect(asked.notes.join()).toContain("the baroreflex set");
    expect(paced.measurements.hr_bpm).toBeCloseTo(130, 0);
    expect(paced.parameters["baroreflex.controlsHeartRate"]).toBe(false);
    expect(paced.notes).toEqual([]);
    expect(reflex.parameters["baroreflex.controlsHeartRate"]).toBe(true);
    expect(reflex.measurements.hr_bpm).toBeLessThan(125);
  });
  it("pace_bpm out of range is an input error naming the field", () => {
    expect(() =>
      parseScenario({
        id: "p",
        title: "p",
        patient: { preset: "normal" },
        steps: [{ name: "x", pace_bpm: 400 }],
      }),
    ).toThrow(/steps\[0\]\.pace_bpm: 400/);
  });
});
