/**
 * `clipshock serve [--port N]`: serves the built web simulator (dist-web/) on 127.0.0.1, on port
 * 5173 or the next free one, and prints the address.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { InputError } from "../procedure/types.js";
import { CliError } from "./errors.js";
import { createStaticServer, HOST, listenFrom } from "./static-server.js";

export const DEFAULT_PORT = 5173;

/** dist-web/ beside dist/ (built CLI) or src/ (run through tsx); CLIPSHOCK_WEB_ROOT overrides it. */
export function webRoot(): string {
  return process.env.CLIPSHOCK_WEB_ROOT ?? fileURLToPath(new URL("../../dist-web", import.meta.url));
}

export function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(Number.isInteger(port) && port >= 1 && port <= 65535))
    throw new InputError([{ path: "--port", message: `${text} is not a port number 1..65535` }]);
  return port;
}

export async function runServe(opts: { port?: string; allowHost?: string }): Promise<void> {
  const port = parsePort(opts.port);
  const root = webRoot();
  if (!existsSync(`${root}/index.html`))
    throw new CliError(`the web app is not built (${root} is missing): run \`npm run build\` first`, 1);
  const server = createStaticServer(root, { allowHosts: opts.allowHost ? [opts.allowHost] : [] });
  const actual = await listenFrom(server, port);
  process.stdout.write(`Clipshock web simulator: http://${HOST}:${actual}/\n`);
  process.stderr.write("for education and research, not for treating patients; Ctrl+C stops the server\n");
}
