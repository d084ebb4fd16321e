/** Runs the command line as a user would (a child process), from the TypeScript sources via tsx. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], entry: string[] = ["--import", "tsx", "src/cli/main.ts"]) {
  return new Promise<CliResult>((resolve, reject) => {
    const env = { ...process.env };
    delete env.CLIPSHOCK_DEBUG;
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Non-empty lines of a text. */
export const lines = (text: string): string[] => text.split("\n").filter((l) => l.trim() !== "");
