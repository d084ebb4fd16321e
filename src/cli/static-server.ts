/**
 * A small static file server for the built web app: GET/HEAD only, files under `root` only,
 * correct MIME types, bound to 127.0.0.1. `listenFrom` tries the given port and the next ones
 * when a port is taken.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

export const HOST = "127.0.0.1";

const MIME: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** The file a URL path names under `root`, or null (outside root, or missing). */
export function fileFor(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  const base = resolve(root);
  const full = resolve(join(base, normalize(rel)));
  if (full !== base && !full.startsWith(base + sep)) return null;
  const file = existsSync(full) && statSync(full).isDirectory() ? join(full, "index.html") : full;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

export function createStaticServer(root: string): Server {
  return createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const file = fileFor(root, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    const hashed = file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      "Content-Type": mimeType(file),
      "Content-Length": statSync(file).size,
      "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
}

function listenOnce(server: Server, port: number): Promise<boolean> {
  return new Promise((ok, fail) => {
    const onError = (e: NodeJS.ErrnoException) => {
      server.off("listening", onListening);
      if (e.code === "EADDRINUSE" || e.code === "EACCES") ok(false);
      else fail(e);
    };
    const onListening = () => {
      server.off("error", onError);
      ok(true);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, HOST);
  });
}

/** Listens on `port`, or the next free port among `tries`; port 0 picks any free port. */
export async function listenFrom(server: Server, port: number, tries = 20): Promise<number> {
  for (let p = port; p < port + tries && p <= 65535; p++) {
    if (await listenOnce(server, p)) {
      const addr = server.address();
      return typeof addr === "object" && addr ? addr.port : p;
    }
    if (port === 0) break;
  }
  throw new Error(`no free port in ${port}..${port + tries - 1}`);
}
