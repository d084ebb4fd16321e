/**
 * Loading scenarios: a built-in case id or a scenario file (JSON, or YAML). Every failure is an
 * InputError with one clear line per problem: the file name, and the line and column where known.
 *
 * `loadScenario` reads files with node:fs and is for the command line. `parseScenarioText` (re-exported
 * here) lives in scenario-schema.ts, which is isomorphic: the web app should import it from there.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { CASES, getCase } from "./cases/index.js";
import { lineColumn, parseScenarioText } from "./scenario-schema.js";
import { InputError, type Scenario } from "./types.js";

export { detectFormat, lineColumn, parseScenarioText, type ScenarioFormat } from "./scenario-schema.js";

const fail = (fileName: string, message: string): never => {
  throw new InputError([{ path: fileName, message }]);
};

/** Largest scenario file read (bytes): 1000 steps are about 100 kB; more is not a scenario. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The file's bytes, at most `max` of them, else an InputError: also for devices and pipes that never
 * end (`/dev/zero`), which readFileSync would read until memory runs out.
 */
export function readCapped(file: string, max: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(Math.min(1 << 20, max + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > max)
        fail(
          file,
          `larger than ${max / (1024 * 1024)} MB; a scenario file is far smaller (is it the right file?)`,
        );
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** The file's text, or an InputError when it is not UTF-8 (instead of parsing replacement characters). */
export function decodeUtf8(bytes: Uint8Array, fileName: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return fail(fileName, "the file is UTF-16 text; save it as UTF-8");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Where: the first replacement character of a lenient decoding (the first bad byte).
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const at = lineColumn(lenient, Math.max(0, lenient.indexOf("\ufffd")));
    return fail(
      fileName,
      `not UTF-8 text (a byte that is not UTF-8 at line ${at.line}, column ${at.column}); save the file as UTF-8`,
    );
  }
}

/** A built-in case by id, or a scenario file by path. Throws InputError. */
export function loadScenario(arg: string): Scenario {
  const builtIn = getCase(arg);
  if (builtIn) return builtIn;
  let text: string;
  try {
    if (statSync(arg).isDirectory())
      fail(arg, "is a directory; expected a built-in case id or a scenario file");
    text = decodeUtf8(readCapped(arg, MAX_FILE_BYTES), arg);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      return fail(
        arg,
        `no built-in case or file of that name (built-in cases: ${CASES.map((c) => c.id).join(", ")})`,
      );
    }
    return fail(arg, `cannot read the file: ${code ?? (e instanceof Error ? e.message : String(e))}`);
  }
  return parseScenarioText(text, arg);
}
