/** Command-line mistakes found by trying the tool as a new user: each is exit 2 with one clear line. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runEuroscore2 } from "../../src/cli/euroscore2.js";
import { lines, runCli } from "./run-cli.js";

const EUROSCORE_EXAMPLE = JSON.parse(
  readFileSync(new URL("../fixtures/good/euroscore2-contract-example.json", import.meta.url), "utf8"),
);

// /proc exists on Linux and no file can be created in it, whoever runs the tests (root included).
const linux = existsSync("/proc/self");

describe("output locations that cannot be written", () => {
  it.skipIf(!linux)(
    "simulate --out into a directory where nothing can be created: exit 2 before any simulation",
    async () => {
      const r = await runCli(["simulate", "shock-demo", "--out", "/proc/clipshock-out", "--json"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(lines(r.stderr)).toEqual([
        "--out: /proc/clipshock-out: cannot write in /proc (cannot create files there)",
      ]);
    },
  );

  it.skipIf(!linux)(
    "plan --report where it cannot be written: exit 2, not an internal error after the run",
    async () => {
      const r = await runCli(["plan", "shock-demo", "--max-clips", "0", "--report", "/proc/r.html"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(lines(r.stderr)).toEqual([
        "--report: /proc/r.html: cannot write in /proc (cannot create files there)",
      ]);
    },
  );
});

describe("euroscore2 input files", () => {
  it.skipIf(!linux)(
    "a device that never ends (/dev/zero) is refused, not read until memory runs out",
    async () => {
      const r = await runCli(["euroscore2", "/dev/zero"]);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual([
        "/dev/zero: larger than 1 MB; the EuroSCORE II input is a small JSON object",
      ]);
    },
  );

  it("a missing file and a directory still name the reason", async () => {
    expect(lines((await runCli(["euroscore2", "no-such.json"])).stderr)).toEqual([
      "no-such.json: cannot read the file (no such file)",
    ]);
    expect(lines((await runCli(["euroscore2", "test"])).stderr)).toEqual([
      "test: cannot read the file (is a directory)",
    ]);
  });

  it("malformed JSON is located by line and column, and a YAML file is told the input is JSON", () => {
    const at = runEuroscore2('{"age_years": 72,\n "sex": "male",\n}', false, "in.json");
    expect(at.exitCode).toBe(2);
    expect(at.stderr).toBe(
      "in.json: not valid JSON (line 3, column 1: Expected double-quoted property name)\n",
    );
    const yaml = runEuroscore2("age_years: 72\nsex: male\n", false, "in.yaml");
    expect(yaml.exitCode).toBe(2);
    expect(yaml.stderr).toBe(
      "in.yaml: not valid JSON (Unexpected token 'a'; the input is a JSON object { ... }, not YAML)\n",
    );
  });

  it("a UTF-8 byte-order mark before the JSON is accepted", () => {
    const out = runEuroscore2(`\ufeff${JSON.stringify(EUROSCORE_EXAMPLE)}`, true, "in.json");
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.stdout).predictedMortality_pct).toBe(35.48);
  });
});

describe("help", () => {
  it("plan and simulate describe the same scenario files (.yml included)", async () => {
    for (const cmd of ["plan", "simulate"]) {
      const r = await runCli([cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout.replace(/\s+/g, " ")).toContain("scenario file (.json, .yaml, .yml)");
    }
  });
});

describe("simulate --out into a directory of an earlier run", () => {
  it("the same scenario again overwrites; another scenario's output is replaced as a whole, never mixed", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "clipshock-out-")), "out");
    const first = await runCli(["simulate", "impella-cp-two-clips", "--out", dir, "--no-progress"]);
    expect(first.code).toBe(0);
    const files = readdirSync(dir).sort();
    const again = await runCli(["simulate", "impella-cp-two-clips", "--out", dir, "--no-progress"]);
    expect(again.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(files);
    const other = await runCli(["simulate", "shock-demo", "--out", dir, "--no-progress", "--json"]);
    expect(other.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      "0-baseline.csv",
      "1-impella-cp-at-p6.csv",
      "2-ntw-at-a2-p2.csv",
      "3-support-at-p2.csv",
      "result.json",
    ]);
    expect(readdirSync(dirname(dir))).toEqual(["out"]);
  });

  it('a directory holding anything but an earlier output is refused (exit 2), and so are --out "" and .', async () => {
    const dir = mkdtempSync(join(tmpdir(), "clipshock-out-"));
    writeFileSync(join(dir, "notes.txt"), "mine");
    const r = await runCli(["simulate", "shock-demo", "--out", dir, "--no-progress"]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([
      `--out: ${dir} holds files that are not an earlier output (notes.txt); give a new or empty directory`,
    ]);
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
    const empty = await runCli(["simulate", "shock-demo", "--out", "", "--no-progress"]);
    expect(empty.code).toBe(2);
    expect(lines(empty.stderr)).toEqual(["--out: empty; give the name of a directory to write"]);
    const here = await runCli(["simulate", "shock-demo", "--out", ".", "--no-progress"]);
    expect(here.code).toBe(2);
    expect(lines(here.stderr)).toEqual([
      "--out: . is the current directory or above it; name a new subdirectory",
    ]);
  });
});
