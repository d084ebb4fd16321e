/**
 * Cohorts end to end, as a user runs them: a local run; a run SIGKILLed mid-way and resumed; a Redis
 * queue with two workers, one SIGKILLed at random moments; summarize. Every run must give exactly
 * N x steps rows, no duplicates, identical to the uninterrupted local run with the same seed.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Duck, openDuck } from "../../src/cohort/duck.js";
import { ROOT, runCli } from "../cli/run-cli.js";

const SPEC = "test/cohort/fixtures/tiny.yaml";
const N = 6;
const STEPS = 2;
const dir = mkdtempSync(join(tmpdir(), "cohort-run-"));
const local = join(dir, "local.parquet");
let duck: Duck;

const cli = (args: string[]) =>
  spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
  });
const exited = (c: ChildProcess) => new Promise<number | null>((r) => c.on("exit", (code) => r(code)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Rows, distinct (patient, step) pairs, and rows that differ from the local run either way. */
async function compare(file: string) {
  const q = (f: string) => `read_parquet('${f}')`;
  const [r] = await duck.all(`SELECT count(*) AS rows, count(DISTINCT (patient_id, step)) AS keys,
    (SELECT count(*) FROM (SELECT * FROM ${q(file)} EXCEPT ALL SELECT * FROM ${q(local)})) AS extra,
    (SELECT count(*) FROM (SELECT * FROM ${q(local)} EXCEPT ALL SELECT * FROM ${q(file)})) AS missing
    FROM ${q(file)}`);
  return r;
}

beforeAll(async () => {
  duck = await openDuck();
});
afterAll(() => {
  duck?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("clipshock cohort", () => {
  it("runs locally: N x steps typed rows, measurement columns as in simulate --json", async () => {
    const r = await runCli(["cohort", SPEC, "--out", local, "--patients", String(N), "--no-progress"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/6 patients x 2 steps .* patient-steps\/s/);
    const [c] =
      await duck.all(`SELECT count(*) AS n, count(DISTINCT patient_id) AS p, min(step) AS s0, max(step) AS s1,
      count(*) FILTER (WHERE error IS NULL) AS ok FROM read_parquet('${local}')`);
    expect(c).toEqual({ n: N * STEPS, p: N, s0: 0, s1: STEPS - 1, ok: N * STEPS });
    const types = Object.fromEntries(
      (await duck.all(`DESCRIBE SELECT * FROM read_parquet('${local}')`)).map((x) => [
        x.column_name,
        x.column_type,
      ]),
    );
    expect(types).toMatchObject({
      patient_id: "VARCHAR",
      step: "INTEGER",
      spec_hash: "VARCHAR",
      "param.hr_bpm": "DOUBLE",
      map_mmHg: "DOUBLE",
      mr_grade: "INTEGER",
      coronary_perfusion_mmHg: "DOUBLE",
      converged: "BOOLEAN",
      collapsed: "BOOLEAN",
      mr_eroa_by_segment_cm2: "STRUCT(A1P1 DOUBLE, A2P2 DOUBLE, A3P3 DOUBLE)",
    });
    expect(existsSync(`${local}.parts`)).toBe(false);
  }, 180_000);

  it("--resume after a SIGKILL mid-way: nothing lost, nothing twice, same rows", async () => {
    const out = join(dir, "resumed.parquet");
    const child = cli([
      "cohort",
      SPEC,
      "--out",
      out,
      "--patients",
      String(N),
      "--workers",
      "1",
      "--batch",
      "1",
      "--no-progress",
    ]);
    const parts = `${out}.parts`;
    const t0 = Date.now();
    while (Date.now() - t0 < 120_000) {
      if (existsSync(parts) && readdirSync(parts).some((f) => f === "part-000002.parquet")) break;
      await sleep(100);
    }
    child.kill("SIGKILL");
    await exited(child);
    expect(existsSync(out)).toBe(false);
    const done = readdirSync(parts).filter((f) => f.endsWith(".parquet")).length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(N);
    const again = await runCli(["cohort", SPEC, "--out", out, "--patients", String(N), "--no-progress"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/interrupted run; add --resume/);
    const r = await runCli([
      "cohort",
      SPEC,
      "--out",
      out,
      "--patients",
      String(N),
      "--resume",
      "--no-progress",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${N - done} simulated`));
    expect(await compare(out)).toEqual({ rows: N * STEPS, keys: N * STEPS, extra: 0, missing: 0 });
  }, 240_000);

  it("--queue: two workers, one SIGKILLed at random moments, give exactly the local run's rows", async () => {
    const which = spawnSync("sh", ["-c", "command -v redis-server || ls /usr/bin/redis-server"], {
      encoding: "utf8",
    });
    const server = which.stdout.trim().split("\n")[0];
    if (!server)
      throw new Error(
        "redis-server is not installed: run `bash scripts/ensure-deps.sh --browser` (installs Debian's redis-server)",
      );
    const port = await freePort();
    const rdir = mkdtempSync(join(tmpdir(), "cohort-redis-"));
    const redis = spawn(
      server,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", rdir],
      {
        stdio: "ignore",
      },
    );
    const url = `redis://127.0.0.1:${port}`;
    const workers: ChildProcess[] = [];
    const worker = () => cli(["worker", "--queue", url, "--concurrency", "1", "--lock-s", "2"]);
    try {
      const t0 = Date.now();
      for (;;) {
        const ping = spawnSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8" });
        if (ping.stdout.trim() === "PONG") break;
        if (Date.now() - t0 > 10_000) throw new Error(`redis-server did not start on port ${port}`);
        await sleep(100);
      }
      const out = join(dir, "queued.parquet");
      const coordinator = cli([
        "cohort",
        SPEC,
        "--out",
        out,
        "--patients",
        String(N),
        "--queue",
        url,
        "--no-progress",
      ]);
      let stderr = "";
      coordinator.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      let finished = false;
      const done = exited(coordinator).then((code) => {
        finished = true;
        return code;
      });
      workers[0] = worker();
      workers[1] = worker();
      let kills = 0;
      while (!finished) {
        await Promise.race([done, sleep(2500 + Math.random() * 4000)]);
        if (finished) break;
        workers[0].kill("SIGKILL");
        await exited(workers[0]);
        kills++;
        workers[0] = worker();
      }
      const code = await done;
      expect(code, stderr).toBe(0);
      expect(kills).toBeGreaterThan(0);
      expect(await compare(out)).toEqual({ rows: N * STEPS, keys: N * STEPS, extra: 0, missing: 0 });
    } finally {
      for (const w of workers) w?.kill("SIGKILL");
      redis.kill("SIGKILL");
      rmSync(rdir, { recursive: true, force: true });
    }
  }, 300_000);

  it("summarize: rates with Wilson intervals, subgroups, the SQL, an HTML report with histograms", async () => {
    const html = join(dir, "report.html");
    const r = await runCli(["cohort", "summarize", local, "--by", "param.hr_bpm", "--html", html]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${N} patients x ${STEPS} steps`));
    expect(r.stdout).toMatch(/MR ≤ 2\+ at the last step\s+\d\/6\s+[\d.]+ %\s+[\d.]+-[\d.]+ %/);
    expect(r.stdout).toMatch(/mean gradient ≥ 5 mmHg/);
    expect(r.stdout).toMatch(/cannot be weaned/);
    expect(r.stdout).toMatch(/Subgroups by param.hr_bpm/);
    expect(r.stdout).toMatch(/CREATE OR REPLACE VIEW patients AS/);
    const page = readFileSync(html, "utf8");
    expect(page).toMatch(/<svg/);
    expect(page).toMatch(/wilson_lo/);
    const j = await runCli(["cohort", "summarize", local, "--json"]);
    const doc = JSON.parse(j.stdout);
    const mr = doc.rates.find((x: { outcome: string }) => x.outcome === "mr_le_2");
    expect(mr.n).toBe(N);
    expect(mr.lo95_pct).toBeLessThanOrEqual(mr.pct);
    const bad = await runCli(["cohort", "summarize", local, "--by", "nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  }, 120_000);
});
