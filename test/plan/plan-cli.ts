/** Runs `clipshock plan ... --json` once per argument list and parses the document (shared by the plan tests). */
import { expect } from "vitest";
import { runCli } from "../cli/run-cli.js";

export interface PlanDoc {
  at: string;
  atIndex: number;
  devices: { impella: unknown; clips: { device: string; offset_mm: number }[] };
  weanTest: {
    current: Record<string, number>;
    lowSupport: Record<string, number> | null;
    pumpStopped: Record<string, number> | null;
    supportHidesMR: boolean;
  };
  gradient: {
    current_mmHg: number;
    reference_mmHg: number;
    valveArea_cm2: number;
    contributions_mmHg: { flow: number; heartRate: number; anaemia: number };
  };
  clipStrategies: {
    clips: { device: string; offset_mm: number; position?: string }[];
    mr_grade: number;
    mr_rvol_mL: number;
    mv_gradient_mean_mmHg: number;
    mv_area_cm2: number;
    meetsCriteria: boolean;
  }[];
  clipSearch: {
    explanation: string;
    rejected: PlanDoc["clipStrategies"];
    simulated: number;
    wall_ms: number;
    mode: string;
  } | null;
  warnings: { code: string; message: string; actions?: string[] }[];
  scai: { stage: string };
  euroscore2?: { predictedMortality_pct: number };
  criteria: { id: string; source: string }[];
}

export async function planJson(args: readonly string[]): Promise<PlanDoc> {
  return (await planJsonWithProgress([...args, "--no-progress"])).doc;
}

/** The document and the progress lines written on stderr (not a terminal: plain lines). */
export async function planJsonWithProgress(
  args: readonly string[],
): Promise<{ doc: PlanDoc; stderr: string }> {
  const r = await runCli(["plan", ...args, "--json"]);
  if (args.includes("--no-progress")) expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return { doc: JSON.parse(r.stdout) as PlanDoc, stderr: r.stderr };
}
