/**
 * A cohort spec file (YAML or JSON) read and checked, and its patients as jobs: drawn from the spec's
 * distributions, or read from its table (CSV or Parquet, through DuckDB).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { checkParamValues, PARAM_BY_PATH, type ParamValue, presetParams } from "../physiology/params.js";
import { decodeUtf8, MAX_FILE_BYTES, readCapped } from "../procedure/load.js";
import { closestParameter } from "../procedure/scenario-schema.js";
import { InputError, type InputProblem } from "../procedure/types.js";
import type { Duck } from "./duck.js";
import { sqlString } from "./duck.js";
import type { PatientJob } from "./job.js";
import { createSampler, patientId } from "./sample.js";
import { type CohortSpec, parseCohortSpec } from "./spec.js";

function readText(file: string, what: string): string {
  try {
    return decodeUtf8(readCapped(file, MAX_FILE_BYTES), file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([{ path: file, message: `cannot read the ${what}: ${code ?? String(e)}` }]);
  }
}

export interface LoadedSpec {
  spec: CohortSpec;
  /** The table's path, resolved against the spec's folder. */
  tableFile?: string;
}

/** Reads and checks a spec; `patients` and `seed` override the file's. Throws InputError. */
export function loadCohortSpec(
  file: string,
  override: { patients?: number; seed?: number } = {},
): LoadedSpec {
  const text = readText(file, "cohort spec");
  let raw: unknown;
  try {
    raw = parseYaml(text, { uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    throw new InputError([
      { path: file, message: `not valid YAML or JSON: ${(e as Error).message.split("\n")[0]}` },
    ]);
  }
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const r = raw as Record<string, unknown>;
    if (override.patients !== undefined) r.patients = override.patients;
    if (override.seed !== undefined) r.seed = override.seed;
  }
  let tableFile: string | undefined;
  let extra = "";
  const table = (raw as { table?: unknown } | null)?.table;
  if (typeof table === "string" && table.length > 0) {
    tableFile = resolve(dirname(file), table);
    try {
      extra = createHash("sha256").update(readFileSync(tableFile)).digest("hex");
    } catch (e) {
      throw new InputError([
        { path: "table", message: `cannot read ${table}: ${(e as NodeJS.ErrnoException).code ?? e}` },
      ]);
    }
  }
  return { spec: parseCohortSpec(raw, extra), tableFile };
}

export interface PatientSource {
  n: number;
  /** Parameter paths read from the table (for its `param.*` columns). */
  tableColumns: string[];
  job(index: number): PatientJob;
}

function jobOf(
  spec: CohortSpec,
  index: number,
  id: string,
  parameters: Record<string, ParamValue>,
): PatientJob {
  return {
    specHash: spec.hash,
    seed: spec.seed,
    index,
    id,
    title: spec.title,
    preset: spec.preset,
    overrides: { ...spec.fixed, ...parameters },
    parameters,
    steps: spec.steps,
  };
}

/** The patients of a spec: sampled on demand, or the table's first N rows (checked, every problem at once). */
export async function patientSource(loaded: LoadedSpec, duck: Duck | null): Promise<PatientSource> {
  const { spec, tableFile } = loaded;
  if (!tableFile) {
    const sampler = createSampler(spec);
    return {
      n: spec.patients,
      tableColumns: [],
      job: (i) => {
        const p = sampler.patient(i);
        return jobOf(spec, i, p.id, p.parameters);
      },
    };
  }
  if (!duck) throw new Error("patientSource: a table needs DuckDB");
  const reader = /\.parquet$/i.test(tableFile) ? "read_parquet" : "read_csv_auto";
  let rows: Record<string, unknown>[];
  try {
    rows = await duck.all(`SELECT * FROM ${reader}(${sqlString(tableFile)}) LIMIT ${spec.patients + 1}`);
  } catch (e) {
    throw new InputError([
      { path: "table", message: `cannot read ${tableFile}: ${(e as Error).message.split("\n")[0]}` },
    ]);
  }
  const problems: InputProblem[] = [];
  if (rows.length < spec.patients)
    problems.push({
      path: "table",
      message: `${rows.length} rows for ${spec.patients} patients (set patients: ${rows.length} or use --patients)`,
    });
  const columns = rows.length > 0 ? Object.keys(rows[0]).filter((c) => c !== "patient_id") : [];
  for (const c of columns) {
    const def = PARAM_BY_PATH.get(c);
    if (def?.type !== "number") {
      const near = closestParameter(c);
      problems.push({
        path: `table.${c}`,
        message: `not a numeric parameter${near ? `; did you mean ${near}?` : ""}`,
      });
    }
  }
  const base = presetParams(spec.preset);
  const jobs: PatientJob[] = [];
  if (problems.length === 0) {
    rows.slice(0, spec.patients).forEach((r, i) => {
      const parameters: Record<string, ParamValue> = {};
      for (const c of columns) parameters[c] = Number(r[c]);
      for (const p of checkParamValues({ ...base, ...spec.fixed, ...parameters }))
        if (p.path in parameters) problems.push({ path: `table row ${i + 1}.${p.path}`, message: p.message });
      const id = r.patient_id === undefined || r.patient_id === null ? patientId(i) : String(r.patient_id);
      jobs.push(jobOf(spec, i, id, parameters));
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { n: jobs.length, tableColumns: columns, job: (i) => jobs[i] };
}
