/**
 * Work limits on raw input, checked before any validation (issue 12): a document nested deeper than
 * MAX_DEPTH or holding more than MAX_VALUES values is refused at once, so no later step (zod, message
 * building, JSON.stringify) can overflow the stack or spend memory and time on it. A scenario of 1000
 * steps is about 20,000 values and 6 levels deep. The walk is iterative: it cannot overflow itself.
 */
import type { InputProblem } from "./types.js";

export const MAX_DEPTH = 32;
export const MAX_VALUES = 200_000;

/** The first limit `raw` breaks, as a problem at `path`, or null. */
export function shapeProblem(raw: unknown, path = ""): InputProblem | null {
  const stack: [unknown, number][] = [[raw, 0]];
  let values = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (++values > MAX_VALUES)
      return {
        path,
        message: `more than ${MAX_VALUES} values; this is not a scenario of at most 1000 steps`,
      };
    if (typeof v !== "object" || v === null) continue;
    if (depth >= MAX_DEPTH) return { path, message: `nested deeper than ${MAX_DEPTH} levels` };
    const children = Array.isArray(v) ? v : Object.values(v);
    if (values + children.length > MAX_VALUES)
      return {
        path,
        message: `more than ${MAX_VALUES} values; this is not a scenario of at most 1000 steps`,
      };
    for (const c of children) stack.push([c, depth + 1]);
  }
  return null;
}
