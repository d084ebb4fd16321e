/**
 * Generators for the fuzz suite: scenarios and EuroSCORE II inputs that are valid most of the time and
 * broken in every way a careless user or an attacker breaks them (wrong types, out-of-range and
 * non-finite numbers, unknown keys with control characters, deep nesting, long lists, huge strings).
 */
import fc from "fast-check";
import { IMPELLA_MODELS } from "../../src/devices/impella/models.js";
import { CLIP_DEVICES } from "../../src/devices/mitraclip/devices.js";
import { PARAMS, PRESET_IDS, SEGMENTS } from "../../src/physiology/params.js";

// A fresh seed every run (fast-check prints it on a failure); FUZZ_SEED=n repeats one.
if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });

/** Text a terminal would act on: ESC sequences, newlines, bidi overrides, C1 controls. */
export const hostileText = fc.constantFrom(
  "\u001b[31mred\u001b[0m",
  "two\nlines",
  "carriage\rreturn",
  "\u202eevil",
  "\u0085next",
  "\u0000nul",
  "__proto__",
  "constructor",
  "x".repeat(5000),
);

/** A value nested `depth` levels deep (objects and lists alternating). */
export const deep = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

const oddNumber = fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, 2 ** 53);

/** Anything a JSON or YAML file could hold, and more. */
export const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, maxKeys: 4 }),
  oddNumber,
  hostileText,
  fc.constantFrom(null, [], {}, "", true),
  fc.integer({ min: 40, max: 200 }).map(deep),
);

/** Mostly `arb`, sometimes `weird`. */
export const maybe = <T>(arb: fc.Arbitrary<T>, weight = 6): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: arb, weight }, { arbitrary: weird, weight: 1 });

/** Scenario generators; `clean` ones are valid by construction but for clip overlaps and the like. */
function scenarioArbitraries(clean: boolean) {
  const maybe = <T>(arb: fc.Arbitrary<T>, weight = 6): fc.Arbitrary<unknown> =>
    clean ? arb : fc.oneof({ arbitrary: arb, weight }, { arbitrary: weird, weight: 1 });

  const paramValue = (path: string): fc.Arbitrary<unknown> => {
    const d = PARAMS.find((p) => p.path === path);
    if (!d) return weird;
    if (d.type === "number")
      return maybe(
        d.integer
          ? fc.integer({ min: Math.ceil(d.min), max: Math.floor(d.max) })
          : fc.double({ min: d.min, max: d.max, noNaN: true }),
      );
    if (d.type === "boolean") return maybe(fc.boolean());
    return maybe(fc.constant({ A1P1: 0.2, A2P2: 0.5, A3P3: 0.3 }));
  };

  // A few common parameters (a full set would rarely be valid together).
  const COMMON = ["hr_bpm", "hb_g_dL", "svr_mmHg_s_mL", "mr.eroa_cm2", "lv.ees_mmHg_mL", "mr.segments"];

  const paramSet: fc.Arbitrary<Record<string, unknown>> = fc
    .tuple(
      fc.record(Object.fromEntries(COMMON.map((p) => [p, paramValue(p)])), { requiredKeys: [] }),
      fc.oneof(
        { arbitrary: fc.constant({}), weight: 8 },
        {
          arbitrary: fc.dictionary(fc.oneof(fc.string(), hostileText), weird, { maxKeys: 2 }),
          weight: clean ? 0 : 1,
        },
      ),
    )
    .map(([a, b]) => ({ ...a, ...b }));

  const position = maybe(
    fc.oneof(
      fc.constantFrom(...SEGMENTS, "A2-P2", "a3p3", ...(clean ? [] : ["A9P9"])),
      fc.record({ offset_mm: fc.double({ min: -25, max: 25, noNaN: true }) }),
    ),
  );
  const clip = maybe(
    fc.record({ device: maybe(fc.constantFrom(...CLIP_DEVICES, "ntw", ...(clean ? [] : ["ZZ"]))), position }),
  );

  const impella = maybe(
    fc.oneof(
      fc.record(
        { model: maybe(fc.constantFrom(...IMPELLA_MODELS)), pLevel: maybe(fc.integer({ min: 0, max: 9 })) },
        { requiredKeys: ["pLevel"] },
      ),
      fc.record({
        model: fc.constantFrom(...IMPELLA_MODELS),
        targetFlow_L_min: fc.double({ min: 0.1, max: 7, noNaN: true }),
      }),
      fc.constant(null),
    ),
  );

  const step = maybe(
    fc.record(
      {
        name: maybe(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), hostileText)),
        impella,
        clip: clean ? clip : fc.oneof(clip, fc.array(clip, { minLength: 1, maxLength: 6 })),
        set: maybe(paramSet),
      },
      { requiredKeys: ["name"] },
    ),
    12,
  );

  const scenario = (maxSteps = 4): fc.Arbitrary<unknown> =>
    fc
      .tuple(
        fc.record(
          {
            id: maybe(fc.string({ minLength: 1, maxLength: 10 })),
            title: maybe(fc.string({ maxLength: 20 })),
            patient: maybe(
              fc.record(
                { preset: maybe(fc.constantFrom(...PRESET_IDS)), overrides: maybe(paramSet) },
                {
                  requiredKeys: ["preset"],
                },
              ),
            ),
            steps: maybe(fc.array(step, { minLength: 1, maxLength: maxSteps })),
          },
          { requiredKeys: ["id", "title", "patient", "steps"] },
        ),
        clean
          ? fc.constant(null)
          : fc.option(fc.tuple(fc.oneof(fc.string(), hostileText), weird), { freq: 8 }),
      )
      .map(([s, extra]) => (extra ? { ...s, [extra[0]]: extra[1] } : s));

  return { scenario };
}

/** Scenarios, valid and broken in about equal shares. */
export const scenario = (maxSteps = 4): fc.Arbitrary<unknown> =>
  fc.oneof(scenarioArbitraries(true).scenario(maxSteps), scenarioArbitraries(false).scenario(maxSteps));

/** A text edit: a character inserted, deleted or replaced at a position. */
export const mutateText = (text: string): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(
        fc.nat({ max: Math.max(0, text.length) }),
        fc.nat({ max: 2 }),
        fc.string({ maxLength: 3, unit: "binary" }),
      ),
      { maxLength: 3 },
    )
    .map((edits) => {
      let t = text;
      for (const [at, kind, s] of edits) {
        const i = Math.min(at, t.length);
        t =
          kind === 0
            ? t.slice(0, i) + s + t.slice(i)
            : kind === 1
              ? t.slice(0, i) + t.slice(i + 1)
              : t.slice(0, i) + s + t.slice(i + s.length);
      }
      return t;
    });

const ES2_VALID = {
  age_years: 72,
  sex: "male",
  creatinineClearance_mL_min: 40,
  dialysis: false,
  extracardiacArteriopathy: false,
  poorMobility: false,
  previousCardiacSurgery: false,
  chronicLungDisease: false,
  activeEndocarditis: false,
  criticalPreoperativeState: true,
  diabetesOnInsulin: false,
  nyhaClass: 4,
  ccs4Angina: false,
  lvef_pct: 25,
  recentMI: true,
  paSystolic_mmHg: 40,
  urgency: "emergency",
  weightOfIntervention: "single-non-cabg",
  thoracicAortaSurgery: false,
};

export const euroscore2Input: fc.Arbitrary<unknown> = fc
  .record({
    age_years: maybe(fc.integer({ min: 18, max: 95 })),
    sex: maybe(fc.constantFrom("male", "female")),
    nyhaClass: maybe(fc.integer({ min: 1, max: 4 })),
    lvef_pct: maybe(fc.double({ min: 1, max: 90, noNaN: true })),
    paSystolic_mmHg: maybe(fc.double({ min: 5, max: 150, noNaN: true })),
    urgency: maybe(fc.constantFrom("elective", "urgent", "emergency", "salvage")),
    dialysis: maybe(fc.boolean(), 12),
    extra: fc.option(fc.tuple(fc.oneof(fc.string(), hostileText), weird), { freq: 6 }),
  })
  .map(({ extra, dialysis, ...r }) => {
    const o: Record<string, unknown> = { ...ES2_VALID, ...r, dialysis };
    if (dialysis === true) delete o.creatinineClearance_mL_min;
    if (extra) o[extra[0]] = extra[1];
    return o;
  });

export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the check is for raw control characters.
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
