import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, describe, expect, it, vi } from "vitest";
import { euroscore2Command } from "../../src/cli/commands.js";
import { runEuroscore2 } from "../../src/cli/euroscore2.js";

const CONTRACT_INPUT = JSON.parse(
  readFileSync(new URL("../fixtures/good/euroscore2-contract-example.json", import.meta.url), "utf8"),
);
const text = (patch: Record<string, unknown> = {}) => JSON.stringify({ ...CONTRACT_INPUT, ...patch });

/** Asserts an input error: exit 2, nothing on stdout, one line per problem, no stack trace. */
function expectInputError(out: ReturnType<typeof runEuroscore2>, lines: (string | RegExp)[]) {
  expect(out.exitCode).toBe(2);
  expect(out.stdout).toBe("");
  const got = out.stderr.trimEnd().split("\n");
  expect(got).toHaveLength(lines.length);
  for (const [i, l] of lines.entries()) {
    if (typeof l === "string") expect(got[i]).toBe(l);
    else expect(got[i]).toMatch(l);
  }
  expect(out.stderr).not.toMatch(/\n\s+at /);
}

describe("runEuroscore2", () => {
  it("runEuroscore2 --json prints one JSON document with the contract's 35.48 %", () => {
    const out = runEuroscore2(text(), true);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe("");
    const doc = JSON.parse(out.stdout);
    expect(doc.predictedMortality_pct).toBe(35.48);
    expect(doc.logit).toBeCloseTo(-0.597949, 5);
    expect(doc.logit).not.toBe(Number(doc.logit.toFixed(6)));
    expect(doc.factors[0].name).toBe("age (x_age 13)");
  });

  it("runEuroscore2 prints a human-readable result with the surgical-alternative caveat", () => {
    const out = runEuroscore2(text(), false);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^EuroSCORE II predicted mortality: 35\.48 %/);
    expect(out.stdout).toMatch(/surgical\nalternative/);
    expect(out.stdout).toMatch(/not predict mortality after TEER/);
  });

  it("runEuroscore2 reports age 0", () => {
    expectInputError(runEuroscore2(text({ age_years: 0 }), true), [
      "age_years: 0 is out of range 18..95 (EuroSCORE II is a score for adult cardiac surgery)",
    ]);
  });

  it("runEuroscore2 reports age 130", () => {
    expectInputError(runEuroscore2(text({ age_years: 130 }), false), [
      "age_years: 130 is out of range 18..95 (EuroSCORE II is not validated above 95)",
    ]);
  });

  it("runEuroscore2 reports NYHA 5", () => {
    expectInputError(runEuroscore2(text({ nyhaClass: 5 }), true), ["nyhaClass: 5 is out of range 1..4"]);
  });

  it("runEuroscore2 reports dialysis given together with a clearance", () => {
    expectInputError(runEuroscore2(text({ dialysis: true }), true), [
      /^creatinineClearance_mL_min: 40 given together with dialysis: true; drop creatinineClearance_mL_min/,
    ]);
  });

  it("runEuroscore2 reports wrong types, one line each", () => {
    expectInputError(
      runEuroscore2(text({ age_years: "72", recentMI: 1, weightOfIntervention: "cabg" }), true),
      [
        'age_years: "72" is not allowed; expected an integer 18..95 (completed years)',
        "recentMI: 1 is not allowed; expected true or false",
        /^weightOfIntervention: "cabg" is not allowed; expected one of "isolated-cabg"/,
      ],
    );
  });

  it("runEuroscore2 reports an unknown key", () => {
    expectInputError(runEuroscore2(text({ LVEF: 25 }), true), [
      'LVEF: unknown key (value 25); did you mean "lvef_pct"?',
    ]);
  });

  it("runEuroscore2 reports malformed JSON and a non-object document", () => {
    expectInputError(runEuroscore2("{ age_years: 72", true, "in.json"), [/^in\.json: not valid JSON \(/]);
    expectInputError(runEuroscore2("[]", true, "in.json"), [
      /^in\.json: \[\] is not allowed; expected an object/,
    ]);
  });

  it("runEuroscore2 reports an empty file", () => {
    expectInputError(runEuroscore2("  \n", true, "in.json"), [
      "in.json: empty file; expected a JSON object with the EuroSCORE II fields",
    ]);
  });
});

describe("euroscore2Command", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  async function run(args: string[]) {
    let stdout = "";
    let stderr = "";
    vi.spyOn(process.stdout, "write").mockImplementation((s) => {
      stdout += String(s);
      return true;
    });
    vi.spyOn(process.stderr, "write").mockImplementation((s) => {
      stderr += String(s);
      return true;
    });
    const program = new Command("clipshock").exitOverride().addCommand(euroscore2Command());
    await program.parseAsync(["euroscore2", ...args], { from: "user" });
    const exitCode = process.exitCode;
    vi.restoreAllMocks();
    return { stdout, stderr, exitCode };
  }

  it("euroscore2Command reads the file and prints JSON", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "es2-")), "in.json");
    writeFileSync(file, text());
    const out = await run([file, "--json"]);
    expect(JSON.parse(out.stdout).predictedMortality_pct).toBe(35.48);
    expect(out.stderr).toBe("");
    expect(out.exitCode ?? 0).toBe(0);
  });

  it("euroscore2Command sets exit status 2 for an unreadable file", async () => {
    const out = await run(["/nonexistent/clipshock-input.json"]);
    expect(out.exitCode).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toBe("/nonexistent/clipshock-input.json: cannot read the file (no such file)\n");
  });

  it("euroscore2Command sets exit status 2 for invalid input and names the file for malformed JSON", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "es2-")), "bad.json");
    writeFileSync(file, "{");
    const out = await run([file]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr.startsWith(`${file}: not valid JSON`)).toBe(true);
  });
});
