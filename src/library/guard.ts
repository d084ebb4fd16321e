/**
 * The library boundary (issue 12, item 8): every exported function checks its arguments with zod before
 * it runs, and bad arguments throw only an InputError whose problems name the call, the argument path and
 * the reason, e.g. `runState(options).dt_s: 0.000001 is out of range 0.0001..0.008 s`. Inside the
 * boundary the code trusts its data; a non-InputError from a guarded call is a bug.
 */
import type { z } from "zod";
import { defaultMessage, formatPath } from "../procedure/scenario-schema.js";
import { InputError, type InputProblem } from "../procedure/types.js";
import { briefJson } from "../text/brief-json.js";

/** One schema per argument, by name: the names appear in messages. */
export type ArgSchemas = readonly (readonly [name: string, schema: z.ZodType])[];

function reason(iss: z.core.$ZodIssue, value: unknown): string {
  if (iss.code === "unrecognized_keys")
    return `unknown key${iss.keys.length > 1 ? "s" : ""} ${iss.keys.join(", ")}`;
  return iss.message || `${briefJson(value)} is not allowed`;
}

/** The problems with `args` (one per issue), or none. */
export function argumentProblems(
  call: string,
  schemas: ArgSchemas,
  args: readonly unknown[],
): InputProblem[] {
  const problems: InputProblem[] = [];
  schemas.forEach(([name, schema], i) => {
    const r = schema.safeParse(args[i], { error: defaultMessage, reportInput: true });
    if (r.success) return;
    for (const iss of r.error.issues) {
      const path = formatPath(iss.path);
      problems.push({
        path: `${call}(${name})${path ? (path.startsWith("[") ? path : `.${path}`) : ""}`,
        message: reason(iss, args[i]),
      });
    }
  });
  if (args.length > schemas.length)
    problems.push({ path: `${call}()`, message: `${args.length} arguments; at most ${schemas.length}` });
  return problems;
}

export function checkArguments(call: string, schemas: ArgSchemas, args: readonly unknown[]): void {
  const problems = argumentProblems(call, schemas, args);
  if (problems.length > 0) throw new InputError(problems);
}

/** `fn` with its arguments checked first. */
export function guard<F extends (...args: never[]) => unknown>(call: string, schemas: ArgSchemas, fn: F): F {
  return ((...args: unknown[]) => {
    checkArguments(call, schemas, args);
    return (fn as unknown as (...a: unknown[]) => unknown)(...args);
  }) as unknown as F;
}

/** An async `fn` whose bad arguments reject the promise (never a synchronous throw, never a hang). */
export function guardAsync<F extends (...args: never[]) => Promise<unknown>>(
  call: string,
  schemas: ArgSchemas,
  fn: F,
): F {
  return (async (...args: unknown[]) => {
    checkArguments(call, schemas, args);
    return (fn as unknown as (...a: unknown[]) => Promise<unknown>)(...args);
  }) as unknown as F;
}

/**
 * A formula over finite numbers whose result must be finite too: `papi(1, 2, 0)` (a division by zero)
 * is an InputError naming the call, not -Infinity.
 */
export function guardFormula<F extends (...args: never[]) => number>(
  call: string,
  schemas: ArgSchemas,
  fn: F,
): F {
  return ((...args: unknown[]) => {
    checkArguments(call, schemas, args);
    const y = (fn as unknown as (...a: unknown[]) => number)(...args);
    if (!Number.isFinite(y)) {
      const given = schemas.map(([n], i) => `${n} ${briefJson(args[i])}`).join(", ");
      throw new InputError([
        {
          path: `${call}()`,
          message: `no finite result for ${given} (a division by zero or a root of a negative number)`,
        },
      ]);
    }
    return y;
  }) as unknown as F;
}
