/**
 * `clipshock euroscore2 <input.json> [--json]`: EuroSCORE II predicted mortality (contract "EuroSCORE II input").
 * Exit status 0 on success, 2 on invalid input (one line per problem on stderr, no stack trace), 1 on an
 * internal failure. `--json` prints exactly one JSON document on stdout.
 */
import { euroscore2, parseEuroScore2Input } from "../clinical/index.js";
import { decodeUtf8, readCapped } from "../procedure/load.js";
import { jsonErrorWhere, lineColumn } from "../procedure/scenario-schema.js";
import { InputError } from "../procedure/types.js";
import { escapeText } from "../text/escape-text.js";
import { duplicateKeyOffset } from "../text/json-duplicate-key.js";
import { cappedLines } from "./problem-lines.js";

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const CAVEAT =
  "Note: EuroSCORE II predicts in-hospital mortality after cardiac surgery; here it estimates the surgical\n" +
  "alternative (e.g. mitral valve replacement). It does not predict mortality after TEER.";

const inputError = (lines: string[]): CommandOutput => ({
  stdout: "",
  stderr: cappedLines(lines),
  exitCode: 2,
});

/** JSON.parse's complaint: where and what, and a hint when the input is not JSON at all. */
function jsonReason(text: string, e: unknown): string {
  const { at, reason } = jsonErrorWhere(text, e);
  const first = text.trimStart()[0];
  const hint = first !== "{" && first !== "[" ? "; the input is a JSON object { ... }, not YAML" : "";
  return `${at ? `line ${at.line}, column ${at.column}: ` : ""}${reason}${hint}`;
}

/** Pure core of the command: input text → what to print and the exit status. `source` names the input. */
export function runEuroscore2(text: string, json: boolean, source = "input"): CommandOutput {
  // A UTF-8 byte-order mark (Windows editors write one) is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "")
    return inputError([`${source}: empty file; expected a JSON object with the EuroSCORE II fields`]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return inputError([`${source}: not valid JSON (${jsonReason(text, e)})`]);
  }
  // JSON.parse would score the last of two equal keys silently; scenario files refuse them too.
  const dup = duplicateKeyOffset(text);
  if (dup >= 0) {
    const at = lineColumn(text, dup);
    return inputError([
      `${source}: line ${at.line}, column ${at.column}: the same key appears twice in an object`,
    ]);
  }
  const parsed = parseEuroScore2Input(raw);
  if (!parsed.ok) return inputError(parsed.problems.map((p) => `${p.path || source}: ${p.message}`));
  try {
    const r = euroscore2(parsed.value);
    const pct = Number(r.predictedMortality_pct.toFixed(2));
    if (json) {
      const doc = { predictedMortality_pct: pct, logit: r.logit, factors: r.factors };
      return { stdout: `${JSON.stringify(doc, null, 2)}\n`, stderr: "", exitCode: 0 };
    }
    const factorLines = r.factors.map((f) => `  ${f.beta >= 0 ? "+" : ""}${f.beta.toFixed(4)}  ${f.name}`);
    const stdout = [
      `EuroSCORE II predicted mortality: ${pct.toFixed(2)} %  (logit ${r.logit.toFixed(6)})`,
      "Factors present (contribution to the logit; constant -5.324537):",
      ...factorLines,
      CAVEAT,
      "",
    ].join("\n");
    return { stdout, stderr: "", exitCode: 0 };
  } catch (e) {
    return {
      stdout: "",
      stderr: `internal error: ${e instanceof Error ? e.message : String(e)}\n`,
      exitCode: 1,
    };
  }
}

const READ_ERROR: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EISDIR: "is a directory",
  EACCES: "permission denied",
};

/** Reads the input file and runs the command on it: what `clipshock euroscore2 <file>` does. */
export function runEuroscore2File(file: string, json: boolean): void {
  let text: string;
  try {
    // At most 1 MB (the input is about 600 bytes): /dev/zero or a wrong, huge file is refused.
    const bytes = readCapped(file, 1024 * 1024);
    text = decodeUtf8(bytes, file);
  } catch (e) {
    if (e instanceof InputError) {
      const tooLarge = /^larger than/.test(e.problems[0]?.message ?? "");
      process.stderr.write(
        tooLarge
          ? `${file}: larger than 1 MB; the EuroSCORE II input is a small JSON object\n`
          : `${escapeText(`${file}: ${e.problems[0]?.message}`)}\n`,
      );
      process.exitCode = 2;
      return;
    }
    const code = e instanceof Error && "code" in e ? String(e.code) : "";
    const reason = READ_ERROR[code] ?? (e instanceof Error ? e.message : String(e));
    process.stderr.write(`${escapeText(`${file}: cannot read the file (${reason})`)}\n`);
    process.exitCode = 2;
    return;
  }
  const out = runEuroscore2(text, json, file);
  if (out.stdout) process.stdout.write(out.stdout);
  if (out.stderr) process.stderr.write(out.stderr);
  process.exitCode = out.exitCode;
}
