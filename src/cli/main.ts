/** Entry point of the `clipshock` command (bin/clipshock.mjs imports the built copy). */
import { run } from "./program.js";

process.exitCode = await run(process.argv.slice(2));
