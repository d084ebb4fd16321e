/**
 * A small static file server for the built web app: GET/HEAD only, files under `root` only (by real
 * path, so a symlink cannot lead out of it), correct MIME types, bound to 127.0.0.1.
 *
 * Hardening (issue 12): only loopback `Host` values are served unless more are allowed (a page on
 * another site cannot reach the app through DNS rebinding); every response carries a
 * Content-Security-Policy with frame-ancestors, X-Frame-Options and Referrer-Policy; a file that
 * cannot be read (permissions, I/O error, deleted meanwhile) is a 500 and the server stays up.
 * `listenFrom` tries the given port and the next ones when a port is taken.
 */
import { createReadStream, existsSync, realpathSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
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

/**
 * What the app needs and no more: its own scripts, workers and service worker; styles may be inline
 * (Preact and uPlot set style attributes); images from canvases (data:/blob:); no framing by other sites.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CSP,
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
};

/** Host names that always reach a loopback-bound server (port excluded). */
const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"];

/** The Host header's name without its port, lower case; "" when absent or malformed. */
export function hostName(header: string | undefined): string {
  if (!header) return "";
  const h = header.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/.exec(h);
  return m ? m[1] : "";
}

/** The file a URL path names under `root`, or null (outside root by its real path, or missing). */
export function fileFor(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (rel.includes("\0")) return null;
  try {
    const base = realpathSync(resolve(root));
    const full = resolve(join(base, normalize(rel)));
    if (full !== base && !full.startsWith(base + sep)) return null;
    if (!existsSync(full)) return null;
    const dirOrFile = statSync(full).isDirectory() ? join(full, "index.html") : full;
    if (!existsSync(dirOrFile)) return null;
    // The real path must still be inside: a symlink in the web root may point anywhere.
    const real = realpathSync(dirOrFile);
    if (!real.startsWith(base + sep)) return null;
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

export interface ServerOptions {
  /** Host names accepted besides the loopback ones (e.g. a name a proxy forwards). */
  allowHosts?: readonly string[];
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res
    .writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8", ...extra })
    .end(`${text}\n`);
}

export function sendFile(req: IncomingMessage, res: ServerResponse, file: string): void {
  const size = statSync(file).size;
  const hashed = file.includes(`${sep}assets${sep}`);
  const headers = {
    ...SECURITY_HEADERS,
    "Content-Type": mimeType(file),
    "Content-Length": String(size),
    "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
  };
  if (req.method === "HEAD") {
    res.writeHead(200, headers).end();
    return;
  }
  // Headers only once the first bytes are read, so a file that cannot be opened or read (permissions,
  // I/O error, deleted meanwhile, a directory) is still a clean 500 and the server stays up.
  const stream = createReadStream(file);
  let started = false;
  const start = () => {
    if (!started) res.writeHead(200, headers);
    started = true;
  };
  stream.on("data", (chunk) => {
    start();
    if (!res.write(chunk)) {
      stream.pause();
      res.once("drain", () => stream.resume());
    }
  });
  stream.on("end", () => {
    start();
    res.end();
  });
  stream.on("error", () => plain(res, 500, "cannot read the file"));
  res.on("close", () => stream.destroy());
}

export function createStaticServer(root: string, options: ServerOptions = {}): Server {
  const hosts = new Set([...LOOPBACK_HOSTS, ...(options.allowHosts ?? []).map((h) => h.toLowerCase())]);
  return createServer((req, res) => {
    try {
      if (!hosts.has(hostName(req.headers.host))) {
        plain(res, 403, "this server answers only to 127.0.0.1 and localhost");
        return;
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        plain(res, 405, "method not allowed", { Allow: "GET, HEAD" });
        return;
      }
      const file = fileFor(root, req.url ?? "/");
      if (!file) {
        plain(res, 404, "not found");
        return;
      }
      sendFile(req, res, file);
    } catch {
      plain(res, 500, "internal error");
    }
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
