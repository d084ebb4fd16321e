/**
 * Progress of a cohort on stderr: a cli-progress bar with ETA when stderr is a terminal, otherwise a
 * line at every 10 % (and at the end) with the rate and the ETA.
 */
import cliProgress from "cli-progress";

export interface CohortProgress {
  update(done: number): void;
  stop(): void;
}

export function cohortProgress(
  total: number,
  already: number,
  enabled: boolean,
  label = "patients",
): CohortProgress {
  if (!enabled) return { update: () => {}, stop: () => {} };
  const stderr = process.stderr;
  const t0 = Date.now();
  if (!stderr.isTTY) {
    let shown = -1;
    return {
      update: (done) => {
        const tenth = Math.floor(((done - already) / Math.max(1, total - already)) * 10);
        if (tenth === shown && done < total) return;
        shown = tenth;
        const s = (Date.now() - t0) / 1000;
        const rate = (done - already) / Math.max(s, 1e-3);
        const eta = rate > 0 ? (total - done) / rate : Number.NaN;
        stderr.write(
          `[${done}/${total}] ${label}, ${rate.toFixed(2)}/s, ETA ${Number.isFinite(eta) ? `${eta.toFixed(0)} s` : "?"}\n`,
        );
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: stderr,
      format: `cohort |{bar}| {value}/{total} ${label}  {percentage}%  ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, already);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
