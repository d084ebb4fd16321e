/**
 * Launches Debian's Chromium (/usr/bin/chromium, installed by `scripts/ensure-deps.sh --browser`) through
 * playwright-core: never a downloaded browser. Shared by the web app's and the HTML report's browser tests.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CLIPSHOCK_CHROMIUM ?? "/usr/bin/chromium";

/** Flags for a sandboxed CI container with no network beyond loopback. */
const FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  if (!hasChromium()) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run \`bash scripts/ensure-deps.sh --browser\``);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true });
}
