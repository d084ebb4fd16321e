/**
 * Where a cohort's rows go while it runs, so that an interrupted run can be resumed with nothing lost
 * and nothing twice: `<out>.parts/` holds `manifest.json` (spec hash, seed, N) and Parquet parts, each
 * written beside as `.tmp` and renamed into place, so a part is whole or absent. Which patients are done
 * is read back from the parts (a bitmap of N bits). A patient's rows are added once; a second result for
 * the same patient (a retried queue job) is dropped. At the end all parts are copied, sorted by patient
 * and step, into `<out>` (through `<out>.tmp` and a rename) and the folder is removed.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "../cli/errors.js";
import { type Column, quoteIdent } from "./columns.js";
import { type Duck, sqlString } from "./duck.js";
import type { PatientResult, Row } from "./job.js";

export interface Manifest {
  specHash: string;
  seed: number;
  patients: number;
  steps: number;
}

export interface StoreOptions {
  out: string;
  manifest: Manifest;
  columns: readonly Column[];
  resume: boolean;
  /** Patients per part (default 64), and seconds before a partial part is written anyway (default 10). */
  batch?: number;
  flushAfter_s?: number;
}

export const partsDir = (out: string): string => join(dirname(resolve(out)), `${basename(out)}.parts`);

export class ResultStore {
  readonly dir: string;
  readonly done: Uint8Array;
  count = 0;
  private buffer: Row[] = [];
  private bufferedPatients = 0;
  private lastFlush = Date.now();
  private partNo = 0;

  private constructor(
    private readonly duck: Duck,
    private readonly opts: StoreOptions,
  ) {
    this.dir = partsDir(opts.out);
    this.done = new Uint8Array(opts.manifest.patients);
  }

  static async open(duck: Duck, opts: StoreOptions): Promise<ResultStore> {
    const s = new ResultStore(duck, opts);
    await s.init();
    return s;
  }

  private async init(): Promise<void> {
    const { out, manifest, resume } = this.opts;
    const manifestFile = join(this.dir, "manifest.json");
    if (existsSync(this.dir)) {
      if (!resume)
        throw new CliError(
          `${this.dir} holds an interrupted run; add --resume to continue it, or delete the folder to start again`,
          2,
        );
      let old: Manifest;
      try {
        old = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
      } catch {
        throw new CliError(`${manifestFile}: missing or unreadable; delete ${this.dir} to start again`, 2);
      }
      for (const k of ["specHash", "seed", "patients", "steps"] as const)
        if (old[k] !== manifest[k])
          throw new CliError(
            `--resume: the interrupted run had ${k} ${old[k]}, this one ${manifest[k]}; run the same spec, seed and --patients, or delete ${this.dir}`,
            2,
          );
      for (const f of readdirSync(this.dir))
        if (f.endsWith(".tmp")) rmSync(join(this.dir, f), { force: true });
      const parts = this.parts();
      this.partNo = parts.length;
      if (parts.length > 0) {
        const rows = await this.duck.all(
          `SELECT DISTINCT patient_index FROM read_parquet(${sqlString(join(this.dir, "part-*.parquet"))})`,
        );
        for (const r of rows) {
          const i = Number(r.patient_index);
          if (i >= 0 && i < this.done.length && !this.done[i]) {
            this.done[i] = 1;
            this.count++;
          }
        }
      }
    } else {
      if (existsSync(out) && statSync(out).isDirectory())
        throw new CliError(`--out ${out}: is a directory`, 2);
      try {
        mkdirSync(this.dir, { recursive: true });
        writeFileSync(manifestFile, `${JSON.stringify(manifest)}\n`);
      } catch (e) {
        throw new CliError(
          `--out ${out}: cannot write beside it (${(e as NodeJS.ErrnoException).code ?? e})`,
          2,
        );
      }
    }
  }

  private parts(): string[] {
    return readdirSync(this.dir)
      .filter((f) => /^part-\d+\.parquet$/.test(f))
      .sort();
  }

  /** Adds a patient's rows unless that patient is already there; returns whether they were added. */
  add(result: PatientResult): boolean {
    if (result.index < 0 || result.index >= this.done.length || this.done[result.index]) return false;
    this.done[result.index] = 1;
    this.count++;
    for (const r of result.rows) this.buffer.push(r);
    this.bufferedPatients++;
    return true;
  }

  /** Whether enough is buffered to write a part now. */
  due(): boolean {
    return (
      this.bufferedPatients >= (this.opts.batch ?? 64) ||
      (this.bufferedPatients > 0 && Date.now() - this.lastFlush > (this.opts.flushAfter_s ?? 10) * 1000)
    );
  }

  /** Writes the buffered rows as one part (whole or not at all). */
  async flush(): Promise<void> {
    this.lastFlush = Date.now();
    if (this.buffer.length === 0) return;
    // Taken now: rows added while this part is written go to the next one.
    const rows = this.buffer;
    this.buffer = [];
    this.bufferedPatients = 0;
    const no = String(++this.partNo).padStart(6, "0");
    const json = join(this.dir, `part-${no}.ndjson.tmp`);
    const tmp = join(this.dir, `part-${no}.parquet.tmp`);
    const names = this.opts.columns.map((c) => c.name);
    writeFileSync(
      json,
      `${rows
        .map((r) => {
          const o: Record<string, unknown> = {};
          for (const n of names) o[n] = r[n] ?? null;
          return JSON.stringify(o);
        })
        .join("\n")}\n`,
    );
    const columns = `{${this.opts.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(", ")}}`;
    await this.duck.run(
      `COPY (SELECT ${names.map(quoteIdent).join(", ")} FROM read_json(${sqlString(json)}, format = 'newline_delimited', columns = ${columns})) TO ${sqlString(tmp)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    renameSync(tmp, join(this.dir, `part-${no}.parquet`));
    rmSync(json, { force: true });
  }

  /** All parts into one Parquet file at `out`, sorted by patient and step; the parts folder removed. */
  async finish(): Promise<void> {
    await this.flush();
    const out = resolve(this.opts.out);
    const tmp = `${out}.tmp`;
    await this.duck.run(
      `COPY (SELECT * FROM read_parquet(${sqlString(join(this.dir, "part-*.parquet"))}) ORDER BY patient_index, step) TO ${sqlString(tmp)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    renameSync(tmp, out);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
