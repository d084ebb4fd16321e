/**
 * Progress of a scenario run on stderr: a cli-progress bar when stderr is a terminal, otherwise one
 * short line per step.
 */
import cliProgress from "cli-progress";

export interface Progress {
  step(done: number, total: number, name: string): void;
  stop(): void;
}

export function createProgress(total: number, enabled: boolean): Progress {
  if (!enabled) return { step: () => {}, stop: () => {} };
  const stderr = process.stderr;
  if (!stderr.isTTY) {
    return {
      step: (done, n, name) => stderr.write(`[${done}/${n}] ${name}\n`),
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: stderr,
      format: "simulating |{bar}| {value}/{total} steps  {stepName}",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { stepName: "" });
  return {
    step: (done, _n, name) => bar.update(done, { stepName: name }),
    stop: () => bar.stop(),
  };
}
