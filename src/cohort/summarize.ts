/**
 * `clipshock cohort summarize`: what a registry would report, answered with DuckDB SQL over the results
 * file (the SQL is part of the output, so a researcher can go on in DuckDB). Per patient:
 *   MR ≤ 2+ and gradient ≥ 5 mmHg at the last step; one clip enough (≤ 1 clip and MR ≤ 2+ at the end);
 *   hidden MR: a step that lowers the pump flow (> 0.1 L/min) with the same clips shows a higher MR grade;
 *   cannot be weaned: a step that lowers the pump flow ends in collapse or MAP < 60 mmHg;
 *   collapse: any step collapses (the shock spiral).
 * Rates count patients whose simulation ran (errors are counted apart), with Wilson 95 % intervals
 * (Wilson 1927; Brown, Cai & DasGupta 2001 recommend it over the Wald interval for small n).
 */
import { InputError } from "../procedure/types.js";
import { esc, table } from "../report/html.js";
import { groupedBars } from "../report/svg.js";
import { paramColumn, quoteIdent } from "./columns.js";
import { type Duck, sqlString } from "./duck.js";

export interface Rate {
  outcome: string;
  label: string;
  k: number;
  n: number;
  pct: number | null;
  lo95_pct: number | null;
  hi95_pct: number | null;
}

export interface Distribution {
  column: string;
  when: "last step" | "step 0";
  n: number;
  p10: number | null;
  median: number | null;
  p90: number | null;
  bins: { lo: number; hi: number; count: number }[];
}

export interface Summary {
  file: string;
  patients: number;
  steps: number;
  rows: number;
  specHashes: string[];
  failed: number;
  rates: Rate[];
  distributions: Distribution[];
  subgroups?: { by: string; groups: { group: string; n: number; rates: Rate[] }[] };
  sql: { what: string; sql: string }[];
}

const Z2 = 3.8416; // 1.96²

const OUTCOMES: readonly [string, string, string][] = [
  ["mr_le_2", "MR ≤ 2+ at the last step", "final_mr_grade <= 2"],
  ["gradient_ge_5", "mean gradient ≥ 5 mmHg at the last step", "final_gradient_mmHg >= 5"],
  ["one_clip_enough", "one clip (or none) leaves MR ≤ 2+", "final_clips <= 1 AND final_mr_grade <= 2"],
  ["hidden_mr", "support hid MR (grade rises when flow is lowered)", "hidden_mr"],
  ["cannot_wean", "cannot be weaned (collapse or MAP < 60 when flow is lowered)", "cannot_wean"],
  ["collapse", "collapse in any step", "collapse"],
];

const SETUP = (file: string) => `CREATE OR REPLACE MACRO wilson_lo(k, n) AS CASE WHEN n = 0 THEN NULL ELSE
  ((k / n + ${Z2} / (2 * n)) - 1.96 * sqrt(k / n * (1 - k / n) / n + ${Z2} / (4 * n * n))) / (1 + ${Z2} / n) END;
CREATE OR REPLACE MACRO wilson_hi(k, n) AS CASE WHEN n = 0 THEN NULL ELSE
  ((k / n + ${Z2} / (2 * n)) + 1.96 * sqrt(k / n * (1 - k / n) / n + ${Z2} / (4 * n * n))) / (1 + ${Z2} / n) END;
CREATE OR REPLACE VIEW results AS SELECT * FROM read_parquet(${sqlString(file)});
CREATE OR REPLACE VIEW patients AS
WITH s AS (
  SELECT *, lag(pump_flow_L_min) OVER w AS prev_flow, lag(mr_grade) OVER w AS prev_grade,
         lag(clips) OVER w AS prev_clips
  FROM results WINDOW w AS (PARTITION BY patient_id ORDER BY step))
SELECT patient_id,
  bool_or(error IS NOT NULL) AS failed,
  arg_max(mr_grade, step) AS final_mr_grade,
  arg_max(mv_gradient_mean_mmHg, step) AS final_gradient_mmHg,
  arg_max(clips, step) AS final_clips,
  coalesce(bool_or(pump_flow_L_min < prev_flow - 0.1 AND clips = prev_clips AND mr_grade > prev_grade), false) AS hidden_mr,
  coalesce(bool_or(pump_flow_L_min < prev_flow - 0.1 AND (collapsed OR map_mmHg < 60)), false) AS cannot_wean,
  coalesce(bool_or(collapsed), false) AS collapse
FROM s GROUP BY patient_id;`;

const rateSelect = (groupExpr?: string) => {
  const parts = OUTCOMES.map(
    ([key, label, cond]) =>
      `SELECT ${groupExpr ? "grp, " : ""}${sqlString(key)} AS outcome, ${sqlString(label)} AS label, count(*) FILTER (WHERE ${cond}) AS k, count(*) AS n FROM o${groupExpr ? " GROUP BY grp" : ""}`,
  );
  return `r AS (\n  ${parts.join("\n  UNION ALL ")})
SELECT ${groupExpr ? "grp, " : ""}outcome, label, k, n, 100.0 * k / n AS pct, 100 * wilson_lo(k, n) AS lo95_pct, 100 * wilson_hi(k, n) AS hi95_pct
FROM r ORDER BY ${groupExpr ? "grp, " : ""}outcome`;
};

const RATES_SQL = `WITH o AS (SELECT * FROM patients WHERE NOT failed),\n${rateSelect()}`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const toRate = (r: Record<string, unknown>): Rate => ({
  outcome: String(r.outcome),
  label: String(r.label),
  k: Number(r.k),
  n: Number(r.n),
  pct: num(r.pct),
  lo95_pct: num(r.lo95_pct),
  hi95_pct: num(r.hi95_pct),
});
const order = (rates: Rate[]) =>
  OUTCOMES.map(([k]) => rates.find((r) => r.outcome === k)).filter((r): r is Rate => !!r);

const LAST_STEP_COLUMNS = [
  "map_mmHg",
  "mr_grade",
  "mv_gradient_mean_mmHg",
  "mr_rvol_mL",
  "coronary_perfusion_mmHg",
  "pump_flow_L_min",
  "cpo_W",
];
const BINS = 12;

async function distribution(
  duck: Duck,
  column: string,
  when: Distribution["when"],
  sql: Summary["sql"],
): Promise<Distribution> {
  const agg = when === "last step" ? "arg_max" : "arg_min";
  const q = `WITH v AS (SELECT ${agg}(${quoteIdent(column)}, step) AS x FROM results WHERE error IS NULL GROUP BY patient_id),
  s AS (SELECT min(x) AS lo, max(x) AS hi FROM v)
SELECT (SELECT count(x) FROM v) AS n, (SELECT quantile_cont(x, 0.1) FROM v) AS p10, (SELECT median(x) FROM v) AS p50,
       (SELECT quantile_cont(x, 0.9) FROM v) AS p90, lo, hi,
       least(${BINS - 1}, floor((x - lo) / nullif(hi - lo, 0) * ${BINS}))::INTEGER AS bin, count(*) AS count
FROM v, s WHERE x IS NOT NULL GROUP BY ALL ORDER BY bin`;
  sql.push({ what: `distribution of ${column} (${when})`, sql: q });
  const rows = await duck.all(q);
  const first = rows[0] ?? {};
  const lo = Number(first.lo ?? 0);
  const hi = Number(first.hi ?? 0);
  const w = (hi - lo) / BINS;
  const bins = Array.from({ length: hi > lo ? BINS : 1 }, (_, i) => ({
    lo: lo + i * w,
    hi: hi > lo ? lo + (i + 1) * w : hi,
    count: 0,
  }));
  for (const r of rows) bins[r.bin === null ? 0 : Number(r.bin)].count += Number(r.count);
  return {
    column,
    when,
    n: Number(first.n ?? 0),
    p10: num(first.p10),
    median: num(first.p50),
    p90: num(first.p90),
    bins,
  };
}

export async function summarize(duck: Duck, file: string, by?: string): Promise<Summary> {
  const sql: Summary["sql"] = [];
  const setup = SETUP(file);
  try {
    await duck.run(setup);
  } catch (e) {
    throw new InputError([
      { path: file, message: `not a cohort results file: ${(e as Error).message.split("\n")[0]}` },
    ]);
  }
  sql.push({ what: "set-up: results, one row per patient (patients), Wilson interval macros", sql: setup });
  const overviewSql = `SELECT count(DISTINCT patient_id) AS patients, max(step) + 1 AS steps, count(*) AS rows,
  list(DISTINCT spec_hash) AS spec_hashes, (SELECT count(*) FROM patients WHERE failed) AS failed FROM results`;
  sql.push({ what: "overview", sql: overviewSql });
  const [ov] = await duck.all(overviewSql);
  sql.push({ what: "rates with Wilson 95 % intervals", sql: RATES_SQL });
  const rates = order((await duck.all(RATES_SQL)).map(toRate));

  const columns = (await duck.all("DESCRIBE results")).map((r) => ({
    name: String(r.column_name),
    type: String(r.column_type),
  }));
  const distributions: Distribution[] = [];
  for (const c of LAST_STEP_COLUMNS)
    if (columns.some((x) => x.name === c)) distributions.push(await distribution(duck, c, "last step", sql));
  for (const c of columns)
    if (c.name.startsWith(paramColumn("")) && c.type === "DOUBLE")
      distributions.push(await distribution(duck, c.name, "step 0", sql));

  let subgroups: Summary["subgroups"];
  if (by !== undefined) {
    const col = columns.find((c) => c.name === by);
    if (!col)
      throw new InputError([
        {
          path: "--by",
          message: `${JSON.stringify(by)} is not a column; columns include ${columns
            .slice(0, 12)
            .map((c) => c.name)
            .join(", ")}, ... (see DESCRIBE results)`,
        },
      ]);
    const numeric = /^(DOUBLE|FLOAT|INTEGER|BIGINT|SMALLINT|TINYINT|DECIMAL)/.test(col.type);
    const [{ d }] = await duck.all(`SELECT count(DISTINCT ${quoteIdent(by)}) AS d FROM results`);
    const binned = numeric && Number(d) > 6;
    const groupSql = binned
      ? `g0 AS (SELECT patient_id, arg_min(${quoteIdent(by)}, step) AS v FROM results GROUP BY patient_id),
  g1 AS (SELECT *, ntile(4) OVER (ORDER BY v) AS q FROM g0 WHERE v IS NOT NULL),
  g AS (SELECT patient_id, 'Q' || q || ' ' || round(min(v) OVER (PARTITION BY q), 3) || '..' || round(max(v) OVER (PARTITION BY q), 3) AS grp FROM g1)`
      : `g AS (SELECT patient_id, coalesce(CAST(arg_min(${quoteIdent(by)}, step) AS VARCHAR), 'NULL') AS grp FROM results GROUP BY patient_id)`;
    const q = `WITH ${groupSql},
  o AS (SELECT p.*, g.grp FROM patients p JOIN g USING (patient_id) WHERE NOT p.failed),
${rateSelect("grp")}`;
    sql.push({
      what: `rates by ${by}${binned ? " (quartiles of its value at step 0)" : " (its value at step 0)"}`,
      sql: q,
    });
    const rows = await duck.all(q);
    const groups = new Map<string, Rate[]>();
    for (const r of rows) {
      const g = String(r.grp);
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)?.push(toRate(r));
    }
    subgroups = {
      by,
      groups: [...groups.entries()].map(([group, rs]) => ({ group, n: rs[0]?.n ?? 0, rates: order(rs) })),
    };
  }
  return {
    file,
    patients: Number(ov.patients),
    steps: Number(ov.steps),
    rows: Number(ov.rows),
    specHashes: (ov.spec_hashes as string[]) ?? [],
    failed: Number(ov.failed),
    rates,
    distributions,
    subgroups,
    sql,
  };
}

const pct = (v: number | null) => (v === null ? "-" : `${v.toFixed(1)} %`);
const ci = (r: Rate) =>
  r.lo95_pct === null || r.hi95_pct === null ? "-" : `${r.lo95_pct.toFixed(1)}-${r.hi95_pct.toFixed(1)} %`;
const f3 = (v: number | null) => (v === null ? "-" : Number(v.toPrecision(4)).toString());

function pad(rows: string[][]): string {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(w[i]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function summaryText(s: Summary): string {
  const out: string[] = [];
  out.push(
    `${s.file}: ${s.patients} patients x ${s.steps} steps (${s.rows} rows), spec ${s.specHashes.join(", ")}; ${s.failed} patients the model could not run (left out of the rates)`,
  );
  out.push("", "Rates (patients, Wilson 95 % CI)");
  out.push(
    pad([
      ["outcome", "k/n", "rate", "95 % CI"],
      ...s.rates.map((r) => [r.label, `${r.k}/${r.n}`, pct(r.pct), ci(r)]),
    ]),
  );
  out.push("", "Distributions (per patient; p10 / median / p90)");
  out.push(
    pad([
      ["column", "when", "n", "p10", "median", "p90"],
      ...s.distributions.map((d) => [d.column, d.when, String(d.n), f3(d.p10), f3(d.median), f3(d.p90)]),
    ]),
  );
  if (s.subgroups) {
    out.push("", `Subgroups by ${s.subgroups.by}`);
    const head = ["group", "n", ...OUTCOMES.map(([k]) => k)];
    out.push(
      pad([
        head,
        ...s.subgroups.groups.map((g) => [
          g.group,
          String(g.n),
          ...g.rates.map((r) => `${pct(r.pct)} (${ci(r)})`),
        ]),
      ]),
    );
  }
  out.push("", "SQL (DuckDB; run the set-up first, then any query):");
  for (const q of s.sql) out.push(`-- ${q.what}`, `${q.sql.trim()}${q.sql.trim().endsWith(";") ? "" : ";"}`);
  return `${out.join("\n")}\n`;
}

export function summaryHtml(s: Summary): string {
  const rateRows = s.rates.map((r) => [esc(r.label), `${r.k}/${r.n}`, pct(r.pct), ci(r)]);
  const hist = s.distributions
    .map((d) =>
      groupedBars(
        `${d.column} (${d.when}; n = ${d.n}, median ${f3(d.median)})`,
        ["patients"],
        d.bins.map((b) => ({ label: f3((b.lo + b.hi) / 2), values: [b.count] })),
        "patients",
      ),
    )
    .join("\n");
  const sub = s.subgroups
    ? `<h2>Subgroups by ${esc(s.subgroups.by)}</h2>${table(
        ["group", "n", ...s.rates.map((r) => r.label)],
        s.subgroups.groups.map((g) => [
          esc(g.group),
          String(g.n),
          ...g.rates.map((r) => `${pct(r.pct)}<br><small>${ci(r)}</small>`),
        ]),
      )}`
    : "";
  const sql = s.sql.map((q) => `<h3>${esc(q.what)}</h3><pre>${esc(q.sql.trim())}</pre>`).join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cohort summary: ${esc(s.file)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;max-width:1100px}table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}pre{background:#f5f5f5;padding:8px;overflow:auto}svg{margin:6px}</style></head><body>
<h1>In-silico registry: ${esc(s.file)}</h1>
<p>${s.patients} patients x ${s.steps} steps (${s.rows} rows); spec ${esc(s.specHashes.join(", "))}; ${s.failed} patients the model could not run (left out of the rates). For education and research; not a medical device.</p>
<h2>Rates (Wilson 95 % CI)</h2>${table(["outcome", "k/n", "rate", "95 % CI"], rateRows)}
${sub}
<h2>Distributions</h2>${hist}
<h2>SQL (DuckDB)</h2>${sql}
</body></html>
`;
}
