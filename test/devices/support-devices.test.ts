/**
 * IABP, VA-ECMO, ECPELLA and PASCAL in the shock patient (issue 15): each device's response in the
 * published direction, the console readouts, the scenario syntax and its errors.
 */
import { describe, expect, it } from "vitest";
import { presetParams } from "../../src/physiology/params.js";
import { buildCircuit } from "../../src/procedure/circuit.js";
import { resolveMitralReference } from "../../src/procedure/mitral-reference.js";
import { parseScenario } from "../../src/procedure/scenario-schema.js";
import { inputProblems, NO_DEVICES, steady } from "../helpers.js";

const SHOCK = "cardiogenic-shock-acute-mr" as const;
const base = steady(SHOCK).measurements;

describe("IABP", () => {
  const one = steady(SHOCK, {}, { ...NO_DEVICES, iabp: { ratio: 1, volume_mL: 40 } }).measurements;
  const two = steady(SHOCK, {}, { ...NO_DEVICES, iabp: { ratio: 2, volume_mL: 40 } });

  it("runToSteadyState settles an IABP at 1:2 (beats compared with the beat two earlier)", () => {
    expect(two.converged).toBe(true);
  });

  it("measureDevices: the augmented diastolic pressure exceeds the unassisted systolic at 1:2", () => {
    const m = two.measurements;
    expect(m.iabp_augmented_diastolic_mmHg).toBeGreaterThan(m.iabp_unassisted_systolic_mmHg);
    expect(m.iabp_assisted_end_diastolic_mmHg).toBeLessThan(m.iabp_unassisted_end_diastolic_mmHg);
    expect(m.iabp_assisted_systolic_mmHg).toBeLessThan(m.iabp_unassisted_systolic_mmHg);
  });

  it("at 1:1 there are no unassisted beats to read (0), and MAP and output rise while the LV unloads", () => {
    expect(one.iabp_unassisted_systolic_mmHg).toBe(0);
    expect(one.iabp_augmented_diastolic_mmHg).toBeGreaterThan(base.sbp_mmHg);
    expect(one.map_mmHg).toBeGreaterThan(base.map_mmHg);
    expect(one.co_L_min).toBeGreaterThan(base.co_L_min);
    expect(one.lvedp_mmHg).toBeLessThan(base.lvedp_mmHg);
  });

  it("the balloon displaces blood, it adds none: blood volume is conserved", () => {
    expect(one.total_blood_volume_mL).toBeCloseTo(base.total_blood_volume_mL, 0);
  });

  it("late deflation leaves the assisted end-diastolic pressure above the unassisted (classic timing error)", () => {
    const m = steady(
      SHOCK,
      {},
      { ...NO_DEVICES, iabp: { ratio: 2, volume_mL: 40, deflationOffset_ms: 80 } },
    ).measurements;
    expect(m.iabp_assisted_end_diastolic_mmHg).toBeGreaterThan(m.iabp_unassisted_end_diastolic_mmHg);
  });
});

describe("VA-ECMO and ECPELLA", () => {
  const ecmo = steady(SHOCK, {}, { ...NO_DEVICES, ecmo: { flow_L_min: 4 } }).measurements;
  const ecpella = steady(
    SHOCK,
    {},
    {
      impella: { model: "CP", pLevel: 6 },
      clips: [],
      ecmo: { flow_L_min: 4 },
    },
  ).measurements;

  it("the perfusionist's flow target is reached, with pressures in the circuit's usual ranges", () => {
    expect(ecmo.ecmo_flow_L_min).toBeCloseTo(4, 1);
    expect(ecmo.ecmo_speed_rpm).toBeGreaterThan(2000);
    expect(ecmo.ecmo_speed_rpm).toBeLessThan(4500);
    expect(ecmo.ecmo_drainage_mmHg).toBeLessThan(0);
    expect(ecmo.ecmo_pre_oxygenator_mmHg).toBeGreaterThan(ecmo.ecmo_post_oxygenator_mmHg);
    expect(ecmo.ecmo_post_oxygenator_mmHg).toBeGreaterThan(ecmo.map_mmHg);
  });

  it("VA-ECMO raises the LV's afterload: LV systolic and end-diastolic pressures up, native output down", () => {
    expect(ecmo.lvsp_mmHg).toBeGreaterThan(base.lvsp_mmHg + 5);
    expect(ecmo.lvedp_mmHg).toBeGreaterThan(base.lvedp_mmHg);
    expect(ecmo.native_co_L_min).toBeLessThan(base.native_co_L_min);
    // Total systemic flow counts the circuit's return.
    expect(ecmo.co_L_min).toBeCloseTo(ecmo.native_co_L_min + ecmo.ecmo_flow_L_min, 1);
  });

  it("an Impella vents the LV under VA-ECMO (ECPELLA)", () => {
    expect(ecpella.lvedp_mmHg).toBeLessThan(ecmo.lvedp_mmHg - 2);
    expect(ecpella.pcwp_mmHg).toBeLessThan(ecmo.pcwp_mmHg);
    expect(ecpella.total_blood_volume_mL).toBeCloseTo(base.total_blood_volume_mL, 0);
  });

  it("a fixed speed gives more flow at more rpm", () => {
    const lo = steady(SHOCK, {}, { ...NO_DEVICES, ecmo: { rpm: 2500 } }).measurements;
    const hi = steady(SHOCK, {}, { ...NO_DEVICES, ecmo: { rpm: 3500 } }).measurements;
    expect(hi.ecmo_flow_L_min).toBeGreaterThan(lo.ecmo_flow_L_min + 0.5);
    expect(lo.ecmo_speed_rpm).toBeCloseTo(2500, 0);
  });
});

describe("pump risk indices", () => {
  it("haemolysisIndex is 0 without a pump and about 1 for the Impella CP at P6", () => {
    expect(base.pump_haemolysis_index).toBe(0);
    const cp = steady(SHOCK, {}, { impella: { model: "CP", pLevel: 6 }, clips: [] }).measurements;
    expect(cp.pump_haemolysis_index).toBeGreaterThan(0.8);
    expect(cp.pump_haemolysis_index).toBeLessThan(1.3);
  });

  it("a hypovolaemic LV at P9 sucks: a high suction index and a higher haemolysis index", () => {
    const p9 = steady(
      SHOCK,
      { stressedVolume_mL: 500 },
      { impella: { model: "CP", pLevel: 9 }, clips: [] },
    ).measurements;
    const p6 = steady(
      SHOCK,
      { stressedVolume_mL: 500 },
      { impella: { model: "CP", pLevel: 6 }, clips: [] },
    ).measurements;
    expect(p9.pump_haemolysis_index).toBeGreaterThan(p6.pump_haemolysis_index);
    expect(p9.pump_suction_index_pct).toBeGreaterThanOrEqual(p6.pump_suction_index_pct);
  });
});

describe("PASCAL", () => {
  it("PASCAL P10 leaves no more MR than an NTW at A2-P2 with a gradient within 1.5 mmHg", () => {
    const dev = (device: "NTW" | "PASCAL-P10") => ({
      impella: { model: "CP" as const, pLevel: 6 },
      clips: [{ device, offset_mm: 0 }],
    });
    const ntw = steady(SHOCK, {}, dev("NTW")).measurements;
    const p10 = steady(SHOCK, {}, dev("PASCAL-P10")).measurements;
    expect(p10.mr_rvol_mL).toBeLessThanOrEqual(ntw.mr_rvol_mL);
    expect(Math.abs(p10.mv_gradient_mean_mmHg - ntw.mv_gradient_mean_mmHg)).toBeLessThanOrEqual(1.5);
  });
});

describe("scenario syntax", () => {
  const scen = (step: Record<string, unknown>) => ({
    id: "x",
    title: "t",
    patient: { preset: SHOCK },
    steps: [{ name: "a", ...step }],
  });

  it("parseScenario accepts iabp, ecmo (flow or rpm), null to remove, PASCAL devices, and combinations", () => {
    expect(
      inputProblems(() =>
        parseScenario({
          ...scen({
            iabp: { ratio: 2, volume_mL: 40 },
            ecmo: { flow_L_min: 4 },
            impella: { model: "CP", pLevel: 6 },
          }),
          steps: [
            {
              name: "a",
              iabp: { ratio: 2, volume_mL: 40 },
              ecmo: { flow_L_min: 4 },
              impella: { model: "CP", pLevel: 6 },
            },
            { name: "b", iabp: null, ecmo: { rpm: 3000 }, clip: { device: "PASCAL-ACE", position: "A2P2" } },
            { name: "c", ecmo: null, clip: { device: "pascal-p10", position: "A3P3" } },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it("parseScenario names the allowed range of a bad device setting", () => {
    expect(inputProblems(() => parseScenario(scen({ iabp: { ratio: 4, volume_mL: 70 } })))).toEqual([
      "steps[0].iabp.ratio: 4 is not one of 1, 2, 3 (assist ratio 1:1, 1:2, 1:3)",
      "steps[0].iabp.volume_mL: 70 is out of range 25..50 mL",
    ]);
    expect(inputProblems(() => parseScenario(scen({ ecmo: { rpm: 9000 } })))).toEqual([
      "steps[0].ecmo.rpm: 9000 is out of range 1000..5000 rpm",
    ]);
    expect(inputProblems(() => parseScenario(scen({ ecmo: { rpm: 3000, flow_L_min: 3 } })))[0]).toMatch(
      /^steps\[0\]\.ecmo: give either flow_L_min or rpm/,
    );
    expect(
      inputProblems(() =>
        parseScenario(scen({ iabp: { ratio: 1, volume_mL: 40, deflationOffset_ms: 500 } })),
      ),
    ).toEqual(["steps[0].iabp.deflationOffset_ms: 500 is out of range -200..200 ms"]);
  });

  it("buildCircuit rejects a library caller's impossible device with the allowed range", () => {
    const p = resolveMitralReference(presetParams(SHOCK));
    expect(inputProblems(() => buildCircuit(p, { ...NO_DEVICES, ecmo: { flow_L_min: 12 } }))).toEqual([
      "ecmo.flow_L_min: 12 is out of range 0.5..7",
    ]);
    expect(
      inputProblems(() => buildCircuit(p, { ...NO_DEVICES, iabp: { ratio: 1, volume_mL: 10 } })),
    ).toEqual(["iabp.volume_mL: 10 is out of range 25..50"]);
  });
});
