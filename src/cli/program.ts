/**
 * The `clipshock` program: commands, and the exit status of every run.
 *   0 success; 2 invalid input (one line per problem on stderr, no stack trace; usage errors too);
 *   1 internal failure (`clipshock: internal error: <message>`, the stack only with CLIPSHOCK_DEBUG=1).
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { InputError } from "../procedure/types.js";
import { escapeText } from "../text/escape-text.js";
import {
  casesCommand,
  cohortCommand,
  euroscore2Command,
  lessonsCommand,
  planCommand,
  serveCommand,
  simulateCommand,
  workerCommand,
} from "./commands.js";
import { CliError } from "./errors.js";
import { problemLines } from "./problem-lines.js";

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** Every command below `cmd`, itself included. */
function allCommands(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap((c) => allCommands(c as Command))];
}

export function buildProgram(): Command {
  const program = new Command("clipshock")
    .description("Simulator and procedure planner for MitraClip under Impella support in cardiogenic shock")
    .version(version(), "-V, --version")
    .addCommand(casesCommand())
    .addCommand(simulateCommand())
    .addCommand(planCommand())
    .addCommand(euroscore2Command())
    .addCommand(lessonsCommand())
    .addCommand(serveCommand())
    .addCommand(cohortCommand())
    .addCommand(workerCommand())
    .addHelpText("after", "\nExit status: 0 success, 2 invalid input, 1 internal failure.");
  // Usage errors are thrown (not exited on) so run() can give them exit status 2; commander has
  // already printed the one-line message. Subcommands made elsewhere do not inherit these settings.
  for (const c of allCommands(program)) {
    c.exitOverride();
    c.showSuggestionAfterError(true);
  }
  return program;
}

const debug = () => process.env.CLIPSHOCK_DEBUG === "1";

/** Runs the program on `argv` (without `node` and the script) and returns the exit status. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  process.exitCode = undefined;
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(problemLines(e.problems));
      return EXIT_INPUT;
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_INPUT;
    if (e instanceof CliError) {
      process.stderr.write(`clipshock: ${escapeText(e.message)}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`clipshock: internal error: ${escapeText(message.split("\n")[0])}\n`);
    if (debug() && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return EXIT_INTERNAL;
  }
  const code = process.exitCode;
  return typeof code === "number" ? code : Number(code ?? 0) || 0;
}
