/**
 * Evaluates a lesson's checks on the model (pure): the same code judges the learner in the web app
 * (on the live engine state) and `clipshock lessons --check` (on a scripted run of the lesson).
 */
import type { Measurements } from "../measure/beat.js";
import type { LessonCheck } from "./types.js";

/** What a check looks at: the measurements, the devices in place, and the console's alarms. */
export interface CheckState {
  measurements: Measurements;
  clips: number;
  pump: boolean;
  alarms: readonly { code: string }[];
}

export interface CheckOutcome {
  check: LessonCheck;
  passed: boolean;
  actual: number;
  expected: number;
  text: string;
}

export function metricOf(state: CheckState, metric: string): number {
  if (metric === "clips") return state.clips;
  if (metric === "pump") return state.pump ? 1 : 0;
  if (metric.startsWith("alarm:")) return state.alarms.some((a) => a.code === metric.slice(6)) ? 1 : 0;
  const v = (state.measurements as unknown as Record<string, unknown>)[metric];
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw new Error(`lesson check: ${metric} is not a measurement (nor clips, pump, alarm:<code>)`);
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/** `history[-1]` is the lesson's start; `history[i]` the state when step i was passed. */
export function evaluateCheck(
  check: LessonCheck,
  now: CheckState,
  history: ReadonlyMap<number, CheckState>,
): CheckOutcome {
  const actual = metricOf(now, check.metric);
  let expected: number;
  let against: string;
  if (check.ref !== undefined) {
    const then = history.get(check.ref);
    if (!then) throw new Error(`lesson check: no state recorded for step ${check.ref}`);
    const base = metricOf(then, check.metric);
    expected = base * (check.factor ?? 1) + (check.plus ?? 0);
    against = `${check.factor !== undefined && check.factor !== 1 ? `${fmt(check.factor)} × ` : ""}${fmt(base)}${check.plus ? ` + ${fmt(check.plus)}` : ""} (${check.ref < 0 ? "at the start" : `after step ${check.ref + 1}`})`;
  } else {
    expected = check.value as number;
    against = fmt(expected);
  }
  const passed =
    check.op === "<"
      ? actual < expected
      : check.op === "<="
        ? actual <= expected
        : check.op === ">"
          ? actual > expected
          : check.op === ">="
            ? actual >= expected
            : Math.abs(actual - expected) < 1e-9;
  const text = `${check.says ? `${check.says}: ` : ""}${check.metric} ${fmt(actual)} ${check.op} ${against}`;
  return { check, passed, actual, expected, text };
}
