/**
 * Validation of the EuroSCORE II input (contract "EuroSCORE II input"; interface EuroScore2Input in
 * src/procedure/types.ts) with a strict zod 4 schema: unknown keys are errors.
 *
 * Every problem is one `{ path, message }` naming the value given and what is allowed, e.g.
 * `nyhaClass: 5 is out of range 1..4`. Consistency rules: `creatinineClearance_mL_min` is required unless
 * `dialysis` is true, and must be left out when it is (dialysis overrides clearance, clinical-formulas §1.3).
 *
 * Ranges: age 18..95 completed years (adult surgery; "not validated above 95", §1.3); NYHA 1..4. The limits
 * on clearance (1..300 mL/min), LVEF (1..90 %) and PA systolic pressure (5..150 mmHg) are plausibility
 * limits [E], not part of the model.
 */
import { z } from "zod";
import type { EuroScore2Input } from "../procedure/types.js";
import { briefJson } from "../text/brief-json.js";

export interface InputProblem {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; value: EuroScore2Input } | { ok: false; problems: InputProblem[] };

interface RangeSpec {
  min: number;
  max: number;
  integer: boolean;
  unit: string;
  below?: string;
  above?: string;
}

const RANGE = {
  age_years: {
    min: 18,
    max: 95,
    integer: true,
    unit: "completed years",
    below: "EuroSCORE II is a score for adult cardiac surgery",
    above: "EuroSCORE II is not validated above 95",
  },
  creatinineClearance_mL_min: { min: 1, max: 300, integer: false, unit: "mL/min, Cockcroft-Gault" },
  nyhaClass: { min: 1, max: 4, integer: true, unit: "NYHA class" },
  lvef_pct: { min: 1, max: 90, integer: false, unit: "%" },
  paSystolic_mmHg: { min: 5, max: 150, integer: false, unit: "mmHg" },
} satisfies Partial<Record<keyof EuroScore2Input, RangeSpec>>;

const URGENCY = ["elective", "urgent", "emergency", "salvage"] as const;
const WEIGHT = ["isolated-cabg", "single-non-cabg", "two", "three-or-more"] as const;

const ranged = (r: RangeSpec) => (r.integer ? z.number().int() : z.number()).min(r.min).max(r.max);

const shape = {
  age_years: ranged(RANGE.age_years),
  sex: z.enum(["male", "female"]),
  creatinineClearance_mL_min: ranged(RANGE.creatinineClearance_mL_min).optional(),
  dialysis: z.boolean(),
  extracardiacArteriopathy: z.boolean(),
  poorMobility: z.boolean(),
  previousCardiacSurgery: z.boolean(),
  chronicLungDisease: z.boolean(),
  activeEndocarditis: z.boolean(),
  criticalPreoperativeState: z.boolean(),
  diabetesOnInsulin: z.boolean(),
  nyhaClass: z.literal([1, 2, 3, 4]),
  ccs4Angina: z.boolean(),
  lvef_pct: ranged(RANGE.lvef_pct),
  recentMI: z.boolean(),
  paSystolic_mmHg: ranged(RANGE.paSystolic_mmHg),
  urgency: z.enum(URGENCY),
  weightOfIntervention: z.enum(WEIGHT),
  thoracicAortaSurgery: z.boolean(),
} satisfies Record<keyof EuroScore2Input, z.ZodType>;

/** Strict zod schema of EuroScore2Input (unknown keys are errors; consistency is checked by the parser). */
export const euroScore2InputSchema = z.strictObject(shape) satisfies z.ZodType<EuroScore2Input>;

const KEYS = Object.keys(shape) as (keyof EuroScore2Input)[];

/** A value as the user wrote it, shortened for one-line messages. */
export function showValue(v: unknown): string {
  if (v === undefined) return "undefined";
  // Bounded: a value nested 5000 deep must not overflow the stack while the message is built.
  return typeof v === "number" ? String(v) : briefJson(v, 40);
}

function allowed(key: keyof EuroScore2Input): string {
  if (key in RANGE) {
    const r: RangeSpec = RANGE[key as keyof typeof RANGE];
    return `${r.integer ? "an integer" : "a number"} ${r.min}..${r.max} (${r.unit})`;
  }
  if (key === "sex") return `"male" or "female"`;
  if (key === "urgency") return `one of ${URGENCY.map((u) => `"${u}"`).join(", ")}`;
  if (key === "weightOfIntervention") return `one of ${WEIGHT.map((u) => `"${u}"`).join(", ")}`;
  return "true or false";
}

function fieldMessage(key: keyof EuroScore2Input, v: unknown): string {
  if (v === undefined) return `missing; expected ${allowed(key)}`;
  const r: RangeSpec | undefined = key in RANGE ? RANGE[key as keyof typeof RANGE] : undefined;
  if (r && typeof v === "number" && Number.isFinite(v)) {
    if (v < r.min) return `${v} is out of range ${r.min}..${r.max}${r.below ? ` (${r.below})` : ""}`;
    if (v > r.max) return `${v} is out of range ${r.min}..${r.max}${r.above ? ` (${r.above})` : ""}`;
    if (r.integer && !Number.isInteger(v)) return `${v} is not a whole number; expected ${allowed(key)}`;
  }
  return `${showValue(v)} is not allowed; expected ${allowed(key)}`;
}

/** A key without its unit suffix, lower case: `lvef_pct` → `lvef`, `Creatinine-Clearance` → `creatinineclearance`. */
const stem = (key: string) =>
  key
    .split("_")[0]
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

function unknownKeyMessage(key: string, v: unknown): string {
  const near = KEYS.find((a) => stem(a) === stem(key));
  const hint = near ? `did you mean "${near}"?` : `allowed keys: ${KEYS.join(", ")}`;
  return `unknown key (value ${showValue(v)}); ${hint}`;
}

/**
 * Validates raw JSON as a EuroSCORE II input. `basePath` prefixes every path (e.g. "euroscore2." when the
 * block is embedded in a scenario).
 */
export function parseEuroScore2Input(raw: unknown, basePath = ""): ParseResult {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    const message = `${showValue(raw)} is not allowed; expected an object with the EuroSCORE II fields (${KEYS.join(", ")})`;
    return { ok: false, problems: [{ path: basePath.replace(/\.$/, ""), message }] };
  }
  const obj = raw as Record<string, unknown>;
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (key: string, message: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ path: basePath + key, message });
  };
  const parsed = euroScore2InputSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const k of issue.keys) add(k, unknownKeyMessage(k, obj[k]));
      } else {
        const key = String(issue.path[0]) as keyof EuroScore2Input;
        add(key, fieldMessage(key, obj[key]));
      }
    }
  }
  const crCl = "creatinineClearance_mL_min";
  if (obj.dialysis === true && obj[crCl] !== undefined) {
    add(
      crCl,
      `${showValue(obj[crCl])} given together with dialysis: true; drop ${crCl} (dialysis overrides the clearance) or set dialysis to false`,
    );
  } else if (obj.dialysis === false && obj[crCl] === undefined) {
    add(crCl, `missing; required unless dialysis is true: ${allowed(crCl)}`);
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, value: parsed.data };
}
