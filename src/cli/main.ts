/** Entry point of the `clipshock` command (bin/clipshock.mjs imports the built copy). */
import { run } from "./program.js";

// A reader that goes away (`clipshock cases | head -1`) is not an error: stop quietly, as `cat` does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    throw e;
  });
}

process.exitCode = await run(process.argv.slice(2));
