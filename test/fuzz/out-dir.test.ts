/**
 * `--out` as one set (issue 12, item 5): a kill at any moment leaves the old output or the new one
 * (after the next run's recovery), never a mix; disk and permission errors are one line, exit 2, with
 * no temporary files left.
 */
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/errors.js";
import { type OutFile, recoverOutDir, writeFileAtomically, writeOutDir } from "../../src/cli/out-dir.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const set = (gen: string, n: number): OutFile[] => [
  ...Array.from({ length: n }, (_, i) => ({
    name: `${i}-step.csv`,
    content: `${gen}\n${"x".repeat(20_000)}`,
  })),
  { name: "result.json", content: JSON.stringify({ gen }) },
];

/** "old", "new", or a description of the mix found. */
function generation(dir: string, n: number): string {
  if (!existsSync(dir)) return "absent";
  const files = readdirSync(dir).sort();
  const gens = new Set(
    files.map((f) =>
      readFileSync(join(dir, f), "utf8")
        .split("\n")[0]
        .replace(/^\{"gen":"(\w+)"\}$/, "$1"),
    ),
  );
  if (files.length !== n + 1 || gens.size !== 1)
    return `mix: ${files.length} files of ${[...gens].join("+")}`;
  return [...gens][0];
}

describe("--out is replaced as a set", () => {
  it("a SIGKILL at any moment leaves the old set or the new one, and no temporary folder after recovery", async () => {
    const n = 60;
    const parent = mkdtempSync(join(tmpdir(), "clipshock-kill-"));
    const dir = join(parent, "out");
    writeOutDir(dir, set("old", n));
    const script = join(parent, "write.mjs");
    const mod = new URL("../../src/cli/out-dir.ts", import.meta.url).pathname;
    writeFileSync(
      script,
      `const { writeOutDir } = await import(${JSON.stringify(mod)});
const files = [...Array.from({ length: ${n} }, (_, i) => ({ name: i + "-step.csv", content: "new\\n" + "x".repeat(20000) })), { name: "result.json", content: JSON.stringify({ gen: "new" }) }];
process.stdout.write("ready\\n");
for (;;) writeOutDir(${JSON.stringify(dir)}, files);
`,
    );
    const seen = new Set<string>();
    for (let k = 0; k < 8; k++) {
      const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: ROOT });
      await new Promise((ok) => child.stdout.once("data", ok));
      await new Promise((ok) => setTimeout(ok, 5 + Math.random() * 60));
      child.kill("SIGKILL");
      await new Promise((ok) => child.once("exit", ok));
      recoverOutDir(dir);
      const g = generation(dir, n);
      expect(["old", "new"]).toContain(g);
      seen.add(g);
      expect(readdirSync(parent).sort()).toEqual(["out", "write.mjs"]);
      if (g === "new") writeOutDir(dir, set("old", n));
    }
  });

  it("a full disk mid-write: one line, exit 2, the old set intact and no temporary folder", () => {
    const parent = mkdtempSync(join(tmpdir(), "clipshock-full-"));
    const dir = join(parent, "out");
    writeOutDir(dir, set("old", 3));
    let writes = 0;
    const io = {
      mkdir: (p: string) => mkdirSync(p),
      writeFile: (p: string, c: string) => {
        if (++writes === 2)
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        writeFileSync(p, c);
      },
      rename: () => {
        throw new Error("not reached");
      },
    };
    let error: unknown;
    try {
      writeOutDir(dir, set("new", 3), io);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toBe(
      `--out ${dir}: no space left on the device; nothing was written`,
    );
    expect(generation(dir, 3)).toBe("old");
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("a permission error on the swap: one line, exit 2, the old set back in place", () => {
    const parent = mkdtempSync(join(tmpdir(), "clipshock-perm-"));
    const dir = join(parent, "out");
    writeOutDir(dir, set("old", 2));
    let renames = 0;
    const io = {
      mkdir: (p: string) => mkdirSync(p),
      writeFile: (p: string, c: string) => writeFileSync(p, c),
      rename: (a: string, b: string) => {
        if (++renames === 2) throw Object.assign(new Error("EACCES"), { code: "EACCES" });
        renameSync(a, b);
      },
    };
    expect(() => writeOutDir(dir, set("new", 2), io)).toThrow(
      `--out ${dir}: permission denied; nothing was written`,
    );
    expect(generation(dir, 2)).toBe("old");
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("plan --report: a killed run's temporary file is removed by the next write", () => {
    const dir = mkdtempSync(join(tmpdir(), "clipshock-report-"));
    // A pid above the kernel's default pid_max (4194304) belongs to no process.
    writeFileSync(join(dir, ".r.html.tmp-4194999-abc"), "half");
    writeFileAtomically("--report", join(dir, "r.html"), "<html>");
    expect(readdirSync(dir)).toEqual(["r.html"]);
    expect(readFileSync(join(dir, "r.html"), "utf8")).toBe("<html>");
  });
});
