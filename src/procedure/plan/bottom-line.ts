/**
 * The plan's bottom line (issue 13): what the team does next, and why, in one sentence or two. Pure;
 * reads the wean test, the clip strategies and the scores the planner has already worked out.
 *   accept                    the state at low support meets the criteria (MR ≤ 1+, gradient < 5 mmHg, area ≥ 1.5 cm²)
 *   reassess-at-low-support   MR looks acceptable at the current support but not at low support
 *   add-clip                  the best strategy (named by segment and third)
 *   no-clip-meets-criteria    no added clip keeps the gradient and area within the criteria
 */
import type { Measurements } from "../../measure/beat.js";
import { AREA_MIN_CM2, GRADIENT_LIMIT_MMHG } from "./criteria.js";
import { describeClips } from "./rank.js";
import { describeSetting } from "./support.js";
import type { ClipStrategy, WeanTest } from "./types.js";
import { outlookText } from "./wean.js";

export type BottomLineAction = "accept" | "reassess-at-low-support" | "add-clip" | "no-clip-meets-criteria";

export interface BottomLine {
  action: BottomLineAction;
  text: string;
}

/** Residual MR judged acceptable to stop at: mild (1+) or less (MVARC/ASE "optimal"). */
export const ACCEPT_MR_GRADE = 1;

const f1 = (x: number) => {
  const s = x.toFixed(1);
  return Number(s) === 0 ? "0.0" : s;
};
const f2 = (x: number) => {
  const s = x.toFixed(2);
  return Number(s) === 0 ? "0.00" : s;
};

export function figuresOf(
  m: Pick<Measurements, "mr_grade" | "mr_rvol_mL" | "mv_gradient_mean_mmHg" | "mv_area_cm2">,
) {
  return `MR grade ${m.mr_grade} (${f1(m.mr_rvol_mL)} mL/beat), mean gradient ${f2(m.mv_gradient_mean_mmHg)} mmHg, area ${f2(m.mv_area_cm2)} cm²`;
}

export function meetsAcceptance(
  m: Pick<Measurements, "mr_grade" | "mv_gradient_mean_mmHg" | "mv_area_cm2">,
): boolean {
  return (
    m.mr_grade <= ACCEPT_MR_GRADE &&
    m.mv_gradient_mean_mmHg < GRADIENT_LIMIT_MMHG &&
    m.mv_area_cm2 >= AREA_MIN_CM2
  );
}

export interface BottomLineInput {
  wean: WeanTest;
  strategies: readonly ClipStrategy[];
  /** The closest strategy that misses the criteria, if any. */
  closest?: ClipStrategy;
  /** The gradient at reference conditions (HR 70, Hb 13, no pump) for the current valve. */
  referenceGradient_mmHg: number;
  euroscore2_pct?: number;
  stsProm_pct?: number;
}

export function bottomLine(input: BottomLineInput): BottomLine {
  const w = input.wean;
  const judged = w.lowSupportSettled ?? w.lowSupport ?? w.current;
  const where = w.settings.lowSupport ? `at ${describeSetting(w.settings.lowSupport)}` : "without a pump";
  const support =
    w.outlook && !w.outlook.weanable
      ? ` Keep the support: left at ${describeSetting(w.settings.lowSupport)} the patient ${outlookText(w.outlook)}; judge the valve at low support only for the echo's few minutes.`
      : "";
  const criteria = `MR ≤ ${ACCEPT_MR_GRADE}+, mean gradient < ${GRADIENT_LIMIT_MMHG} mmHg, area ≥ ${AREA_MIN_CM2} cm²`;
  const best = input.strategies[0];
  const next = best
    ? `${describeClips(best.clips)} (${figuresOf(best)}${best.atReference ? `; ${f2(best.atReference.mv_gradient_mean_mmHg)} mmHg at reference HR and Hb` : ""})`
    : "";
  if (meetsAcceptance(judged)) {
    const inflated =
      w.current.mv_gradient_mean_mmHg >= GRADIENT_LIMIT_MMHG &&
      input.referenceGradient_mmHg < GRADIENT_LIMIT_MMHG
        ? ` The gradient of ${f2(w.current.mv_gradient_mean_mmHg)} mmHg now is inflated by the conditions: ${f2(input.referenceGradient_mmHg)} mmHg at reference HR, Hb and no pump.`
        : "";
    return {
      action: "accept",
      text: `Accept the current result: ${where} ${figuresOf(judged)} meet the criteria (${criteria}); another clip would add gradient for little.${inflated}${support}`,
    };
  }
  if (w.supportHidesMR && meetsAcceptance(w.current)) {
    return {
      action: "reassess-at-low-support",
      text: `Reassess at low support before accepting: at the current support ${figuresOf(w.current)} looks acceptable, but ${where} ${figuresOf(judged)}.${best ? ` If it holds, add ${next}.` : ""}${support}`,
    };
  }
  if (best) {
    return {
      action: "add-clip",
      text: `Add ${next}: ${where} the valve now leaves ${figuresOf(judged)}, outside the criteria (${criteria}).${support}`,
    };
  }
  const risk = [
    input.euroscore2_pct !== undefined ? `EuroSCORE II ${f1(input.euroscore2_pct)} %` : "",
    input.stsProm_pct !== undefined ? `STS PROM ${f1(input.stsProm_pct)} % (entered)` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return {
    action: "no-clip-meets-criteria",
    text: `No added clip meets the criteria ${where} (${criteria})${input.closest ? `; the closest, ${describeClips(input.closest.clips)}, leaves ${figuresOf(input.closest)}` : ""}. Weigh the residual MR (${figuresOf(judged)}) against the surgical alternative${risk ? ` (${risk})` : ""}.${support}`,
  };
}
