/**
 * Mistakes a new user makes in a scenario file, found by trying the command line as one: each gets a
 * clear one-line message (or, when the intent is unambiguous, is accepted).
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, MAX_FILE_BYTES, parseScenarioText } from "../../src/procedure/load.js";
import {
  closestParameter,
  MAX_STEPS,
  parseScenario,
  unitSlipHint,
} from "../../src/procedure/scenario-schema.js";
import { inputProblems } from "../helpers.js";

const problems = inputProblems;

const yaml = (body: string) => `id: x\ntitle: t\npatient:\n  preset: cardiogenic-shock-acute-mr\n${body}`;

describe("unknown parameters", () => {
  it("a suggested parameter comes without the list of all 57 paths; an unknown one keeps the list", () => {
    const lines = problems(() =>
      parseScenarioText(yaml("  overrides: { hr: 95, foo: 1 }\nsteps: [{ name: a }]\n"), "a.yaml"),
    );
    expect(lines[0]).toBe("patient.overrides.hr: unknown parameter; did you mean hr_bpm?");
    expect(lines[1]).toMatch(/^patient\.overrides\.foo: unknown parameter \(known: hr_bpm, hb_g_dL, /);
  });

  it("a parameter with the right unit suffix but another name is matched by that suffix when unique", () => {
    expect(closestParameter("heartrate_bpm")).toBe("hr_bpm");
    expect(closestParameter("lactate_mmol_L")).toBe("lactate_mmol_L");
    // `_mL` belongs to many parameters: no guess.
    expect(closestParameter("bloodvolume_mL")).toBeUndefined();
  });
});

describe("unit slips", () => {
  it("an out-of-range value that fits in a commonly confused unit says so", () => {
    const lines = problems(() =>
      parseScenarioText(
        yaml(
          "  overrides: { hb_g_dL: 86, mr.eroa_cm2: 45, stressedVolume_mL: 1.2 }\nsteps:\n  - name: a\n    set: { svr_mmHg_s_mL: 1200 }\n    impella: { model: CP, targetFlow_L_min: 3500 }\n",
        ),
        "a.yaml",
      ),
    );
    expect(lines).toEqual([
      "patient.overrides.hb_g_dL: 86 is out of range 4..20 g/dL (86 g/L would be 8.6 g/dL: check the unit)",
      "patient.overrides.stressedVolume_mL: 1.2 is out of range 300..4000 mL (1.2 L would be 1200 mL: check the unit)",
      "patient.overrides.mr.eroa_cm2: 45 is out of range 0..1.2 cm² (45 mm² would be 0.45 cm²: check the unit)",
      "steps[0].impella.targetFlow_L_min: 3500 is out of range: expected above 0 up to 6.5 L/min (3500 mL/min would be 3.5 L/min: check the unit)",
      "steps[0].set.svr_mmHg_s_mL: 1200 is out of range 0.3..4 mmHg·s/mL (1200 dyn·s/cm⁵ would be 0.9 mmHg·s/mL: check the unit)",
    ]);
  });

  it("no hint when no other unit explains the value", () => {
    expect(unitSlipHint(250, 30, 180, "beats/min")).toBe("");
    expect(unitSlipHint(2, 0, 1.2, "cm²")).toBe(""); // 0.02 cm² is not a likely meaning of 2
    expect(unitSlipHint(9, 1, 8, "cm²")).toBe("");
    expect(unitSlipHint(12, 0, 9, undefined)).toBe("");
  });
});

describe("Impella model written as a number", () => {
  it("YAML's unquoted model: 5.0 / 2.5 / 5.5 (numbers) are read as the models 5.0, 2.5, 5.5", () => {
    const s = parseScenarioText(
      yaml(
        "steps:\n  - name: a\n    impella: { model: 5.0, pLevel: 2 }\n  - name: b\n    impella: { model: 2.5, pLevel: 2 }\n  - name: c\n    impella: { model: 5.5, pLevel: 2 }\n",
      ),
      "a.yaml",
    );
    expect(s.steps.map((st) => st.impella?.model)).toEqual(["5.0", "2.5", "5.5"]);
  });

  it("other numbers are still rejected with the list of models", () => {
    expect(
      problems(() =>
        parseScenarioText(yaml("steps:\n  - name: a\n    impella: { model: 4, pLevel: 2 }\n"), "a.yaml"),
      ),
    ).toEqual(["steps[0].impella.model: 4 is not allowed; expected one of 2.5, CP, 5.0, 5.5"]);
  });
});

describe("file encodings and malformed files", () => {
  const dir = mkdtempSync(join(tmpdir(), "clipshock-mistakes-"));
  const file = (name: string, bytes: Uint8Array | string) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const good = '{"id":"b","title":"t","patient":{"preset":"normal"},"steps":[{"name":"x"}]}';

  it("a UTF-8 byte-order mark (as Windows editors write) is accepted in JSON and YAML", () => {
    expect(parseScenarioText(`\ufeff${good}`, "a.json").id).toBe("b");
    expect(loadScenario(file("bom.json", `\ufeff${good}`)).id).toBe("b");
    expect(
      loadScenario(
        file("bom.yaml", `\ufeffid: y\ntitle: t\npatient: { preset: normal }\nsteps: [{ name: a }]\n`),
      ).id,
    ).toBe("y");
  });

  it("bytes that are not UTF-8 are named with their line and column, not parsed as replacement characters", () => {
    const latin1 = Buffer.from(
      'id: x\ntitle: "caf\xe9"\npatient: { preset: normal }\nsteps: [{ name: a }]\n',
      "latin1",
    );
    const p = file("latin1.yaml", latin1);
    expect(problems(() => loadScenario(p))).toEqual([
      `${p}: not UTF-8 text (a byte that is not UTF-8 at line 2, column 12); save the file as UTF-8`,
    ]);
    const u16 = file("u16.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, "utf16le")]));
    expect(problems(() => loadScenario(u16))).toEqual([`${u16}: the file is UTF-16 text; save it as UTF-8`]);
  });

  it("a file over MAX_FILE_BYTES, or a device that never ends, is refused without reading it all", () => {
    const big = file("big.json", `{"id":"${"x".repeat(MAX_FILE_BYTES)}"}`);
    expect(problems(() => loadScenario(big))).toEqual([
      `${big}: larger than 10 MB; a scenario file is far smaller (is it the right file?)`,
    ]);
    if (existsSync("/dev/zero"))
      expect(problems(() => loadScenario("/dev/zero"))).toEqual([
        "/dev/zero: larger than 10 MB; a scenario file is far smaller (is it the right file?)",
      ]);
  });

  it("a duplicate key in JSON is an error, as it is in YAML (JSON.parse would keep the last silently)", () => {
    const text =
      '{"id":"x","title":"t","patient":{"preset":"normal"},"steps":[{"name":"a","set":{"hr_bpm":80,"hr_bpm":200}}]}';
    expect(problems(() => parseScenarioText(text, "d.json"))).toEqual([
      "d.json: malformed JSON at line 1, column 93: the same key appears twice in an object",
    ]);
  });

  it("a YAML alias bomb is an input error (exit 2), not an internal failure", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [prev, cur] of [
      ["a", "b"],
      ["b", "c"],
      ["c", "d"],
      ["d", "e"],
      ["e", "f"],
    ])
      levels.push(
        `${cur}: &${cur} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`,
      );
    const lines = problems(() => parseScenarioText(`${levels.join("\n")}\n`, "bomb.yaml"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^bomb\.yaml: YAML that cannot be expanded: /);
  });

  it("two YAML documents, or a file of comments only, say so in the user's words", () => {
    const two = "id: x\ntitle: t\npatient: { preset: normal }\nsteps: [{ name: a }]\n---\nid: y\n";
    expect(problems(() => parseScenarioText(two, "multi.yaml"))).toEqual([
      "multi.yaml: a second YAML document (---) at line 5; a scenario file holds one scenario",
    ]);
    expect(problems(() => parseScenarioText("# to do\n", "c.yaml"))).toEqual([
      "c.yaml: the file holds only comments; expected a scenario (id, title, patient, steps)",
    ]);
  });

  it("a parser's message stays one short printable line", () => {
    const lines = problems(() =>
      parseScenarioText(`: ${"\u0001".repeat(50)}${"z".repeat(300)}: [\n`, "bin.yaml"),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/\p{Cc}/u);
    expect(lines[0].length).toBeLessThan(220);
  });
});

describe("a runaway number of steps", () => {
  const withSteps = (n: number) => ({
    id: "x",
    title: "t",
    patient: { preset: "normal" },
    steps: Array.from({ length: n }, (_, i) => ({ name: `s${i}` })),
  });

  it("more than MAX_STEPS steps is refused at once (it would simulate for hours), MAX_STEPS is fine", () => {
    expect(MAX_STEPS).toBe(1000);
    const t0 = performance.now();
    expect(problems(() => parseScenario(withSteps(200_000)))).toEqual(["steps: 200000 items; at most 1000"]);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(parseScenario(withSteps(MAX_STEPS)).steps).toHaveLength(MAX_STEPS);
  });
});

describe("unambiguous spellings and misspelt keys", () => {
  it("segments written as clinicians do (A2-P2, a3 p3) and devices/models in another case are accepted", () => {
    const s = parseScenarioText(
      yaml(
        "steps:\n  - name: a\n    impella: { model: cp, pLevel: 6 }\n    clip: { device: ntw, position: A2-P2 }\n  - name: b\n    clip: [{ device: Nt, position: a3 p3 }]\n",
      ),
      "a.yaml",
    );
    expect(s.steps[0].impella).toEqual({ model: "CP", pLevel: 6 });
    expect(s.steps[0].clip).toEqual({ device: "NTW", position: "A2P2" });
    expect(s.steps[1].clip).toEqual([{ device: "NT", position: "A3P3" }]);
  });

  it("a misspelt key gets the allowed key it most likely means, and only a clear one", () => {
    const lines = problems(() =>
      parseScenarioText(
        yaml(
          "steps:\n  - name: a\n    impela: { model: CP, plevel: 6 }\n  - name: b\n    clips: { devise: NT, postion: A1P1 }\n  - name: c\n    clip: { device: NT, position: { offset: 4 } }\n  - name: d\n    set: { mr.segments: { A1P1: 0.5, A2P2: 0.5, A4P4: 0 } }\n",
        ),
        "a.yaml",
      ),
    );
    expect(lines).toEqual([
      "steps[0].impela: unknown key; did you mean impella? (allowed: name, impella, iabp, ecmo, clip, set, hold_s, pace_bpm)",
      "steps[1].clips: unknown key; did you mean clip? (allowed: name, impella, iabp, ecmo, clip, set, hold_s, pace_bpm)",
      "steps[2].clip.position.offset_mm: missing; expected a number -100..100 mm",
      "steps[2].clip.position.offset: unknown key; did you mean offset_mm? (allowed: offset_mm)",
      "steps[3].set.mr.segments.A3P3: missing; expected a number 0..1",
      // A4P4 is as near to A1P1 as to A2P2 and A3P3: no guess.
      "steps[3].set.mr.segments.A4P4: unknown key (allowed: A1P1, A2P2, A3P3)",
    ]);
  });
});
