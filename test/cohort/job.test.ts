import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohortColumns } from "../../src/cohort/columns.js";
import { type Duck, openDuck } from "../../src/cohort/duck.js";
import { runPatient } from "../../src/cohort/job.js";
import { loadCohortSpec, patientSource } from "../../src/cohort/load.js";
import { parseCohortSpec } from "../../src/cohort/spec.js";
import { inputProblems } from "../helpers.js";

let duck: Duck;
beforeAll(async () => {
  duck = await openDuck();
});
afterAll(() => duck?.close());

const dir = mkdtempSync(join(tmpdir(), "cohort-job-"));
const spec = (extra: Record<string, unknown>) => ({
  id: "t",
  title: "t",
  patients: 2,
  preset: "cardiogenic-shock-acute-mr",
  strategy: { steps: [{ name: "P6", impella: { model: "CP", pLevel: 6 } }] },
  ...extra,
});

describe("runPatient", () => {
  it("runPatient: a plannedClips step places the clips the search ranks first; every measurement has a column", async () => {
    const s = parseCohortSpec(
      spec({
        strategy: {
          steps: [
            { name: "P6", impella: { model: "CP", pLevel: 6 } },
            { name: "planned", plannedClips: { maxClips: 1 } },
          ],
        },
      }),
    );
    const source = await patientSource({ spec: s }, null);
    const r = await runPatient(source.job(0));
    expect(r.rows).toHaveLength(2);
    expect(r.rows[1].error).toBeNull();
    expect(r.rows[1].clips).toBe(1);
    expect(Number(r.rows[1].mr_grade)).toBeLessThan(Number(r.rows[0].mr_grade));
    const names = new Set(cohortColumns(s).map((c) => c.name));
    for (const k of Object.keys(r.rows[0])) expect(names.has(k), `column for ${k}`).toBe(true);
  }, 120_000);

  it("runPatient: a patient the model cannot run keeps its rows, with the reason", async () => {
    const job = (await patientSource({ spec: parseCohortSpec(spec({})) }, null)).job(1);
    const r = await runPatient({ ...job, overrides: { ...job.overrides, "lv.ees_mmHg_mL": -1 } });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ patient_id: "P000001", step: 0, step_name: "P6" });
    expect(String(r.rows[0].error)).toMatch(/lv.ees_mmHg_mL/);
  }, 60_000);
});

describe("patientSource with a table", () => {
  it("patientSource reads a CSV of patients; bad columns and values are problems", async () => {
    writeFileSync(join(dir, "p.csv"), "patient_id,hr_bpm,hb_g_dL\nA-1,90,9.5\nB-2,110,12\n");
    writeFileSync(
      join(dir, "t.yaml"),
      "id: t\ntitle: t\npatients: 2\npreset: cardiogenic-shock-acute-mr\ntable: p.csv\nstrategy:\n  steps:\n    - { name: P6, impella: { model: CP, pLevel: 6 } }\n",
    );
    const loaded = loadCohortSpec(join(dir, "t.yaml"));
    const source = await patientSource(loaded, duck);
    expect(source.n).toBe(2);
    expect(source.tableColumns).toEqual(["hr_bpm", "hb_g_dL"]);
    expect(source.job(1)).toMatchObject({ id: "B-2", parameters: { hr_bpm: 110, hb_g_dL: 12 } });
    writeFileSync(join(dir, "p.csv"), "hr,hb_g_dL\n90,95\n");
    const bad = loadCohortSpec(join(dir, "t.yaml"));
    const problems: string[] = [];
    await patientSource(bad, duck).catch((e) =>
      problems.push(
        ...inputProblems(() => {
          throw e;
        }),
      ),
    );
    expect(problems).toEqual([
      "table: 1 rows for 2 patients (set patients: 1 or use --patients)",
      "table.hr: not a numeric parameter; did you mean hr_bpm?",
    ]);
  });
});
