import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CASES } from "../../src/procedure/cases/index.js";
import { lines, runCli } from "./run-cli.js";

/** Every key of the contract's "Result of simulate --json" measurements table. */
const CONTRACT_MEASUREMENTS = [
  "hr_bpm",
  "map_mmHg",
  "sbp_mmHg",
  "dbp_mmHg",
  "co_L_min",
  "native_co_L_min",
  "pump_flow_L_min",
  "pump_speed_rpm",
  "pLevel",
  "suction",
  "cpo_W",
  "lvedp_mmHg",
  "lvedv_mL",
  "lvesv_mL",
  "lvef_pct",
  "lap_mean_mmHg",
  "lap_v_mmHg",
  "pcwp_mmHg",
  "rap_mmHg",
  "pap_mean_mmHg",
  "mr_rvol_mL",
  "mr_rf_pct",
  "mr_eroa_cm2",
  "mr_grade",
  "mr_eroa_by_segment_cm2",
  "mv_gradient_mean_mmHg",
  "mv_area_cm2",
  "total_blood_volume_mL",
];
/** Parameter paths the contract requires in every step's `parameters`. */
const CONTRACT_PARAMETERS = [
  "hr_bpm",
  "hb_g_dL",
  "stressedVolume_mL",
  "svr_mmHg_s_mL",
  "lv.ees_mmHg_mL",
  "lv.v0_mL",
  "rv.ees_mmHg_mL",
  "mr.eroa_cm2",
  "mr.segments",
  "mv.area_cm2",
];

const STACK_LINE = /^\s+at /m;

interface JsonStep {
  name: string;
  parameters: Record<string, unknown>;
  measurements: Record<string, unknown>;
  devices: { impella: unknown; clips: unknown[] };
  converged: boolean;
}

describe("clipshock cases", () => {
  it("cases prints `id  title` per line", async () => {
    const r = await runCli(["cases"]);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(CASES.length);
    for (const [i, c] of CASES.entries()) {
      const title = c.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      expect(out[i]).toMatch(new RegExp(`^${c.id} {2,}${title}$`));
    }
  });

  it("cases --json prints one JSON document [{ id, title, source }]", async () => {
    const r = await runCli(["cases", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(
      CASES.map((c) => ({ id: c.id, title: c.title, source: c.source ?? null })),
    );
  });
});

describe("clipshock simulate", () => {
  it("simulate --json prints one document with every contract key per step", async () => {
    const r = await runCli(["simulate", "shock-demo", "--json"]);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { scenario: string; steps: JsonStep[] };
    expect(doc.scenario).toBe("shock-demo");
    expect(doc.steps.map((s) => s.name)).toEqual([
      "baseline",
      "Impella CP at P6",
      "NTW at A2-P2",
      "support at P2",
    ]);
    for (const step of doc.steps) {
      expect(Object.keys(step)).toEqual(
        expect.arrayContaining(["name", "parameters", "measurements", "devices", "converged"]),
      );
      for (const k of CONTRACT_MEASUREMENTS) expect(step.measurements, k).toHaveProperty([k]);
      for (const k of CONTRACT_PARAMETERS) expect(step.parameters, k).toHaveProperty([k]);
      expect(typeof step.measurements.suction).toBe("boolean");
      expect(typeof step.converged).toBe("boolean");
      expect(Object.keys(step.measurements.mr_eroa_by_segment_cm2 as object).sort()).toEqual([
        "A1P1",
        "A2P2",
        "A3P3",
      ]);
      for (const [k, v] of Object.entries(step.measurements)) {
        if (typeof v === "number") expect(Number(v.toPrecision(4)), k).toBe(v);
      }
    }
    const [baseline, pump] = doc.steps;
    expect(baseline.measurements).toMatchObject({
      pump_flow_L_min: 0,
      pump_speed_rpm: 0,
      pLevel: 0,
      suction: false,
    });
    expect(baseline.devices).toEqual({ impella: null, clips: [] });
    expect(pump.measurements.pLevel).toBe(6);
    expect(pump.devices.impella).toEqual({ model: "CP", pLevel: 6 });
    expect(doc.steps[2].devices.clips).toEqual([{ device: "NTW", offset_mm: 0, position: "A2P2" }]);
    // Progress goes to stderr, one line per step when stderr is not a terminal.
    expect(lines(r.stderr)).toEqual([
      "[1/4] baseline",
      "[2/4] Impella CP at P6",
      "[3/4] NTW at A2-P2",
      "[4/4] support at P2",
    ]);
  });

  it("simulate prints a table with one column per step", async () => {
    const r = await runCli(["simulate", "shock-demo", "--no-progress"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = r.stdout;
    for (const label of [
      "HR (beats/min)",
      "MAP (SBP/DBP) (mmHg)",
      "CO total/native (L/min)",
      "Pump flow (L/min)",
      "Pump speed (rpm)",
      "P-level",
      "Suction",
      "CPO (W)",
      "LVEDP (mmHg)",
      "LVEDV/LVESV (mL)",
      "LVEF (%)",
      "LAP mean/v (mmHg)",
      "PCWP (mmHg)",
      "RAP (mmHg)",
      "PAP mean (mmHg)",
      "MR RVol (mL/beat)",
      "MR RF (%)",
      "MR EROA (cm²)",
      "MR grade",
      "EROA A1P1 (cm²)",
      "EROA A2P2 (cm²)",
      "EROA A3P3 (cm²)",
      "MV mean gradient (mmHg)",
      "MV area (cm²)",
      "Blood volume (mL)",
    ]) {
      expect(out).toContain(`  ${label}`);
    }
    expect(out).toMatch(/0: baseline +1: Impella CP at P6 +2: NTW at A2-P2 +3: support at P2/);
    expect(out).toMatch(/P-level +- +P6 +P6 +P2/);
  });

  it("simulate --out writes one CSV per step and result.json, from a YAML scenario", async () => {
    const parent = mkdtempSync(join(tmpdir(), "clipshock-out-"));
    const dir = join(parent, "run");
    const r = await runCli(["simulate", "test/fixtures/good/short.yaml", "--json", "--out", dir]);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code).toBe(0);
    expect(readdirSync(parent)).toEqual(["run"]);
    expect(readdirSync(dir).sort()).toEqual(["0-impella-cp-at-p4.csv", "1-nt-at-a2-p2.csv", "result.json"]);
    const result = JSON.parse(readFileSync(join(dir, "result.json"), "utf8"));
    expect(result).toEqual(JSON.parse(r.stdout));
    expect(result.scenario).toBe("short-yaml");
    const csv = readFileSync(join(dir, "1-nt-at-a2-p2.csv"), "utf8").trimEnd().split("\n");
    const header = csv[0].split(",");
    expect(header[0]).toBe("t_s");
    for (const col of [
      "lv.p_mmHg",
      "lv.v_mL",
      "ao.p_mmHg",
      "la.p_mmHg",
      "mv.q_mL_s",
      "av.q_mL_s",
      "impella.q_mL_s",
    ]) {
      expect(header).toContain(col);
    }
    expect(header.slice(1).every((h) => /\.(p_mmHg|v_mL|q_mL_s)$/.test(h))).toBe(true);
    // 3 s of waveform, one row per 8 ms step (DEFAULT_DT_S) = 375 rows plus the header.
    expect(csv.length).toBeGreaterThan(350);
    const row = csv[1].split(",").map(Number);
    expect(row).toHaveLength(header.length);
    expect(row.every(Number.isFinite)).toBe(true);
    expect(row[0]).toBe(0);
  });

  it("simulate --out writes into an existing directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clipshock-out-"));
    const r = await runCli(["simulate", "shock-demo", "--out", dir, "--no-progress"]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      "0-baseline.csv",
      "1-impella-cp-at-p6.csv",
      "2-ntw-at-a2-p2.csv",
      "3-support-at-p2.csv",
      "result.json",
    ]);
  });
});

/**
 * Broken scenario files: exit status 2, exactly these lines on stderr (a RegExp where the message
 * comes from the device models), no stack trace, no output directory.
 */
const BAD: Record<string, (string | RegExp)[]> = {
  "wrong-types.json": [
    "title: 5 is not a string",
    'patient.overrides.baroreflex.enabled: "yes" is not allowed; expected true or false',
    'steps[0].impella.pLevel: "six" is not a number; expected 0..9',
    'steps[1].set.hb_g_dL: "low" is not a number; expected 4..20 g/dL',
    'steps[2].clip: "NTW" is not a clip; expected { "device", "position" } or a list of them',
  ],
  "out-of-range.yaml": [
    "patient.overrides.mr.eroa_cm2: 2 is out of range 0..1.2 cm²",
    "steps[1].impella.targetFlow_L_min: 9 is out of range: expected above 0 up to 6.5 L/min",
    "steps[2].impella.pLevel: 12 is out of range 0..9",
    "steps[3].set.hr_bpm: 250 is out of range 30..180 beats/min",
  ],
  "unknown-parameter.json": [
    "patient.overrides.hr: unknown parameter; did you mean hr_bpm?",
    /^steps\[0\]\.set\.foo\.bar: unknown parameter \(known: hr_bpm, hb_g_dL, .*\)$/,
  ],
  "unknown-step-key.json": [
    "steps[1].clips: unknown key; did you mean clip? (allowed: name, impella, iabp, ecmo, clip, set, hold_s, pace_bpm)",
  ],
  "unknown-preset.json": [
    'patient.preset: "septic-shock" is not allowed; expected one of normal, cardiogenic-shock-acute-mr, cardiogenic-shock-papillary-rupture',
    "notes: unknown key (allowed: id, title, source, patient, steps, euroscore2, stsProm_pct)",
  ],
  "both-plevel-and-flow.json": [
    "steps[0].impella: both pLevel (4) and targetFlow_L_min (2) given; give one of them",
  ],
  "no-pump-model.json": ["steps[0].impella.model: no pump is in place: give the model (2.5, CP, 5.0, 5.5)"],
  "clip-on-clip.json": [/^steps\[1\]\.clip\.position: .*NT at 2 mm.*clip 1/],
  "clip-off-line.yaml": [/^steps\[0\]\.clip\[1\]\.position: offset -20 mm is off the coaptation line/],
  "segments.yaml": [
    "patient.overrides.mr.segments: shares sum to 0.8 (0.2 + 0.3 + 0.3); they must sum to 1 (±0.01)",
  ],
  "no-steps.yaml": ["steps: must not be empty"],
  "not-an-object.json": [
    "not-an-object.json: a list is not a scenario; expected an object with id, title, patient, steps",
  ],
  "euroscore2.json": ["euroscore2.nyhaClass: 5 is out of range 1..4"],
  "malformed.json": [
    "malformed.json: malformed JSON at line 4, column 3: Expected ',' or '}' after property value",
  ],
  "malformed.yaml": [
    "malformed.yaml: malformed YAML at line 3, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]",
  ],
  "duplicate-key.yml": ["duplicate-key.yml: malformed YAML at line 2, column 1: Map keys must be unique"],
  "empty.json": ["empty.json: the file is empty; expected a scenario (id, title, patient, steps)"],
  "missing.json": [
    "test/fixtures/bad/missing.json: no built-in case or file of that name (built-in cases: impella-cp-two-clips, impella5-wean-test, shock-demo, iabp-timing, ecpella, pascal-vs-mitraclip)",
  ],
};

describe.concurrent("clipshock simulate with bad input", () => {
  it("simulate: the corpus of bad files covers every file in test/fixtures/bad", () => {
    const files = readdirSync("test/fixtures/bad").sort();
    expect(files).toEqual(
      Object.keys(BAD)
        .filter((f) => f !== "missing.json")
        .sort(),
    );
    expect(existsSync("test/fixtures/bad/missing.json")).toBe(false);
  });

  for (const [file, expected] of Object.entries(BAD)) {
    it(`simulate ${file} exits 2 with one line per problem and writes nothing`, async () => {
      const parent = mkdtempSync(join(tmpdir(), "clipshock-bad-"));
      const out = join(parent, "out");
      const r = await runCli(["simulate", `test/fixtures/bad/${file}`, "--out", out, "--json"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(STACK_LINE);
      const got = lines(r.stderr);
      expect(got).toHaveLength(expected.length);
      for (const [k, e] of expected.entries()) {
        if (typeof e === "string") expect(got[k]).toBe(e);
        else expect(got[k]).toMatch(e);
      }
      expect(readdirSync(parent)).toEqual([]);
    });
  }
});

describe.concurrent("clipshock usage", () => {
  it("--help works for the program and every command", async () => {
    const top = await runCli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Usage: clipshock /);
    const cmds = ["cases", "simulate", "plan", "euroscore2", "serve"];
    const results = await Promise.all(cmds.map((cmd) => runCli([cmd, "--help"])));
    cmds.forEach((cmd, i) => {
      expect(top.stdout).toContain(`  ${cmd} `);
      expect(results[i].code, cmd).toBe(0);
      expect(results[i].stdout).toMatch(new RegExp(`^Usage: clipshock ${cmd} `));
    });
  });

  it("usage errors exit 2 with one line and no stack trace", async () => {
    const cases = [["simulate"], ["simulate", "shock-demo", "--bogus"], ["bogus"], ["cases", "extra"]];
    const results = await Promise.all(cases.map((args) => runCli(args)));
    cases.forEach((args, i) => {
      const r = results[i];
      expect(r.code, args.join(" ")).toBe(2);
      expect(lines(r.stderr), args.join(" ")).toHaveLength(1);
      expect(r.stderr).toMatch(/^error: /);
    });
  });

  it("--out that is a file exits 2 before simulating", async () => {
    const r = await runCli(["simulate", "shock-demo", "--out", "package.json"]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(["--out: package.json exists and is not a directory"]);
  });

  it("plan with an unknown --at step exits 2 listing the steps", async () => {
    const r = await runCli(["plan", "shock-demo", "--at", "nope"]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      '--at: "nope" is not a step of shock-demo; give a step name or an index 0..3: 0 "baseline", 1 "Impella CP at P6", 2 "NTW at A2-P2", 3 "support at P2"',
    ]);
  });

  it("bin/clipshock.mjs runs the command line", async () => {
    const r = await runCli(["--version"], ["bin/clipshock.mjs"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
