/**
 * `clipshock serve`: port validation (exit 2, one line), 127.0.0.1 binding, MIME types, no path
 * escape, and the next free port when the first is taken.
 */
import { spawnSync } from "node:child_process";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileFor, mimeType } from "../../src/cli/static-server.js";
import { CLI, DIST_WEB, ensureBuilt, REPO, randomPort, type Served, serve } from "./harness.js";

describe("clipshock serve", () => {
  let served: Served;
  beforeAll(async () => {
    ensureBuilt();
    served = await serve(randomPort());
  });
  afterAll(() => served?.stop());

  it("rejects a bad --port with exit status 2 and one line", () => {
    for (const bad of ["abc", "0", "70000", "80.5"]) {
      const r = spawnSync(process.execPath, [...CLI, "serve", "--port", bad], {
        cwd: REPO,
        encoding: "utf8",
      });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([`--port: ${bad} is not a port number 1..65535`]);
    }
  });

  it("serves the built app on 127.0.0.1 with the right MIME types", async () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await fetch(served.url);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    // The app (tested in app.test.ts, console clean) runs under this policy.
    expect(html.headers.get("content-security-policy")).toMatch(/script-src 'self'.*frame-ancestors 'none'/);
    const body = await html.text();
    const js = /src="\.\/(assets\/[^"]+\.js)"/.exec(body)?.[1];
    expect(js).toBeTruthy();
    const script = await fetch(new URL(js!, served.url));
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const sw = await fetch(new URL("sw.js", served.url));
    expect(sw.status).toBe(200);
    expect((await fetch(new URL("nope.js", served.url))).status).toBe(404);
  });

  it("takes the next port when the first is taken", async () => {
    const port = Number(new URL(served.url).port);
    const second = await serve(port);
    try {
      expect(Number(new URL(second.url).port)).toBeGreaterThan(port);
    } finally {
      second.stop();
    }
  });

  it("fileFor never leaves the served folder; mimeType knows the app's files", () => {
    expect(fileFor(DIST_WEB, "/../package.json")).toBeNull();
    expect(fileFor(DIST_WEB, "/%2e%2e/package.json")).toBeNull();
    expect(fileFor(DIST_WEB, "/")).toBe(join(DIST_WEB, "index.html"));
    expect(mimeType("a.css")).toBe("text/css; charset=utf-8");
    expect(mimeType("a.svg")).toBe("image/svg+xml");
  });

  it("binds only the loopback interface", async () => {
    const port = Number(new URL(served.url).port);
    expect((await fetch(`http://127.0.0.1:${port}/`)).ok).toBe(true);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal);
    if (outside) await expect(fetch(`http://${outside.address}:${port}/`)).rejects.toThrow();
  });

  it("says in one line to build first when dist-web is missing", () => {
    const r = spawnSync(process.execPath, [...CLI, "serve"], {
      cwd: REPO,
      encoding: "utf8",
      env: { ...process.env, CLIPSHOCK_WEB_ROOT: join(REPO, "no-such-dist-web") },
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/run `npm run build`/);
  });
});
