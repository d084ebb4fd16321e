/**
 * Suggested SCAI SHOCK stage (A–E) from haemodynamics, lactate and the support in use.
 *
 * SCAI staging is a bedside judgement, not a score (clinical-formulas §3); this is a *suggestion* from a
 * computable rule, as §3.3 advises. The rule follows the operationalisation of PMC9652191 Table 1 (structure,
 * drug/device counts, SBP < 60 / MAP < 50 for E) with the SCAI 2019 descriptors for hypotension and
 * haemodynamic hypoperfusion (SBP < 90 or MAP < 60; CI < 2.2 L/min/m²; CPO ≤ 0.6 W) and the lactate thresholds
 * of the 2022 update (Naidu SS et al., JACC 2022;79:933–946): ≥ 2 hypoperfusion, ≥ 5 worse hypoperfusion
 * (PMC9652191 "lactate 5–10"), ≥ 8 extremis (2022: "typically ≥ 8"; PMC9652191 uses > 10; §3.1 [CONFLICT]).
 *
 *   hypotension      SBP < 90 or MAP < 60
 *   hypoperfusion    lactate ≥ 2, or CI < 2.2, or CPO ≤ 0.6 W (CI = CO/BSA, CPO = MAP·CO/451 when not given)
 *   support          vasoactive drugs + MCS devices (an Impella is one device)
 *   E  ongoing cardiac arrest, SBP < 60 or MAP < 50, lactate ≥ 8, > 3 drugs or > 3 devices
 *   D  ≥ 2 drugs/devices; or 1 with persistent hypotension or hypoperfusion; or hypotension with lactate ≥ 5
 *   C  hypotension with hypoperfusion; or 1 drug/device; or lactate ≥ 5
 *   B  hypotension or hypoperfusion without support
 *   A  none of these (at risk)
 * PCWP > 15, RAP/PCWP ≥ 0.8 and PAPi < 1.85 (SCAI C haemodynamics) are reported but do not change the stage.
 * Not covered (no inputs): pH ≤ 7.2, ALT, urine output, mental status, escalation over time, the CA modifier.
 */
import { cardiacPowerOutput_W } from "./formulas.js";

export type ScaiStage = "A" | "B" | "C" | "D" | "E";

export interface ScaiInput {
  sbp_mmHg: number;
  map_mmHg: number;
  ci_L_min_m2?: number;
  co_L_min?: number;
  bsa_m2?: number;
  pcwp_mmHg?: number;
  rap_mmHg?: number;
  cpo_W?: number;
  papi?: number;
  lactate_mmol_L?: number;
  /** Number of vasoactive drugs (inotropes and vasopressors) running. */
  vasoactiveDrugs?: number;
  /** Number of mechanical circulatory support devices in place (Impella, IABP, ECMO: one each). */
  mcsDevices?: number;
  /** Cardiac arrest with ongoing CPR (a resuscitated arrest belongs to the CA modifier, not here). */
  cardiacArrest?: boolean;
}

export interface ScaiSuggestion {
  stage: ScaiStage;
  reasons: string[];
  source: string;
}

export const SCAI_SOURCE =
  "suggested stage (not a validated score): computable rule after PMC9652191 Table 1 with SCAI 2019 " +
  "haemodynamic descriptors (Baran 2019) and 2022 lactate thresholds 2/5/8 mmol/L (Naidu 2022, JACC 79:933)";

const r2 = (x: number) => String(Math.round(x * 100) / 100);

/** Suggested SCAI SHOCK stage with the criteria that decided it and the abnormal findings. */
export function scaiStage(input: ScaiInput): ScaiSuggestion {
  const { sbp_mmHg: sbp, map_mmHg: map, lactate_mmol_L: lactate } = input;
  if (!Number.isFinite(sbp) || !Number.isFinite(map))
    throw new RangeError("sbp_mmHg and map_mmHg must be numbers");
  const drugs = input.vasoactiveDrugs ?? 0;
  const devices = input.mcsDevices ?? 0;
  const support = drugs + devices;
  const ci =
    input.ci_L_min_m2 ??
    (input.co_L_min !== undefined && input.bsa_m2 !== undefined ? input.co_L_min / input.bsa_m2 : undefined);
  const cpo =
    input.cpo_W ?? (input.co_L_min !== undefined ? cardiacPowerOutput_W(map, input.co_L_min) : undefined);

  const findings: string[] = [];
  const note = (cond: boolean, text: string) => {
    if (cond) findings.push(text);
    return cond;
  };
  const hypotension = note(
    sbp < 90 || map < 60,
    `hypotension (SBP ${r2(sbp)} mmHg, MAP ${r2(map)} mmHg; SBP < 90 or MAP < 60)`,
  );
  const severeHypotension = sbp < 60 || map < 50;
  const lactate2 = note(
    lactate !== undefined && lactate >= 2,
    `lactate ${lactate} mmol/L >= 2 (hypoperfusion)`,
  );
  const lowCi = note(ci !== undefined && ci < 2.2, `CI ${r2(ci ?? 0)} L/min/m2 < 2.2`);
  const lowCpo = note(cpo !== undefined && cpo <= 0.6, `CPO ${r2(cpo ?? 0)} W <= 0.6`);
  const hypoperfusion = lactate2 || lowCi || lowCpo;
  const lactate5 = lactate !== undefined && lactate >= 5;
  const lactate8 = lactate !== undefined && lactate >= 8;
  if (support > 0) findings.push(`support: ${drugs} vasoactive drug(s), ${devices} MCS device(s)`);
  const { pcwp_mmHg: pcwp, rap_mmHg: rap, papi } = input;
  note(pcwp !== undefined && pcwp > 15, `PCWP ${pcwp} mmHg > 15 (congestion; does not change the stage)`);
  if (pcwp !== undefined && rap !== undefined && pcwp > 0) {
    note(rap / pcwp >= 0.8, `RAP/PCWP ${r2(rap / pcwp)} >= 0.8 (RV involvement; does not change the stage)`);
  }
  note(papi !== undefined && papi < 1.85, `PAPi ${papi} < 1.85 (RV involvement; does not change the stage)`);

  const rules: [ScaiStage, [boolean, string][]][] = [
    [
      "E",
      [
        [input.cardiacArrest === true, "cardiac arrest with ongoing CPR"],
        [severeHypotension, "SBP < 60 or MAP < 50 mmHg"],
        [lactate8, "lactate >= 8 mmol/L"],
        [drugs > 3 || devices > 3, "more than 3 drugs or more than 3 devices"],
      ],
    ],
    [
      "D",
      [
        [support >= 2, "2 or more drugs/devices"],
        [
          support === 1 && (hypotension || hypoperfusion),
          "1 drug/device with persistent hypotension or hypoperfusion",
        ],
        [hypotension && lactate5, "hypotension with lactate >= 5 mmol/L"],
      ],
    ],
    [
      "C",
      [
        [hypotension && hypoperfusion, "hypotension with hypoperfusion"],
        [support === 1, "1 drug/device needed"],
        [lactate5, "lactate >= 5 mmol/L"],
      ],
    ],
    ["B", [[hypotension || hypoperfusion, "hypotension or hypoperfusion without drugs or devices"]]],
  ];
  for (const [stage, criteria] of rules) {
    const met = criteria.filter(([ok]) => ok).map(([, text]) => text);
    if (met.length > 0)
      return { stage, reasons: [`stage ${stage}: ${met.join("; ")}`, ...findings], source: SCAI_SOURCE };
  }
  return {
    stage: "A",
    reasons: [
      "stage A: no hypotension, hypoperfusion or support (at risk, if there is a cause)",
      ...findings,
    ],
    source: SCAI_SOURCE,
  };
}
