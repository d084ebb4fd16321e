/** Placeholder for `clipshock serve` until the web app lands (replaced by the web app's own file). */
import { Command } from "commander";

export function serveCommand(): Command {
  return new Command("serve")
    .description("serve the web simulator on 127.0.0.1 (default port 5173 unless taken)")
    .option("--port <n>", "port")
    .action(() => {
      process.stderr.write("web app not built yet\n");
      process.exitCode = 1;
    });
}
