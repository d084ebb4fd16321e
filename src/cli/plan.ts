/**
 * `clipshock plan <case-id or scenario file> [--at STEP] [--json] [--report FILE.html]`: the planning
 * tools for the state after a step (contract "Result of plan --json"). Placeholder until the planner lands.
 */
import { Command } from "commander";
import { CliError } from "./errors.js";

export function planCommand(): Command {
  return new Command("plan")
    .description("planning tools (wean test, gradient, clip strategies, warnings) for the state after a step")
    .argument("<scenario>", "built-in case id (see `clipshock cases`) or scenario file (.json, .yaml)")
    .option("--at <step>", "step name or index (default: the last step)")
    .option("--json", "print one JSON document on stdout")
    .option("--report <file>", "also write an HTML report")
    .action(() => {
      throw new CliError("plan: not implemented yet", 1);
    });
}
