/**
 * Writing a set of files into a directory all at once: a failed run leaves no partial output. The
 * files are written into a fresh temporary directory beside the target and renamed into place at the
 * end; into an existing directory, each file is written under a temporary name and renamed.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../procedure/types.js";

export interface OutFile {
  name: string;
  content: string;
}

/**
 * Checks that a file can be created in directory `dir` by creating and removing an empty one (permission
 * bits, read-only mounts and pseudo file systems alike). Throws an InputError for `option` otherwise.
 */
export function checkWritable(option: string, given: string, dir: string): void {
  const probe = join(dir, `.clipshock-probe-${process.pid}-${Date.now().toString(36)}`);
  try {
    writeFileSync(probe, "");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const reason = WRITE_ERROR[code] ?? (code || (e instanceof Error ? e.message : String(e)));
    throw new InputError([{ path: option, message: `${given}: cannot write in ${dir} (${reason})` }]);
  }
  rmSync(probe, { force: true });
}

const WRITE_ERROR: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "not permitted",
  EROFS: "read-only file system",
  ENOENT: "cannot create files there",
  ENOSPC: "no space left on the device",
};

/** A step's waveform file as `simulate --out` names it (`<index>-<slug>.csv`). */
const STEP_FILE = /^\d+-.*\.csv$/;

/**
 * Checks up front that `dir` can be an output directory (so bad input fails before any work). With
 * `names`, the files this run will write: an existing directory holding step files of another run (a
 * longer or renamed scenario) is refused, so its result.json and CSV files never mix two runs.
 */
export function checkOutDir(dir: string, names?: readonly string[]): void {
  const target = resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new InputError([{ path: "--out", message: `${dir} exists and is not a directory` }]);
  }
  if (names && existsSync(target)) {
    const keep = new Set(names);
    const stale = readdirSync(target)
      .filter((f) => STEP_FILE.test(f) && !keep.has(f))
      .sort();
    if (stale.length > 0) {
      const more = stale.length > 1 ? ` and ${stale.length - 1} more` : "";
      throw new InputError([
        {
          path: "--out",
          message: `${dir} holds step files of another run (${stale[0]}${more}); give a new or empty directory, or remove them`,
        },
      ]);
    }
  }
  const parent = dirname(target);
  if (!existsSync(parent)) {
    throw new InputError([
      { path: "--out", message: `${dir}: the parent directory ${parent} does not exist` },
    ]);
  }
  checkWritable("--out", dir, existsSync(target) ? target : parent);
}

export function writeOutDir(dir: string, files: readonly OutFile[]): void {
  const target = resolve(dir);
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  if (!existsSync(target)) {
    const tmp = join(dirname(target), `.${basename(target)}.tmp-${tag}`);
    mkdirSync(tmp);
    try {
      for (const f of files) writeFileSync(join(tmp, f.name), f.content);
      renameSync(tmp, target);
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
    return;
  }
  const written: string[] = [];
  try {
    for (const f of files) {
      const tmp = join(target, `.${f.name}.tmp-${tag}`);
      writeFileSync(tmp, f.content);
      written.push(tmp);
    }
    for (let i = 0; i < files.length; i++) renameSync(written[i], join(target, files[i].name));
  } catch (e) {
    for (const w of written) rmSync(w, { force: true });
    throw e;
  }
}
