import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PARAMS } from "../../src/physiology/params.js";
import { CASES } from "../../src/procedure/cases/index.js";
import {
  closestParameter,
  formatPath,
  parseScenario,
  scenarioJsonSchema,
} from "../../src/procedure/scenario-schema.js";
import { InputError } from "../../src/procedure/types.js";

const base = () => ({
  id: "t",
  title: "test",
  patient: { preset: "cardiogenic-shock-acute-mr" },
  steps: [{ name: "baseline" }] as unknown[],
});

/** The problems of a scenario as the command line prints them, one line each. */
function problems(raw: unknown): string[] {
  try {
    parseScenario(raw);
  } catch (e) {
    if (e instanceof InputError)
      return e.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
    throw e;
  }
  return [];
}

const withSteps = (...steps: unknown[]) => ({ ...base(), steps });
const withOverrides = (overrides: unknown) => ({ ...base(), patient: { preset: "normal", overrides } });

const KNOWN = PARAMS.map((p) => p.path).join(", ");

describe("parseScenario", () => {
  it("parseScenario accepts the contract's example and returns it unchanged", () => {
    const raw = JSON.parse(readFileSync("test/fixtures/good/contract-example.json", "utf8"));
    expect(parseScenario(raw)).toEqual(raw);
  });

  it("parseScenario accepts every built-in case", () => {
    for (const c of CASES) expect(parseScenario(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });

  it("parseScenario throws an InputError listing every problem", () => {
    const raw = withSteps(
      { name: "a", impella: { model: "CP", pLevel: 12 } },
      { name: "b", set: { hr_bpm: 250 } },
    );
    expect(() => parseScenario(raw)).toThrow(InputError);
    expect(problems(raw)).toEqual([
      "steps[0].impella.pLevel: 12 is out of range 0..9",
      "steps[1].set.hr_bpm: 250 is out of range 30..180 beats/min",
    ]);
  });

  it("parseScenario rejects a document that is not an object", () => {
    expect(problems([1])).toEqual([
      "a list is not a scenario; expected an object with id, title, patient, steps",
    ]);
    expect(problems("x")).toEqual([
      '"x" is not a scenario; expected an object with id, title, patient, steps',
    ]);
    expect(problems(null)).toEqual([
      "null is not a scenario; expected an object with id, title, patient, steps",
    ]);
  });

  it("parseScenario reports missing fields and wrong types", () => {
    expect(problems({ title: 5, patient: {}, steps: [{}] })).toEqual([
      "id: missing; expected a string",
      "title: 5 is not a string",
      "patient.preset: missing; expected one of normal, cardiogenic-shock-acute-mr, cardiogenic-shock-papillary-rupture",
      "steps[0].name: missing; expected a string",
    ]);
    expect(problems({ ...base(), steps: "baseline" })).toEqual(['steps: "baseline" is not a list']);
    expect(problems({ ...base(), steps: [] })).toEqual(["steps: must not be empty"]);
    expect(problems(withSteps({ name: "" }))).toEqual(["steps[0].name: must not be empty"]);
  });

  it("parseScenario rejects unknown keys at every level, naming the allowed ones", () => {
    const raw = {
      ...base(),
      notes: "x",
      patient: { preset: "normal", age: 70 },
      steps: [
        { name: "a", clips: [] },
        { name: "b", impella: { model: "CP", pLevel: 2, speed: 3 } },
        { name: "c", clip: { device: "NT", position: "A2P2", arm: 9 } },
        { name: "d", clip: { device: "NT", position: { offset_mm: 0, side: "A" } } },
      ],
    };
    expect(problems(raw)).toEqual([
      "patient.age: unknown key (allowed: preset, overrides)",
      "steps[0].clips: unknown key; did you mean clip? (allowed: name, impella, iabp, ecmo, clip, set, hold_s, pace_bpm)",
      "steps[1].impella.speed: unknown key (allowed: model, pLevel, targetFlow_L_min)",
      "steps[2].clip.arm: unknown key (allowed: device, position)",
      "steps[3].clip.position.side: unknown key (allowed: offset_mm)",
      "notes: unknown key (allowed: id, title, source, patient, steps, euroscore2, stsProm_pct)",
    ]);
  });

  it("parseScenario rejects an unknown preset", () => {
    expect(problems({ ...base(), patient: { preset: "septic" } })).toEqual([
      'patient.preset: "septic" is not allowed; expected one of normal, cardiogenic-shock-acute-mr, cardiogenic-shock-papillary-rupture',
    ]);
  });

  it("parseScenario checks the pump settings", () => {
    expect(
      problems(
        withSteps(
          { name: "a", impella: { model: "CP", pLevel: -1 } },
          { name: "b", impella: { pLevel: 2.5 } },
          { name: "c", impella: { pLevel: "six" } },
          { name: "d", impella: { targetFlow_L_min: 0 } },
          { name: "e", impella: { targetFlow_L_min: 7 } },
          { name: "f", impella: { model: "4.0" } },
          { name: "g", impella: "CP" },
        ),
      ),
    ).toEqual([
      "steps[0].impella.pLevel: -1 is out of range 0..9",
      "steps[1].impella.pLevel: 2.5 is not a whole number; expected a whole number 0..9",
      'steps[2].impella.pLevel: "six" is not a number; expected 0..9',
      "steps[3].impella.targetFlow_L_min: 0 is out of range: expected above 0 up to 6.5 L/min",
      "steps[4].impella.targetFlow_L_min: 7 is out of range: expected above 0 up to 6.5 L/min",
      'steps[5].impella.model: "4.0" is not allowed; expected one of 2.5, CP, 5.0, 5.5',
      'steps[6].impella: "CP" is not allowed; expected an object such as { "model": "CP", "pLevel": 6 }, or null to remove the pump',
    ]);
  });

  it("parseScenario rejects both pLevel and targetFlow_L_min", () => {
    expect(
      problems(withSteps({ name: "a", impella: { model: "5.0", pLevel: 4, targetFlow_L_min: 2 } })),
    ).toEqual(["steps[0].impella: both pLevel (4) and targetFlow_L_min (2) given; give one of them"]);
  });

  it("parseScenario accepts null to remove the pump", () => {
    const raw = withSteps({ name: "a", impella: { model: "CP", pLevel: 2 } }, { name: "b", impella: null });
    expect(parseScenario(raw).steps[1].impella).toBeNull();
  });

  it("parseScenario rejects a pump setting with no pump in place", () => {
    expect(problems(withSteps({ name: "P3", impella: { pLevel: 3 } }))).toEqual([
      "steps[0].impella.model: no pump is in place: give the model (2.5, CP, 5.0, 5.5)",
    ]);
  });

  it("parseScenario checks clip devices and positions", () => {
    expect(
      problems(
        withSteps(
          { name: "a", clip: { device: "ZT", position: "A2P2" } },
          { name: "b", clip: { device: "NT", position: "A4P4" } },
          { name: "c", clip: { device: "NT", position: { offset_mm: "x" } } },
          { name: "d", clip: { device: "NT" } },
          { name: "e", clip: [] },
          { name: "f", clip: 5 },
          {
            name: "g",
            clip: [
              { device: "NT", position: "A1P1" },
              { device: "XX", position: "A3P3" },
            ],
          },
        ),
      ),
    ).toEqual([
      'steps[0].clip.device: "ZT" is not allowed; expected one of NT, NTW, XT, XTW, PASCAL-P10, PASCAL-ACE',
      'steps[1].clip.position: "A4P4" is not a clip position; expected A1P1, A2P2, A3P3 or { "offset_mm": x } (mm from the centre of A2-P2, negative toward A1P1)',
      'steps[2].clip.position.offset_mm: "x" is not a number; expected -100..100 mm',
      'steps[3].clip.position: missing; expected A1P1, A2P2, A3P3 or { "offset_mm": x } (mm from the centre of A2-P2, negative toward A1P1)',
      "steps[4].clip: must not be empty",
      'steps[5].clip: 5 is not a clip; expected { "device", "position" } or a list of them',
      'steps[6].clip[1].device: "XX" is not allowed; expected one of NT, NTW, XT, XTW, PASCAL-P10, PASCAL-ACE',
    ]);
  });

  it("parseScenario rejects a clip on top of another clip", () => {
    const raw = withSteps(
      { name: "first", clip: { device: "NTW", position: "A2P2" } },
      { name: "second", clip: { device: "NT", position: { offset_mm: 2 } } },
    );
    expect(problems(raw)).toEqual([
      "steps[1].clip.position: a NT at 2 mm lies on clip 1 (NTW at 0 mm): centres must be at least 5 mm apart",
    ]);
  });

  it("parseScenario rejects a clip off the coaptation line", () => {
    const raw = withSteps({
      name: "two",
      clip: [
        { device: "NT", position: "A3P3" },
        { device: "XTW", position: { offset_mm: -20 } },
      ],
    });
    expect(problems(raw)).toEqual([
      "steps[0].clip[1].position: offset -20 mm is off the coaptation line: a XTW fits between -14.0 and 14.0 mm",
    ]);
  });

  it("parseScenario checks the clips of later steps after a step with a problem", () => {
    const raw = withSteps(
      { name: "a", clip: { device: "NT", position: { offset_mm: 30 } } },
      { name: "b", clip: { device: "NT", position: "A2P2" } },
      { name: "c", clip: { device: "NT", position: { offset_mm: 1 } } },
    );
    expect(problems(raw)).toEqual([
      "steps[0].clip.position: offset 30 mm is off the coaptation line: a NT fits between -15.0 and 15.0 mm",
      "steps[2].clip.position: a NT at 1 mm lies on clip 1 (NT at 0 mm): centres must be at least 4 mm apart",
    ]);
  });

  it("parseScenario checks parameter values against their definitions", () => {
    expect(
      problems(
        withOverrides({ hr_bpm: 20, "mr.eroa_cm2": "big", "baroreflex.enabled": "yes", "mv.area_cm2": 9 }),
      ),
    ).toEqual([
      "patient.overrides.hr_bpm: 20 is out of range 30..180 beats/min",
      'patient.overrides.mr.eroa_cm2: "big" is not a number; expected 0..1.2 cm²',
      "patient.overrides.mv.area_cm2: 9 is out of range 1..8 cm²",
      'patient.overrides.baroreflex.enabled: "yes" is not allowed; expected true or false',
    ]);
  });

  it("parseScenario rejects unknown parameter paths, suggesting the closest (the full list only without a suggestion)", () => {
    expect(problems(withOverrides({ hr: 90, "lv.ess_mmHg_mL": 1, "foo.bar": 1 }))).toEqual([
      "patient.overrides.hr: unknown parameter; did you mean hr_bpm?",
      "patient.overrides.lv.ess_mmHg_mL: unknown parameter; did you mean lv.ees_mmHg_mL?",
      `patient.overrides.foo.bar: unknown parameter (known: ${KNOWN})`,
    ]);
    expect(problems(withSteps({ name: "a", set: { hb: 9 } }))).toEqual([
      "steps[0].set.hb: unknown parameter; did you mean hb_g_dL?",
    ]);
  });

  it("parseScenario checks the mr.segments shares", () => {
    expect(problems(withOverrides({ "mr.segments": { A1P1: 0.2, A2P2: 0.3, A3P3: 0.3 } }))).toEqual([
      "patient.overrides.mr.segments: shares sum to 0.8 (0.2 + 0.3 + 0.3); they must sum to 1 (±0.01)",
    ]);
    expect(
      problems(withSteps({ name: "a", set: { "mr.segments": { A1P1: -0.1, A2P2: 1.1, A4P4: 0 } } })),
    ).toEqual([
      "steps[0].set.mr.segments.A1P1: -0.1 is out of range 0..1",
      "steps[0].set.mr.segments.A2P2: 1.1 is out of range 0..1",
      "steps[0].set.mr.segments.A3P3: missing; expected a number 0..1",
      "steps[0].set.mr.segments.A4P4: unknown key (allowed: A1P1, A2P2, A3P3)",
    ]);
    expect(problems(withOverrides({ "mr.segments": 0.5 }))).toEqual([
      "patient.overrides.mr.segments: 0.5 is not an object",
    ]);
    expect(() =>
      parseScenario(withOverrides({ "mr.segments": { A1P1: 0.2, A2P2: 0.3, A3P3: 0.505 } })),
    ).not.toThrow();
  });

  it("parseScenario validates the euroscore2 block", () => {
    const raw = JSON.parse(readFileSync("test/fixtures/good/contract-example.json", "utf8"));
    raw.euroscore2.nyhaClass = 5;
    raw.euroscore2.smoker = true;
    // The messages are the clinical module's; here only that they come with the block's paths.
    const lines = problems(raw);
    expect(lines).toHaveLength(2);
    expect(lines).toContain("euroscore2.nyhaClass: 5 is out of range 1..4");
    expect(lines.some((l) => l.startsWith("euroscore2.smoker: unknown key"))).toBe(true);
  });
});

describe("closestParameter", () => {
  it("closestParameter finds a path from its stem or a typo", () => {
    expect(closestParameter("hr")).toBe("hr_bpm");
    expect(closestParameter("mr.eroa")).toBe("mr.eroa_cm2");
    expect(closestParameter("hb_g_dl")).toBe("hb_g_dL");
    expect(closestParameter("completely.unrelated")).toBeUndefined();
  });
});

describe("formatPath", () => {
  it("formatPath writes list indices in brackets and keys with dots", () => {
    expect(formatPath(["steps", 2, "impella", "pLevel"])).toBe("steps[2].impella.pLevel");
    expect(formatPath(["patient", "overrides", "mr.eroa_cm2"])).toBe("patient.overrides.mr.eroa_cm2");
    expect(formatPath([])).toBe("");
  });
});

describe("scenarioJsonSchema", () => {
  it("scenarioJsonSchema describes the scenario file and matches docs/scenario.schema.json", () => {
    const schema = scenarioJsonSchema() as {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.required).toEqual(["id", "title", "patient", "steps"]);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual([
      "id",
      "title",
      "source",
      "patient",
      "steps",
      "euroscore2",
      "stsProm_pct",
    ]);
    const onDisk = JSON.parse(readFileSync("docs/scenario.schema.json", "utf8"));
    expect(onDisk, "docs/scenario.schema.json is out of date: run `npx tsx scripts/write-schema.ts`").toEqual(
      JSON.parse(JSON.stringify(schema)),
    );
  });
});
