/**
 * Writing a set of files as one (issue 12, item 5): the whole set is built in a fresh folder beside the
 * target (`.<name>.tmp-<pid>-<time>`) and swapped in with renames: the old folder is renamed aside
 * (`.<name>.old-<pid>-<time>`), the new one into its place, then the old one is removed. A kill at any
 * moment leaves the old set or the new one under the name, never a mix; in the instant between the two
 * renames the name is absent and the old set waits aside, and the next run puts it back (recoverOutDir)
 * before doing anything else. Temporary folders are removed on every failure, and those of killed runs
 * by the next run. Disk and permission errors are one line, exit 2 (the user can fix them).
 *
 * Only an empty folder or one holding a previous output (result.json and step CSVs) is replaced: a
 * folder with anything else in it (`--out .`, `--out ~/Documents`) is refused, never swapped away.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { InputError } from "../procedure/types.js";
import { CliError } from "./errors.js";

export interface OutFile {
  name: string;
  content: string;
}

/** The file-system calls writeOutDir makes (replaceable in tests, to inject ENOSPC and the like). */
export interface OutDirIo {
  mkdir(path: string): void;
  writeFile(path: string, content: string): void;
  rename(from: string, to: string): void;
}

const NODE_IO: OutDirIo = {
  mkdir: (p) => mkdirSync(p),
  writeFile: (p, c) => writeFileSync(p, c),
  rename: (a, b) => renameSync(a, b),
};

const WRITE_ERROR: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "not permitted",
  EROFS: "read-only file system",
  ENOENT: "cannot create files there",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large for the file system",
  ENAMETOOLONG: "name too long",
};

/** A write failure as one line (exit 2) when the user can fix it, else the error itself (exit 1). */
export function writeFailure(option: string, given: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  const reason = WRITE_ERROR[code];
  if (!reason) return e instanceof Error ? e : new Error(String(e));
  return new CliError(`${option} ${given}: ${reason}; nothing was written`, 2);
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

/** What `simulate --out` writes: result.json and `<index>-<slug>.csv` per step. */
const OUR_FILE = /^(result\.json|\d+-[a-z0-9-]*\.csv)$/;

const tag = () => `${process.pid}-${Date.now().toString(36)}`;
const TEMP = (base: string) => new RegExp(`^\\.${escapeRegExp(base)}\\.(tmp|old)-(\\d+)-[0-9a-z]+$`);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The target's absolute path, through a symlink to the folder it names. */
function targetPath(dir: string): string {
  const target = resolve(dir);
  return existsSync(target) ? realpathSync(target) : target;
}

/**
 * Finishes or undoes what a killed run left beside `dir`: an old set renamed aside while the name is
 * empty goes back; temporary folders of runs no longer alive are removed.
 */
export function recoverOutDir(dir: string): void {
  const target = targetPath(dir);
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const pattern = TEMP(basename(target));
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of entries.sort()) {
    const m = pattern.exec(name);
    if (!m || alive(Number(m[2]))) continue;
    const path = join(parent, name);
    if (m[1] === "old" && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Checks up front that `dir` can be an output directory (so bad input fails before any work): a name,
 * not the current folder or one above it, a folder (or nothing yet) holding only an earlier output.
 */
export function checkOutDir(dir: string): void {
  if (dir.trim() === "")
    throw new InputError([{ path: "--out", message: "empty; give the name of a directory to write" }]);
  const target = resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new InputError([{ path: "--out", message: `${dir} exists and is not a directory` }]);
  }
  const cwd = process.cwd();
  if (
    cwd === target ||
    cwd.startsWith(target.endsWith(sep) ? target : target + sep) ||
    dirname(target) === target
  )
    throw new InputError([
      { path: "--out", message: `${dir} is the current directory or above it; name a new subdirectory` },
    ]);
  const parent = dirname(target);
  if (!existsSync(parent)) {
    throw new InputError([
      { path: "--out", message: `${dir}: the parent directory ${parent} does not exist` },
    ]);
  }
  recoverOutDir(dir);
  if (existsSync(target)) {
    const foreign = readdirSync(target)
      .filter((f) => !OUR_FILE.test(f) || !lstatSync(join(target, f)).isFile())
      .sort();
    if (foreign.length > 0) {
      const more = foreign.length > 1 ? ` and ${foreign.length - 1} more` : "";
      throw new InputError([
        {
          path: "--out",
          message: `${dir} holds files that are not an earlier output (${foreign[0]}${more}); give a new or empty directory`,
        },
      ]);
    }
  }
  checkWritable("--out", dir, dirname(targetPath(dir)));
}

/** Writes `files` as the whole content of `dir`, replacing an earlier output as a set. */
export function writeOutDir(dir: string, files: readonly OutFile[], io: OutDirIo = NODE_IO): void {
  const target = targetPath(dir);
  const parent = dirname(target);
  const t = tag();
  const tmp = join(parent, `.${basename(target)}.tmp-${t}`);
  try {
    io.mkdir(tmp);
    for (const f of files) io.writeFile(join(tmp, f.name), f.content);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw writeFailure("--out", dir, e);
  }
  if (!existsSync(target)) {
    try {
      io.rename(tmp, target);
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw writeFailure("--out", dir, e);
    }
    return;
  }
  const old = join(parent, `.${basename(target)}.old-${t}`);
  try {
    io.rename(target, old);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw writeFailure("--out", dir, e);
  }
  try {
    io.rename(tmp, target);
  } catch (e) {
    renameSync(old, target);
    rmSync(tmp, { recursive: true, force: true });
    throw writeFailure("--out", dir, e);
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * One file written whole or not at all: a temporary file beside it, then a rename. Temporary files of
 * earlier runs that were killed (their process is gone) are removed first.
 */
export function writeFileAtomically(option: string, file: string, content: string): void {
  const target = resolve(file);
  const pattern = TEMP(basename(target));
  for (const name of existsSync(dirname(target)) ? readdirSync(dirname(target)) : []) {
    const m = pattern.exec(name);
    if (m && m[1] === "tmp" && !alive(Number(m[2]))) rmSync(join(dirname(target), name), { force: true });
  }
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${tag()}`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw writeFailure(option, file, e);
  }
}
