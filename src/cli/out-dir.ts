/**
 * Writing a set of files into a directory all at once: a failed run leaves no partial output. The
 * files are written into a fresh temporary directory beside the target and renamed into place at the
 * end; into an existing directory, each file is written under a temporary name and renamed.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../procedure/types.js";

export interface OutFile {
  name: string;
  content: string;
}

/** Checks up front that `dir` can be an output directory (so bad input fails before any work). */
export function checkOutDir(dir: string): void {
  const target = resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new InputError([{ path: "--out", message: `${dir} exists and is not a directory` }]);
  }
  const parent = dirname(target);
  if (!existsSync(parent)) {
    throw new InputError([
      { path: "--out", message: `${dir}: the parent directory ${parent} does not exist` },
    ]);
  }
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
