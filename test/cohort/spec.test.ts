import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCohortSpec } from "../../src/cohort/load.js";
import { cohortJsonSchema, parseCohortSpec } from "../../src/cohort/spec.js";
import { lines, runCli } from "../cli/run-cli.js";
import { inputProblems } from "../helpers.js";

const good = {
  id: "t",
  title: "t",
  patients: 10,
  preset: "cardiogenic-shock-acute-mr",
  parameters: { hr_bpm: { dist: "normal", mean: 95, sd: 10 } },
  strategy: { steps: [{ name: "P6", impella: { model: "CP", pLevel: 6 } }] },
};

describe("parseCohortSpec", () => {
  it("parseCohortSpec accepts a good spec, with defaults, and hashes it without N", () => {
    const s = parseCohortSpec(good);
    expect(s.seed).toBe(1);
    expect(s.sampling).toBe("sobol");
    expect(s.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(parseCohortSpec({ ...good, patients: 99 }).hash).toBe(s.hash);
    expect(parseCohortSpec({ ...good, seed: 2 }).hash).not.toBe(s.hash);
  });

  it("parseCohortSpec names every problem by its path", () => {
    const problems = inputProblems(() =>
      parseCohortSpec({
        ...good,
        parameters: {
          hr: { dist: "normal", mean: 95, sd: 10 },
          hb_g_dL: { dist: "normal", mean: 30, sd: 1 },
          "lv.ees_mmHg_mL": { dist: "uniform", min: 50, max: 60 },
          svr_mmHg_s_mL: { dist: "normal", mean: 1, sd: 0.2 },
          "mr.eroa_cm2": { dist: "normal", mean: 0.4, sd: 0.1 },
        },
        correlations: [
          { between: ["svr_mmHg_s_mL", "mr.eroa_cm2"], r: 0.99 },
          { between: ["svr_mmHg_s_mL", "nope"], r: 0.2 },
        ],
        fixed: { hb_g_dL: 86 },
        strategy: { steps: [{ name: "P12", impella: { model: "CP", pLevel: 12 } }] },
      }),
    );
    expect(problems).toContain("parameters.hr: unknown parameter; did you mean hr_bpm?");
    expect(problems.some((p) => p.startsWith("parameters.hb_g_dL.mean: 30 is outside"))).toBe(true);
    expect(problems.some((p) => p.startsWith("parameters.lv.ees_mmHg_mL: bounds 50..60 leave nothing"))).toBe(
      true,
    );
    expect(problems.some((p) => p.startsWith("correlations[1].between[1]: nope is not a sampled"))).toBe(
      true,
    );
    expect(problems.some((p) => p.startsWith("fixed.hb_g_dL: 86 is out of range"))).toBe(true);
    expect(problems.some((p) => p.startsWith("strategy.steps[0].impella.pLevel: 12"))).toBe(true);
  });

  it("parseCohortSpec refuses contradictory correlations, bad shapes and both table and parameters", () => {
    expect(
      inputProblems(() =>
        parseCohortSpec({
          ...good,
          parameters: {
            hr_bpm: { dist: "normal", mean: 95, sd: 10 },
            hb_g_dL: { dist: "normal", mean: 10, sd: 1 },
            svr_mmHg_s_mL: { dist: "normal", mean: 1, sd: 0.2 },
          },
          correlations: [
            { between: ["hr_bpm", "hb_g_dL"], r: 0.9 },
            { between: ["hb_g_dL", "svr_mmHg_s_mL"], r: 0.9 },
            { between: ["hr_bpm", "svr_mmHg_s_mL"], r: -0.9 },
          ],
        }),
      ),
    ).toEqual([
      "correlations: the correlation matrix is not positive definite (the correlations contradict each other)",
    ]);
    expect(inputProblems(() => parseCohortSpec({ ...good, patients: 0, colour: 1 })).sort()).toEqual([
      ": unknown key(s) colour",
      "patients: Too small: expected number to be >=1",
    ]);
    expect(inputProblems(() => parseCohortSpec({ ...good, table: "x.csv" }))).toEqual([
      "table: give either table or parameters, not both",
    ]);
    expect(inputProblems(() => parseCohortSpec([]))[0]).toMatch(/^: not a cohort spec/);
  });

  it("parseCohortSpec accepts a plannedClips step and a choice of segment shares", () => {
    const s = parseCohortSpec({
      ...good,
      parameters: {
        "mr.segments": {
          dist: "choice",
          values: [
            { A1P1: 0.1, A2P2: 0.8, A3P3: 0.1 },
            { A1P1: 0.2, A2P2: 0.2, A3P3: 0.6 },
          ],
        },
      },
      strategy: {
        steps: [
          { name: "P6", impella: { model: "CP", pLevel: 6 } },
          { name: "clips", plannedClips: { maxClips: 2 } },
        ],
      },
    }).steps;
    expect(s[1]).toEqual({ name: "clips", plannedClips: { maxClips: 2 } });
  });
});

describe("shipped cohort files", () => {
  it("cohortJsonSchema matches docs/cohort.schema.json (regenerate: node --import tsx scripts/write-cohort-schema.ts)", () => {
    expect(JSON.parse(readFileSync("docs/cohort.schema.json", "utf8"))).toEqual(cohortJsonSchema());
  });

  it("loadCohortSpec reads every example in docs/cohorts", () => {
    for (const f of ["published-series.yaml", "planned-clips.yaml"])
      expect(loadCohortSpec(`docs/cohorts/${f}`).spec.steps.length).toBeGreaterThan(0);
  });
});

describe("clipshock cohort and worker usage", () => {
  it("--help works for cohort, cohort summarize and worker", async () => {
    for (const args of [["cohort"], ["cohort", "summarize"], ["worker"]]) {
      const r = await runCli([...args, "--help"]);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: clipshock ${args.join(" ")} `));
    }
  }, 120_000);

  it("what --help loads imports neither DuckDB, BullMQ nor the cohort modules (only types)", () => {
    for (const f of ["src/cli/main.ts", "src/cli/program.ts", "src/cli/commands.ts"]) {
      const text = readFileSync(f, "utf8");
      const eager = [...text.matchAll(/^import (?!type )[^;]*from "([^"]+)";/gms)].map((m) => m[1]);
      for (const m of eager) expect(m, `${f} imports ${m}`).not.toMatch(/duckdb|bullmq|ioredis|cohort/);
    }
  });
});

describe("clipshock cohort with bad input", () => {
  it("exits 2 with one line per problem and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cohort-bad-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      "id: t\ntitle: t\npatients: 3\npreset: cardiogenic-shock-acute-mr\nparameters:\n  hr: { dist: normal, mean: 95, sd: 10 }\n  hb_g_dL: { dist: gamma, mean: 10 }\nstrategy:\n  steps:\n    - { name: P12, impella: { model: CP, pLevel: 12 } }\n",
    );
    const r = await runCli(["cohort", file, "--out", join(dir, "r.parquet")]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(lines(r.stderr)).toEqual([
      "parameters.hb_g_dL.dist: expected { dist: normal | lognormal | uniform | choice, ... }",
    ]);
    const r2 = await runCli(["cohort", file.replace("bad", "missing"), "--out", join(dir, "r.parquet")]);
    expect(r2.code).toBe(2);
    expect(lines(r2.stderr)).toHaveLength(1);
    const r3 = await runCli([
      "cohort",
      "test/cohort/fixtures/tiny.yaml",
      "--out",
      join(dir, "r.parquet"),
      "--queue",
      "redis://127.0.0.1:1",
    ]);
    expect(r3.code).toBe(2);
    expect(lines(r3.stderr)).toEqual(["clipshock: cannot reach Redis at redis://127.0.0.1:1: ECONNREFUSED"]);
    const r4 = await runCli([
      "cohort",
      "test/cohort/fixtures/tiny.yaml",
      "--out",
      join(dir, "r.parquet"),
      "--patients",
      "0",
    ]);
    expect(r4.code).toBe(2);
    expect(lines(r4.stderr)).toEqual(['--patients: "0" is not a whole number in 1..1000000']);
  }, 120_000);
});
