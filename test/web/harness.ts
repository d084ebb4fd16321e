/**
 * Browser-test harness: builds dist-web if it is missing, starts `clipshock serve` on a free port
 * (the real command, over the built app), and opens Chromium (Debian's, via launchChromium; a missing
 * browser fails the tests). Also measures the initial download of the built app.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const DIST_WEB = join(REPO, "dist-web");

export function ensureBuilt(): void {
  if (existsSync(join(DIST_WEB, "index.html"))) return;
  execFileSync("npx", ["--no-install", "vite", "build", "--logLevel", "warn"], {
    cwd: REPO,
    stdio: "inherit",
  });
}

export interface Served {
  url: string;
  process: ChildProcess;
  stop(): void;
}

/** The command line from the sources (a stale dist/ cannot hide a change to the serve command). */
export const CLI = ["--import", "tsx", "src/cli/main.ts"];

/** Runs `clipshock serve --port <from>` and resolves with the address it prints. */
export function serve(fromPort: number, args: string[] = []): Promise<Served> {
  const child = spawn(process.execPath, [...CLI, "serve", "--port", String(fromPort), ...args], {
    cwd: REPO,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((ok, fail) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => fail(new Error(`serve printed no address: ${out}${err}`)), 30_000);
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ url: m[0], process: child, stop: () => child.kill("SIGTERM") });
      }
    });
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`serve exited with ${code}: ${err}`));
    });
  });
}

/** A port unlikely to be in use, different per run. */
export const randomPort = (): number => 20_000 + Math.floor(Math.random() * 20_000);

export interface DownloadSize {
  files: string[];
  raw_bytes: number;
  gzip_bytes: number;
}

/** What the page loads before it runs: index.html, its scripts and styles, and the engine worker. */
export function initialDownload(): DownloadSize {
  const html = readFileSync(join(DIST_WEB, "index.html"), "utf8");
  const linked = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  const worker = readdirSync(join(DIST_WEB, "assets"))
    .filter((f) => f.startsWith("engine.worker"))
    .map((f) => `assets/${f}`);
  const files = ["index.html", ...linked, ...worker];
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = readFileSync(join(DIST_WEB, f));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { files, raw_bytes: raw, gzip_bytes: gz };
}
