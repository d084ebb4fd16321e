/**
 * The situation in the URL's fragment, so that a link reopens it: an unchanged built-in case as
 * `#case=<id>&at=<step>`, anything else as `#s=<scenario JSON, UTF-8, base64url>`. Pure functions.
 */
import type { Scenario } from "../../procedure/types.js";

export type UrlState =
  | { kind: "case"; caseId: string; at: number }
  | { kind: "scenario"; text: string }
  /** A `#s=` that is not base64url-encoded UTF-8 (cut short or mangled when copied). */
  | { kind: "broken"; message: string }
  | { kind: "none" };

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(code: string): string {
  const b64 = code.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

export function encodeCase(caseId: string, at: number): string {
  return `#case=${encodeURIComponent(caseId)}&at=${at}`;
}

export function encodeScenario(scenario: Scenario): string {
  return `#s=${toBase64Url(JSON.stringify(scenario))}`;
}

/** Reads a fragment (with or without `#`); never throws: an unreadable `#s=` comes back as "broken". */
export function decodeHash(hash: string): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const caseId = params.get("case");
  if (caseId) {
    const at = Number(params.get("at") ?? "0");
    return { kind: "case", caseId, at: Number.isInteger(at) ? at : 0 };
  }
  const s = params.get("s");
  if (s) {
    try {
      return { kind: "scenario", text: fromBase64Url(s) };
    } catch {
      return {
        kind: "broken",
        message:
          "the link's scenario (#s=…) is not readable text: it may have been cut short or changed when copied",
      };
    }
  }
  return { kind: "none" };
}
