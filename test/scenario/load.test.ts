import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getCase } from "../../src/procedure/cases/index.js";
import { detectFormat, lineColumn, loadScenario, parseScenarioText } from "../../src/procedure/load.js";
import { inputProblems } from "../helpers.js";

const problems = inputProblems;

describe("loadScenario", () => {
  it("loadScenario returns a built-in case by id", () => {
    expect(loadScenario("shock-demo")).toBe(getCase("shock-demo"));
  });

  it("loadScenario reads JSON and YAML files", () => {
    expect(loadScenario("test/fixtures/good/contract-example.json").id).toBe("my-case");
    const s = loadScenario("test/fixtures/good/short.yaml");
    expect(s.id).toBe("short-yaml");
    expect(s.patient.overrides).toEqual({ hr_bpm: 95, "mr.eroa_cm2": 0.4 });
    expect(s.steps[1].clip).toEqual({ device: "NT", position: "A2P2" });
  });

  it("loadScenario detects the format of a file without a known extension", () => {
    const dir = mkdtempSync(join(tmpdir(), "clipshock-load-"));
    writeFileSync(
      join(dir, "a.scenario"),
      "id: a\ntitle: t\npatient: { preset: normal }\nsteps: [{ name: b }]\n",
    );
    writeFileSync(
      join(dir, "b.txt"),
      '{"id":"b","title":"t","patient":{"preset":"normal"},"steps":[{"name":"x"}]}',
    );
    expect(loadScenario(join(dir, "a.scenario")).id).toBe("a");
    expect(loadScenario(join(dir, "b.txt")).id).toBe("b");
  });

  it("loadScenario names a missing file and lists the built-in cases", () => {
    expect(problems(() => loadScenario("no/such/file.json"))).toEqual([
      "no/such/file.json: no built-in case or file of that name (built-in cases: impella-cp-two-clips, impella5-wean-test, shock-demo, iabp-timing, ecpella, pascal-vs-mitraclip)",
    ]);
  });

  it("loadScenario rejects a directory", () => {
    expect(problems(() => loadScenario("test/fixtures"))).toEqual([
      "test/fixtures: is a directory; expected a built-in case id or a scenario file",
    ]);
  });
});

describe("parseScenarioText", () => {
  it("parseScenarioText reports malformed JSON with line and column", () => {
    expect(problems(() => parseScenarioText('{\n  "id": "x"\n  "title": "t"\n}', "dir/a.json"))).toEqual([
      "a.json: malformed JSON at line 3, column 3: Expected ',' or '}' after property value",
    ]);
    expect(problems(() => parseScenarioText('{"id": ', "a.json"))).toEqual([
      "a.json: malformed JSON at line 1, column 8: Unexpected end of the file",
    ]);
  });

  it("parseScenarioText reports malformed YAML with line and column", () => {
    expect(problems(() => parseScenarioText("id: x\ntitle: [unclosed\npatient: 1\n", "a.yaml"))).toEqual([
      "a.yaml: malformed YAML at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
    expect(problems(() => parseScenarioText("id: x\nid: y\n", "a.yml"))).toEqual([
      "a.yml: malformed YAML at line 2, column 1: Map keys must be unique",
    ]);
  });

  it("parseScenarioText rejects an empty file", () => {
    expect(problems(() => parseScenarioText(" \n", "e.json"))).toEqual([
      "e.json: the file is empty; expected a scenario (id, title, patient, steps)",
    ]);
  });

  it("parseScenarioText names the file when the whole document is wrong", () => {
    expect(problems(() => parseScenarioText("just text", "s.yaml"))).toEqual([
      's.yaml: "just text" is not a scenario; expected an object with id, title, patient, steps',
    ]);
  });
});

describe("detectFormat", () => {
  it("detectFormat goes by extension, then by the first character", () => {
    expect(detectFormat("id: x", "a.json")).toBe("json");
    expect(detectFormat("{}", "a.YML")).toBe("yaml");
    expect(detectFormat("  {}", "a")).toBe("json");
    expect(detectFormat("id: x", "a")).toBe("yaml");
  });
});

describe("lineColumn", () => {
  it("lineColumn counts lines and columns from 1", () => {
    expect(lineColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});
