import { describe, expect, it } from "vitest";
import { presetParams } from "../../physiology/params.js";
import { parseScenario, MAX_TARGET_FLOW_L_MIN as SCHEMA_MAX } from "../../procedure/scenario-schema.js";
import {
  checkImpellaRequest,
  checkPatch,
  describeDifference,
  MAX_TARGET_FLOW_L_MIN,
  situationMeta,
  situationScenario,
} from "./situation.js";

const PRESET = "cardiogenic-shock-acute-mr" as const;

describe("situationScenario", () => {
  it("writes a scenario the command line's parser accepts, with only the changed parameters", () => {
    const params = { ...presetParams(PRESET), hr_bpm: 112 };
    const devices = {
      impella: { model: "CP" as const, pLevel: 7 },
      clips: [{ device: "NTW" as const, offset_mm: 12 }],
    };
    const sc = situationScenario({ id: "x", title: "x" }, PRESET, params, devices);
    expect(sc.patient.overrides).toEqual({ hr_bpm: 112 });
    const parsed = parseScenario(JSON.parse(JSON.stringify(sc)));
    expect(parsed.steps[0].impella).toEqual({ model: "CP", pLevel: 7 });
    expect(parsed.steps[0].clip).toEqual([{ device: "NTW", position: { offset_mm: 12 } }]);
  });
});

describe("checkPatch", () => {
  it("names the path, the value and the allowed range", () => {
    const [p] = checkPatch({ hr_bpm: 500 });
    expect(p.path).toBe("hr_bpm");
    expect(p.message).toMatch(/^500 is out of range \d+\.\.\d+ beats\/min$/);
  });

  it("rejects segment shares that do not sum to 1", () => {
    expect(checkPatch({ "mr.segments": { A1P1: 0.5, A2P2: 0.5, A3P3: 0.5 } })[0].message).toMatch(
      /sum to 1\.5/,
    );
  });
});

describe("describeDifference", () => {
  it("lists parameter, pump and clip changes, one line each", () => {
    const params = presetParams(PRESET);
    const lines = describeDifference(
      { params, devices: { impella: null, clips: [] } },
      {
        params: { ...params, hb_g_dL: 8 },
        devices: { impella: { model: "CP", pLevel: 4 }, clips: [{ device: "XT", offset_mm: -3 }] },
      },
    );
    expect(lines).toEqual([
      `hb_g_dL: ${params.hb_g_dL} → 8 g/dL`,
      "pump: no pump → Impella CP at P4",
      "clip added: XT at -3.0 mm",
    ]);
  });
});

describe("checkImpellaRequest", () => {
  it("uses the scenario parser's limits and messages", () => {
    expect(MAX_TARGET_FLOW_L_MIN).toBe(SCHEMA_MAX);
    expect(checkImpellaRequest({ model: "CP", targetFlow_L_min: 9 })).toEqual([
      { path: "impella.targetFlow_L_min", message: "9 is out of range: expected above 0 up to 6.5 L/min" },
    ]);
    expect(checkImpellaRequest({ model: "CP", pLevel: 12 })[0].message).toBe("12 is out of range 0..9");
    expect(checkImpellaRequest({ model: "5.5", pLevel: 4 })).toEqual([]);
    expect(checkImpellaRequest(null)).toEqual([]);
  });
});

describe("situationMeta", () => {
  const steps = [{ name: "baseline" }, { name: "Impella CP at P6" }, { name: "NTW at A2-P2" }];
  const meta = { id: "shock-demo", title: "Teaching example", source: "Clipshock example" };
  it("keeps the case's id and title at its last step, unchanged", () => {
    expect(situationMeta(meta, 2, steps, false)).toEqual(meta);
  });
  it("names the step when the situation stops before the last", () => {
    expect(situationMeta(meta, 1, steps, false)).toMatchObject({
      id: "shock-demo-step2",
      title: "Teaching example — after step 2: Impella CP at P6",
    });
  });
  it("marks a situation changed by hand, once", () => {
    const once = situationMeta(meta, 2, steps, true);
    expect(once).toMatchObject({ id: "shock-demo-changed", title: "Teaching example (changed)" });
    expect(situationMeta(once, 0, [{ name: "devices" }], true)).toMatchObject(once);
  });
});
