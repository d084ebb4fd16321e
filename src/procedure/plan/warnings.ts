/**
 * The planner's warnings, each a pure function of its analysis (no rule looks at the device alone:
 * every warning compares simulated figures, except interference, which is about where a clip goes).
 */
import { MR_GRADE_LABEL, type MrGrade } from "../../measure/mr-grade.js";
import { AREA_MIN_CM2, GRADIENT_LIMIT_MMHG } from "./criteria.js";
import { clipsInZone, INTERFERENCE_ACTIONS, inImpellaZone } from "./interference.js";
import { describeClip, describeClips } from "./rank.js";
import type { ScheduledClip } from "./scheduled-clips.js";
import { describeSetting } from "./support.js";
import type { ClipStrategy, GradientAnalysis, PlanWarning, WeanTest } from "./types.js";
import { outlookText } from "./wean.js";

const f1 = (x: number) => x.toFixed(1);
const grade = (g: number) => `grade ${g} (${MR_GRADE_LABEL[g as MrGrade] ?? "?"})`;

/** Regurgitant volume changes below this (mL/beat) leave a grade change to a threshold crossing. */
const BORDERLINE_RVOL_ML = 3;

/**
 * When the grade rises but the regurgitant volume hardly does (the grade is the median of EROA, volume
 * and fraction, so one index crossing its threshold moves it), say so: the figures alone read as a
 * contradiction ("hides MR" with the same or less volume).
 */
function borderline(w: WeanTest): string {
  const c = w.current;
  const worse = [w.lowSupport, w.pumpStopped].filter((m) => m && m.mr_grade > c.mr_grade);
  if (worse.some((m) => m && Math.abs(m.mr_rvol_mL - c.mr_rvol_mL) >= BORDERLINE_RVOL_ML)) return "";
  const eroa = worse
    .map((m) => (m ? m.mr_eroa_cm2.toFixed(3) : ""))
    .filter((x) => x)
    .join(" and ");
  return ` The regurgitant volume changes by less than ${BORDERLINE_RVOL_ML} mL/beat: the grade moves because an index crosses its threshold (EROA ${c.mr_eroa_cm2.toFixed(3)} cm² now, ${eroa} cm² at less support), so the finding is borderline.`;
}

export function supportWarning(w: WeanTest): PlanWarning[] {
  if (!w.supportHidesMR || !w.lowSupport || !w.pumpStopped) return [];
  const c = w.current;
  return [
    {
      code: "support-hides-mr",
      message:
        `Support hides MR: ${grade(c.mr_grade)}, ${f1(c.mr_rvol_mL)} mL/beat at ${describeSetting(w.settings.current)}, ` +
        `but ${grade(w.lowSupport.mr_grade)}, ${f1(w.lowSupport.mr_rvol_mL)} mL/beat at ${describeSetting(w.settings.lowSupport)} ` +
        `and ${grade(w.pumpStopped.mr_grade)}, ${f1(w.pumpStopped.mr_rvol_mL)} mL/beat with the pump stopped.` +
        borderline(w),
      actions: [
        "Judge the clip result at low support before releasing it (and before deciding on another clip).",
        "Record P-level, pump flow and MAP with every MR assessment.",
      ],
      criteria: ["wean-test", "mr-grade"],
    },
  ];
}

/** The patient left at low support deteriorates or collapses: the support cannot come down yet. */
export function weanWarning(w: WeanTest): PlanWarning[] {
  const o = w.outlook;
  if (!o || o.weanable) return [];
  return [
    {
      code: "cannot-be-weaned",
      message: `Left at ${describeSetting(w.settings.lowSupport)} the patient ${outlookText(o)}; MAP ${f1(w.lowSupportSettled?.map_mmHg ?? Number.NaN)} mmHg, CPO ${(w.lowSupportSettled?.cpo_W ?? Number.NaN).toFixed(2)} W, coronary perfusion ${f1(w.lowSupportSettled?.coronary_perfusion_mmHg ?? Number.NaN)} mmHg once settled.`,
      actions: [
        "Keep the support while assessing; return to it as soon as the look is done.",
        "Treat what keeps the patient on the pump (residual MR, ischaemia) before weaning.",
      ],
      criteria: ["wean-test"],
    },
  ];
}

export function gradientWarnings(g: GradientAnalysis): PlanWarning[] {
  const share = Object.entries(g.contributions_mmHg)
    .map(([k, v]) => `${k} ${v >= 0 ? "+" : ""}${f1(v)}`)
    .join(", ");
  const figures = `${f1(g.current_mmHg)} mmHg now, ${f1(g.reference_mmHg)} mmHg at reference conditions (HR ${g.reference.hr_bpm}, Hb ${g.reference.hb_g_dL} g/dL, no pump); shares ${share} mmHg; valve area ${g.valveArea_cm2.toFixed(2)} cm²`;
  const out: PlanWarning[] = [];
  if (g.current_mmHg >= GRADIENT_LIMIT_MMHG && g.reference_mmHg < GRADIENT_LIMIT_MMHG) {
    out.push({
      code: "gradient-inflated-by-flow",
      message: `The gradient of ${f1(g.current_mmHg)} mmHg comes from the conditions, not the valve: it falls below ${GRADIENT_LIMIT_MMHG} at reference conditions (${figures}).`,
      actions: [
        "Read the gradient with heart rate, cardiac output and haemoglobin, and with the valve area.",
        "Do not remove a clip for this gradient alone.",
      ],
      criteria: ["gradient-conditions", "gradient-limit"],
    });
  }
  if (g.reference_mmHg >= GRADIENT_LIMIT_MMHG) {
    const masked = g.current_mmHg < GRADIENT_LIMIT_MMHG;
    out.push({
      code: "gradient-high-at-reference",
      message: masked
        ? `The gradient of ${f1(g.current_mmHg)} mmHg understates the valve: at reference conditions it is ${f1(g.reference_mmHg)} mmHg, not below ${GRADIENT_LIMIT_MMHG} (${figures}).`
        : `The gradient stays at or above ${GRADIENT_LIMIT_MMHG} mmHg at reference conditions: the clips narrow the valve (${figures}).`,
      actions: ["Weigh residual MR against stenosis before adding or releasing a clip."],
      criteria: ["gradient-conditions", "gradient-limit", "mvarc-stenosis"],
    });
  }
  if (g.valveArea_cm2 < AREA_MIN_CM2) {
    out.push({
      code: "mitral-area-small",
      message: `The effective mitral area is ${g.valveArea_cm2.toFixed(2)} cm², below ${AREA_MIN_CM2} cm².`,
      criteria: ["mvarc-stenosis"],
    });
  }
  return out;
}

/**
 * Warns when a planned clip lies where the pump catheter crosses the outflow tract: the best strategy's
 * clips (with a pump in place now) and the clips the scenario deploys from the planned step on (with a
 * pump in place at their step).
 */
export function interferenceWarning(
  best: ClipStrategy | undefined,
  length_mm: number,
  pump: boolean,
  scheduled: readonly ScheduledClip[] = [],
): PlanWarning[] {
  const parts: string[] = [];
  const hit = best && pump ? clipsInZone(best.clips, length_mm) : [];
  if (hit.length) parts.push(`the best strategy places ${hit.map(describeClip).join(" and ")}`);
  for (const s of scheduled) {
    if (s.pumpInPlace && inImpellaZone(s.clip.offset_mm, s.length_mm))
      parts.push(`step ${s.stepIndex} "${s.stepName}" places ${describeClip(s.clip)}`);
  }
  if (parts.length === 0) return [];
  const text = parts.join("; ");
  return [
    {
      code: "impella-interference",
      message: `${text[0].toUpperCase()}${text.slice(1)} where the Impella catheter crosses the LV outflow tract (central and anterolateral positions): expect the pump to get in the way of steering and grasping.`,
      actions: [...INTERFERENCE_ACTIONS],
      criteria: ["impella-interference"],
    },
  ];
}

export function searchWarnings(
  feasible: number,
  searched: boolean,
  best: ClipStrategy | undefined,
): PlanWarning[] {
  if (!searched || feasible > 0) return [];
  return [
    {
      code: "no-strategy-meets-criteria",
      message: `No added clip keeps the gradient below ${GRADIENT_LIMIT_MMHG} mmHg and the area at least ${AREA_MIN_CM2} cm² at low support${best ? `; the closest is ${describeClips(best.clips)} (${best.misses.join("; ")})` : ""}.`,
      criteria: ["mvarc-stenosis", "gradient-limit"],
    },
  ];
}

export function noMrWarning(applies: boolean, pump: boolean): PlanWarning[] {
  if (!applies) return [];
  const where = pump ? " at the current support, at low support and with the pump stopped" : "";
  return [
    {
      code: "no-mr-to-treat",
      message: `MR is none or trace (grade 0)${where}: there is no regurgitation to clip, so no clip strategy was searched.`,
      criteria: ["mr-grade"],
    },
  ];
}

export function convergenceWarning(names: string[]): PlanWarning[] {
  if (names.length === 0) return [];
  return [
    {
      code: "not-converged",
      message: `No periodic steady state was reached for: ${[...new Set(names)].join(", ")}; their figures are approximate.`,
    },
  ];
}
