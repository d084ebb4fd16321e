/** The command line run in this process (no child: fast enough to fuzz), its output captured. */
import { vi } from "vitest";
import { run } from "../../src/cli/program.js";

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runHere(args: string[]): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    stdout += String(s);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}
