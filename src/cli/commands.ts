/**
 * The command line's surface: every command with its arguments, options and help text. Each action
 * imports its command's module only when it runs, so `clipshock --help` loads commander and nothing
 * else (the simulator, zod and yaml stay unread: issue 10, a cold start near bare node).
 */
import { Command } from "commander";
import type { CohortCliOptions, SummarizeCliOptions, WorkerCliOptions } from "./cohort.js";
import type { PlanCliOptions } from "./plan.js";
import type { SimulateOptions } from "./simulate.js";

export function casesCommand(): Command {
  return new Command("cases")
    .description("list the built-in cases")
    .option("--json", 'print one JSON document: [{ "id", "title", "source" }]')
    .action(async (opts: { json?: boolean }) => {
      const { casesJson, casesText } = await import("./cases.js");
      process.stdout.write(opts.json ? casesJson() : casesText());
    });
}

export function simulateCommand(): Command {
  return new Command("simulate")
    .description("run every step of a scenario to periodic steady state and measure it")
    .argument("<scenario>", "built-in case id (see `clipshock cases`) or scenario file (.json, .yaml, .yml)")
    .option(
      "--json",
      "print one JSON document { scenario, steps: [{ name, parameters, measurements, devices, converged }] }",
    )
    .option("--out <dir>", "also write <dir>/<step-index>-<slug>.csv waveforms and <dir>/result.json")
    .option("--no-progress", "no progress on stderr")
    .action(async (arg: string, opts: SimulateOptions) =>
      (await import("./simulate.js")).runSimulate(arg, opts),
    );
}

export function planCommand(): Command {
  return new Command("plan")
    .description(
      "planning tools (wean test, gradient, clip strategies, warnings, scores) for the state after a step",
    )
    .argument("<scenario>", "built-in case id (see `clipshock cases`) or scenario file (.json, .yaml, .yml)")
    .option("--at <step>", "step name or 0-based index (default: the last step)")
    .option("--json", "print one JSON document on stdout")
    .option("--report <file>", "also write a self-contained HTML report")
    .option("--max-clips <n>", "clips the search may add, 0-3 (default 3; 0 = no search)")
    .option(
      "--workers <n>",
      "worker threads for the simulations (default 2 on more than 2 cores, else in-process; 0 = in-process)",
    )
    .option(
      "--sts-prom <pct>",
      "STS PROM (%) from the STS calculator, quoted beside EuroSCORE II (not computed here)",
    )
    .option("--no-progress", "no progress on stderr")
    .action(async (arg: string, opts: PlanCliOptions) => (await import("./plan.js")).runPlan(arg, opts));
}

export function euroscore2Command(): Command {
  return new Command("euroscore2")
    .description("EuroSCORE II predicted mortality of the surgical alternative (Nashef 2012)")
    .argument("<input.json>", "EuroSCORE II input (JSON, fields as in the contract)")
    .option("--json", "print one JSON document { predictedMortality_pct, logit, factors }")
    .action(async (file: string, opts: { json?: boolean }) =>
      (await import("./euroscore2.js")).runEuroscore2File(file, opts.json === true),
    );
}

export function serveCommand(): Command {
  return new Command("serve")
    .description(
      "serve the web simulator on 127.0.0.1 (default port 5173 unless taken, then the next free one)",
    )
    .option("--port <n>", "first port to try (1..65535)")
    .option(
      "--allow-host <name>",
      "also accept this Host name (besides 127.0.0.1, localhost and [::1]), e.g. behind a proxy",
    )
    .action(async (opts: { port?: string; allowHost?: string }) =>
      (await import("./serve.js")).runServe(opts),
    );
}

export function cohortCommand(): Command {
  const cmd = new Command("cohort")
    .description("run a virtual cohort (an in-silico registry): every patient of a spec through its strategy")
    .argument("<spec>", "cohort spec (.yaml, .yml, .json); see docs/cohorts/ and docs/cohort.schema.json")
    .option("--out <file>", "results: one Parquet row per patient x step (required)")
    .option("--patients <n>", "number of patients (overrides the spec's)")
    .option("--seed <s>", "seed (overrides the spec's)")
    .option("--workers <n>", "worker threads (default 2; 0 = in-process)")
    .option("--resume", "continue an interrupted run (<out>.parts/): nothing lost, nothing twice")
    .option("--queue <url>", "put the patients on a Redis queue (redis://host:port) for `clipshock worker`s")
    .option("--batch <n>", "patients per Parquet part while running (default 64)")
    .option("--no-progress", "no progress on stderr")
    .action(async (spec: string, opts: CohortCliOptions) =>
      (await import("./cohort.js")).runCohort(spec, opts),
    );
  cmd.addCommand(
    new Command("summarize")
      .description(
        "rates with 95 % confidence intervals, distributions and subgroups of a cohort's results (DuckDB SQL shown)",
      )
      .argument("<results.parquet>", "results of `clipshock cohort`")
      .option("--by <column>", "subgroup table by this column (its value at step 0; numbers in quartiles)")
      .option("--html <file>", "also write an HTML report with histograms")
      .option("--json", "print one JSON document on stdout")
      .action(async (file: string, opts: SummarizeCliOptions) =>
        (await import("./cohort.js")).runSummarize(file, opts),
      ),
  );
  return cmd;
}

export function workerCommand(): Command {
  return new Command("worker")
    .description("simulate cohort patients from a Redis queue (see `clipshock cohort --queue`) until stopped")
    .requiredOption("--queue <url>", "Redis, redis://host:port")
    .option("--concurrency <n>", "patients at a time, each on its own thread (default 2)")
    .option(
      "--lock-s <s>",
      "job lock time: a killed worker's patient goes back to the queue after this (default 30)",
    )
    .option("--log", "one line on stderr per finished patient")
    .action(async (opts: WorkerCliOptions) => (await import("./cohort.js")).runWorkerCli(opts));
}

export function lessonsCommand(): Command {
  return new Command("lessons")
    .description("list the lessons (lessons/*.md), run their checks on the model, or print a handout")
    .option(
      "--json",
      'print one JSON document: [{ "id", "title", "goals" }] (with --check: the check results)',
    )
    .option("--check", "run every lesson's steps and checks on the model; exit 1 if any check fails")
    .option("--handout <id>", "print a printable HTML handout of one lesson")
    .option("--answers", "with --handout: the teacher's copy, answers included")
    .action(async (opts: { json?: boolean; check?: boolean; handout?: string; answers?: boolean }) =>
      (await import("./lessons.js")).runLessons(opts),
    );
}
