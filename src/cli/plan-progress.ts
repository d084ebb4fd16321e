/**
 * Progress of `plan` on stderr: a cli-progress bar per phase when stderr is a terminal, otherwise one
 * plain line when a phase ends.
 */
import cliProgress from "cli-progress";
import type { PlanPhase, PlanProgress } from "../procedure/plan/types.js";

const LABEL: Record<PlanPhase, string> = {
  scenario: "scenario steps",
  analysis: "wean test and gradient",
  search: "clip strategies",
  done: "done",
};

export interface PlanProgressSink {
  update(p: PlanProgress): void;
  stop(): void;
}

export function createPlanProgress(enabled: boolean): PlanProgressSink {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const stderr = process.stderr;
  if (!stderr.isTTY) {
    let last = "";
    return {
      update: (p) => {
        if (p.phase === "done" || p.done < p.total) return;
        const line = `[plan] ${LABEL[p.phase]}: ${p.done}/${p.total} simulations`;
        if (line !== last) stderr.write(`${line}\n`);
        last = line;
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: stderr,
      format: "{phase} |{bar}| {value}/{total}",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let phase: PlanPhase | null = null;
  return {
    update: (p) => {
      if (p.phase === "done") return;
      if (p.phase !== phase) {
        if (phase) bar.stop();
        phase = p.phase;
        bar.start(p.total, p.done, { phase: LABEL[p.phase].padEnd(22) });
      }
      bar.setTotal(p.total);
      bar.update(p.done);
    },
    stop: () => {
      if (phase) bar.stop();
    },
  };
}
