/**
 * Every patient parameter: dotted path, unit (also in the name), allowed range, default per preset
 * and where the default comes from. Flags as in shared/reference: [S] sourced, [L] literature value
 * to verify, [D] derived, [E] estimate to calibrate.
 */

export type Segment = "A1P1" | "A2P2" | "A3P3";
export const SEGMENTS: readonly Segment[] = ["A1P1", "A2P2", "A3P3"];
export type SegmentShares = Record<Segment, number>;
export type ParamValue = number | boolean | SegmentShares;

/** Presets whose values stand in every parameter's definition. */
export type BasePresetId = "normal" | "cardiogenic-shock-acute-mr";
/** Every preset: the base ones and those defined as a base preset plus changes (DERIVED_PRESETS). */
export type PresetId = BasePresetId | "cardiogenic-shock-papillary-rupture";
export const PRESET_IDS: readonly PresetId[] = [
  "normal",
  "cardiogenic-shock-acute-mr",
  "cardiogenic-shock-papillary-rupture",
];

interface Base {
  path: string;
  description: string;
  source: string;
}
export interface NumberParam extends Base {
  type: "number";
  unit: string;
  min: number;
  max: number;
  defaults: Record<BasePresetId, number>;
  /** Whole numbers only. */
  integer?: boolean;
}
export interface BooleanParam extends Base {
  type: "boolean";
  defaults: Record<BasePresetId, boolean>;
}
export interface SharesParam extends Base {
  type: "segments";
  defaults: Record<BasePresetId, SegmentShares>;
}
export type ParamDef = NumberParam | BooleanParam | SharesParam;

const n = (
  path: string,
  unit: string,
  min: number,
  max: number,
  normal: number,
  shock: number,
  description: string,
  source: string,
): NumberParam => ({
  type: "number",
  path,
  unit,
  min,
  max,
  defaults: { normal, "cardiogenic-shock-acute-mr": shock },
  description,
  source,
});

/** Physiological ranges per chamber [E]: wide enough for disease, narrow enough to stay a heart. */
const CHAMBER_RANGES: Record<
  string,
  { ees: [number, number]; v0: [number, number]; alpha: [number, number] }
> = {
  lv: { ees: [0.1, 5], v0: [0, 120], alpha: [0.008, 0.06] },
  rv: { ees: [0.05, 2.5], v0: [0, 100], alpha: [0.008, 0.06] },
  la: { ees: [0.05, 1.2], v0: [0, 60], alpha: [0.02, 0.12] },
  ra: { ees: [0.05, 1.2], v0: [0, 60], alpha: [0.02, 0.12] },
};

const chamber = (
  id: string,
  label: string,
  d: {
    ees: [number, number];
    v0: [number, number];
    alpha: [number, number];
    beta: [number, number];
    tmax: number;
    tau: [number, number];
  },
): NumberParam[] => [
  n(
    `${id}.ees_mmHg_mL`,
    "mmHg/mL",
    CHAMBER_RANGES[id].ees[0],
    CHAMBER_RANGES[id].ees[1],
    d.ees[0],
    d.ees[1],
    `${label} end-systolic elastance (contractility)`,
    "normal: Burkhoff/Harvi set A [S] (reference §2.2A); shock: set D, LV 0.6–1.0, RV 0.3–0.5 with RV involvement in inferior MI [E]",
  ),
  n(
    `${id}.v0_mL`,
    "mL",
    CHAMBER_RANGES[id].v0[0],
    CHAMBER_RANGES[id].v0[1],
    d.v0[0],
    d.v0[1],
    `${label} unstressed volume (ESPVR/EDPVR intercept)`,
    "set A [S]; shock LV dilated/infarcted, set D [E]",
  ),
  n(
    `${id}.alpha_per_mL`,
    "1/mL",
    CHAMBER_RANGES[id].alpha[0],
    CHAMBER_RANGES[id].alpha[1],
    d.alpha[0],
    d.alpha[1],
    `${label} EDPVR stiffness exponent`,
    "set A [S] (LV 0.026 calibrated to a normal LVEDP [E]); acute-MR LA stiff α 0.07–0.09, set D [E]",
  ),
  n(
    `${id}.beta_mmHg`,
    "mmHg",
    0.05,
    3,
    d.beta[0],
    d.beta[1],
    `${label} EDPVR scale`,
    "set A [S]; LV 0.30 with α 0.026 for LVEDP ≈ 11 mmHg at EDV ≈ 145 mL [E]",
  ),
  n(
    `${id}.tmax_s`,
    "s",
    0.05,
    0.5,
    d.tmax,
    d.tmax,
    `${label} time to peak activation at 60 bpm (scales with √period)`,
    "set A [S]",
  ),
  n(
    `${id}.tau_s`,
    "s",
    0.01,
    0.12,
    d.tau[0],
    d.tau[1],
    `${label} relaxation time constant`,
    "set A [S]; ischaemic LV 0.045–0.06, set D [E]",
  ),
];

export const PARAMS: readonly ParamDef[] = [
  n(
    "hr_bpm",
    "beats/min",
    30,
    180,
    70,
    100,
    "Heart rate (with the reflex on heart rate: the rate at the reflex set point)",
    "normal 70 [L]; CS 100–110 (reference §2.2D) [L]",
  ),
  n("hb_g_dL", "g/dL", 4, 20, 14, 11, "Haemoglobin", "normal adult [L]; post-MI shock with bleeding [E]"),
  n(
    "stressedVolume_mL",
    "mL",
    300,
    4000,
    1170,
    1200,
    "Stressed blood volume: blood above every compartment's unstressed volume",
    "0D models 1.1–1.5 L (reference §2.2C) [S/D]; calibrated to normal resting values [E]",
  ),
  n(
    "svr_mmHg_s_mL",
    "mmHg·s/mL",
    0.3,
    4,
    1.0,
    0.95,
    "Systemic vascular resistance at Hb 14 g/dL, before the reflex acts",
    "SVR 0.9–1.2 (reference §2.2C) [L]; shock: the reflex raises it ≈ 35 % to ≈ 1.3 (§2.2D 1.2–1.4) [E]",
  ),
  n(
    "pvr_mmHg_s_mL",
    "mmHg·s/mL",
    0.02,
    1,
    0.08,
    0.1,
    "Pulmonary vascular resistance",
    "PVR 0.06–0.12 (1–2 WU) (reference §2.2C) [L]",
  ),
  n(
    "zc_mmHg_s_mL",
    "mmHg·s/mL",
    0.01,
    0.2,
    0.04,
    0.04,
    "Aortic characteristic impedance",
    "Zc 0.03–0.06 (reference §2.2C) [L]; Harvi 0.040 [S]",
  ),
  n(
    "cSa_mL_mmHg",
    "mL/mmHg",
    0.3,
    5,
    1.6,
    1.4,
    "Systemic arterial compliance",
    "1.5–2.0 (reference §2.2C) [L]",
  ),
  n(
    "cSv_mL_mmHg",
    "mL/mmHg",
    20,
    200,
    70,
    70,
    "Systemic venous compliance",
    "50–100 (reference §2.2C) [L]; Harvi 70 [S]",
  ),
  n(
    "cPa_mL_mmHg",
    "mL/mmHg",
    0.5,
    15,
    4,
    2.5,
    "Pulmonary arterial compliance",
    "3–5 normal (reference §2.2C) [L]; falls in pulmonary hypertension from left heart disease (Tedford, Circulation 2012;125:289: the RC time constant stays ≈ constant) — 2.5 gives the shock preset a PA pulse pressure and PAPi of LV-dominant shock (PAPi ≈ 1, RAP/PCWP ≈ 0.35) [E]",
  ),
  n(
    "cPv_mL_mmHg",
    "mL/mmHg",
    2,
    50,
    18,
    3.5,
    "Pulmonary venous compliance",
    "12–20 normal (reference §2.2C) [E]; acute MR: distended veins of congested lungs are stiff, and the large v-wave of acute MR into a non-dilated LA (v − mean LAP ≥ 8 mmHg) needs a small LA + venous compliance (§3.4: 10–12 gives v only ≈ 4 mmHg above mean; 8 gives 6) [E]",
  ),
  ...chamber("lv", "LV", {
    ees: [2.21, 0.75],
    // Shock: an acute inferior-posterior MI, not a dilated cardiomyopathy: LVEDV ≈ 180-195 mL [E].
    v0: [5, 20],
    alpha: [0.026, 0.026],
    beta: [0.3, 0.34],
    tmax: 0.28,
    tau: [0.025, 0.05],
  }),
  ...chamber("rv", "RV", {
    ees: [0.74, 0.35],
    v0: [5, 5],
    alpha: [0.028, 0.028],
    beta: [0.34, 0.34],
    tmax: 0.3,
    tau: [0.025, 0.03],
  }),
  ...chamber("la", "LA", {
    ees: [0.48, 0.48],
    v0: [10, 10],
    alpha: [0.058, 0.08],
    beta: [0.44, 0.44],
    tmax: 0.125,
    tau: [0.02, 0.02],
  }),
  ...chamber("ra", "RA", {
    ees: [0.38, 0.38],
    v0: [10, 10],
    alpha: [0.046, 0.046],
    beta: [0.44, 0.44],
    tmax: 0.125,
    tau: [0.02, 0.02],
  }),
  n(
    "avDelay_s",
    "s",
    0.05,
    0.3,
    0.16,
    0.16,
    "Atrioventricular delay at 60 bpm (scales with √period)",
    "Harvi 0.16 s [S] (reference §2.1)",
  ),
  n(
    "mr.eroa_cm2",
    "cm²",
    0,
    1.2,
    0,
    0.45,
    "Total regurgitant orifice area at the reference state (LV volume mr.refVolume_mL, closing pressure mr.dpRef_mmHg)",
    "severe ≥ 0.40 (ASE 2017); acute ischaemic MR 0.3–0.5 (reference §2.2D, §3.2) [L]",
  ),
  {
    type: "segments",
    path: "mr.segments",
    description: "Shares of the EROA at A1P1, A2P2, A3P3 (sum 1)",
    source: "after inferior MI ≈ 15/40/45 %; symmetric FMR ≈ 10/60/30 % (reference §3.3) [E]",
    defaults: {
      normal: { A1P1: 0.1, A2P2: 0.6, A3P3: 0.3 },
      "cardiogenic-shock-acute-mr": { A1P1: 0.15, A2P2: 0.4, A3P3: 0.45 },
    },
  },
  n(
    "mr.tetheringElasticity",
    "1",
    0,
    4,
    1.7,
    1.7,
    "How strongly the native regurgitant orifice follows LV size: d ln EROA / d ln LV volume at the reference state (restricted/tethered leaflet, Carpentier IIIb: 1.5-2; flail scallop, Carpentier II: ≈ 0.3)",
    "Bugała 2022 (Int J Cardiovasc Imaging 38:1113): decongestion, EROA 0.37 → 0.25 cm² with 15-20 % less LV volume (reference §3.3) → ≈ 1.7 [L]; flail: the gap is not made by tethering [E]",
  ),
  n(
    "mr.ischaemicTethering",
    "1",
    0,
    6,
    0,
    2,
    "Rise of the tethering state (relative coaptation gap) per unit loss of the ischaemic wall's perfusion-limited function: acute ischaemic MR from a bulging inferoposterior wall (0 = none, e.g. a flail leaflet)",
    "Messas 2001 (Circulation 104:1958): ischaemic MR comes from the dysfunctional wall displacing the papillary muscle and reverses with reperfusion [L]; size [E, calibrated to the Ugueto-Rodrigo 2023 wean test]",
  ),
  n(
    "mr.refVolume_mL",
    "mL",
    0,
    400,
    0,
    0,
    "LV volume of the reference state at which the orifice is mr.eroa_cm2; 0 = the patient's own operating point (found by simulation: no devices, myocardium fully supplied)",
    "derived per patient [D]; give a number (30-400) to fix it",
  ),
  n(
    "mr.kappa",
    "1",
    0,
    1,
    0.3,
    0.3,
    "Depth of the biphasic variation of the EROA within systole (closing force)",
    "κ 0.2–0.4 (Hung 1999; reference §3.3) [E]",
  ),
  n(
    "mr.dpRef_mmHg",
    "mmHg",
    0,
    200,
    0,
    0,
    "LV–LA closing pressure of the reference state; 0 = the patient's own operating point (with mr.refVolume_mL)",
    "derived per patient [D]; give a number (20-200) to fix it",
  ),
  n(
    "mv.area_cm2",
    "cm²",
    1,
    8,
    5,
    5,
    "Native diastolic mitral orifice area (anatomic)",
    "native 4–6 cm²; TEER trials required ≥ 4.0 (reference §4.2) [S/L]",
  ),
  n(
    "mv.dischargeCoefficient",
    "1",
    0.5,
    1,
    0.85,
    0.85,
    "Effective/anatomic area ratio of the mitral orifice",
    "C_d 0.8–0.9 (reference §4.2) [E]",
  ),
  n(
    "mv.commissuralLength_mm",
    "mm",
    20,
    50,
    36,
    36,
    "Length of the coaptation line, commissure to commissure",
    "34–40 mm (reference §4.2) [E]",
  ),
  n("av.area_cm2", "cm²", 0.5, 6, 3, 3, "Aortic valve effective orifice area", "normal 3–4 cm² anatomic [L]"),
  n("tv.area_cm2", "cm²", 1, 12, 6, 6, "Tricuspid valve effective orifice area", "normal 6–7 cm² [L]"),
  n("pv.area_cm2", "cm²", 0.5, 6, 3, 3, "Pulmonary valve effective orifice area", "normal ≈ 3 cm² [L]"),
  n(
    "viscosity.exponent",
    "1",
    0,
    1.5,
    0.7,
    0.7,
    "Exponent of the viscosity effect on systemic resistance",
    "γ 0.5–0.8, partial autoregulation (reference §6.2) [E]",
  ),
  {
    type: "boolean",
    path: "baroreflex.enabled",
    description: "Carotid baroreflex on",
    source: "Ursino 1998 (reference §6.1)",
    defaults: { normal: true, "cardiogenic-shock-acute-mr": true },
  },
  n(
    "baroreflex.setPoint_mmHg",
    "mmHg",
    50,
    130,
    92,
    92,
    "Baroreflex set point (carotid pressure at which the reflex adds nothing)",
    "P_n 92 mmHg, Ursino 1998 [S] (reference §6.1)",
  ),
  n(
    "baroreflex.contractilityGainScale",
    "1",
    0,
    1.5,
    1,
    0.3,
    "Scale of the reflex gain on ventricular contractility",
    "blunted in infarcted myocardium (reference §6.1) [E]",
  ),
  {
    type: "boolean",
    path: "baroreflex.controlsHeartRate",
    description:
      "Whether the reflex sets the heart rate; when false hr_bpm is the rate (observed, paced or drug-set)",
    source: "shock preset: hr_bpm is the observed rate of a sedated, ventilated patient on drugs [E]",
    defaults: { normal: true, "cardiogenic-shock-acute-mr": false },
  },
  n(
    "coronary.rMin_mmHg_s_mL",
    "mmHg·s/mL",
    1,
    40,
    2.7,
    4.2,
    "Coronary resistance at maximal vasodilation (the coronary flow reserve's limit), per mmHg of diastolic driving pressure",
    "normal: hyperaemic flow ≈ 3.5 × 250 mL/min at a mean driving pressure ≈ 40 mmHg [L, Gould 1990 flow reserve 3-4; Braunwald]; shock after MI: culprit and bystander disease [E, calibrated]",
  ),
  n("sao2_pct", "%", 50, 100, 98, 94, "Arterial O2 saturation (for O2 delivery)", "[E]"),
  n("pao2_mmHg", "mmHg", 30, 600, 95, 80, "Arterial O2 tension (for O2 delivery)", "[E]"),
  n(
    "lactate_mmol_L",
    "mmol/L",
    0,
    30,
    1,
    4,
    "Lactate (for SCAI staging; not simulated)",
    "SCAI C: ≥ 2 (clinical-formulas §3) [E]",
  ),
  n(
    "vasoactiveDrugs",
    "count",
    0,
    6,
    0,
    1,
    "Number of vasopressors/inotropes running (for SCAI staging; not simulated)",
    "[E]",
  ),
];

export const PARAM_BY_PATH: ReadonlyMap<string, ParamDef> = new Map(PARAMS.map((p) => [p.path, p]));

export type Params = Record<string, ParamValue>;

/**
 * Presets defined as a base preset plus changes: the mechanism of the MR is a patient property.
 * Partial rupture of the posteromedial papillary muscle after inferior MI (single blood supply from
 * the PDA: Nishimura, Mayo Clin Proc 1983;58:247; Bouma, Am J Cardiol 2016) leaves a flail P3/A3 scallop
 * (Carpentier II, which the Coroas Pascual report had to rule out): the gap is not made by tethering,
 * so it changes far less with unloading or reperfusion (tethering elasticity ≈ 0.3 [E], no ischaemic
 * tethering), and the jet comes from the flail segment.
 */
const DERIVED_PRESETS: Readonly<
  Record<Exclude<PresetId, BasePresetId>, { base: BasePresetId; changes: Params }>
> = {
  "cardiogenic-shock-papillary-rupture": {
    base: "cardiogenic-shock-acute-mr",
    changes: {
      "mr.tetheringElasticity": 0.3,
      "mr.ischaemicTethering": 0,
      "mr.segments": { A1P1: 0.05, A2P2: 0.25, A3P3: 0.7 },
    },
  },
};

export function presetParams(preset: PresetId): Params {
  if (!PRESET_IDS.includes(preset))
    throw new RangeError(`unknown preset ${JSON.stringify(preset)}: one of ${PRESET_IDS.join(", ")}`);
  const derived = (DERIVED_PRESETS as Record<string, { base: BasePresetId; changes: Params }>)[preset];
  const base: BasePresetId = derived ? derived.base : (preset as BasePresetId);
  const out: Params = {};
  for (const p of PARAMS) {
    const v = p.defaults[base];
    out[p.path] = typeof v === "object" ? { ...v } : v;
  }
  if (derived)
    for (const [k, v] of Object.entries(derived.changes)) out[k] = typeof v === "object" ? { ...v } : v;
  return out;
}

export const PRESETS: Readonly<Record<PresetId, { title: string; description: string }>> = {
  normal: { title: "Normal adult at rest", description: "70 kg adult, HR 70, no valve disease" },
  "cardiogenic-shock-acute-mr": {
    title: "Cardiogenic shock after inferior MI with acute severe ischaemic MR",
    description:
      "Large infarct (LV Ees 0.75 mmHg/mL), stiff non-dilated LA, EROA 0.45 cm² mostly at A2-P2/A3-P3, restricted posterior leaflet (Carpentier IIIb): the orifice follows LV size and the ischaemic wall",
  },
  "cardiogenic-shock-papillary-rupture": {
    title: "Cardiogenic shock after inferior MI with partial papillary-muscle rupture (flail scallop)",
    description:
      "The shock patient with a flail A3-P3 scallop (Carpentier II) instead of a tethered leaflet: the orifice hardly changes with unloading",
  },
};

/** A typed read of a number parameter. */
export function num(params: Params, path: string): number {
  const v = params[path];
  if (typeof v !== "number") throw new Error(`parameter ${path} is not a number`);
  return v;
}
export function bool(params: Params, path: string): boolean {
  const v = params[path];
  if (typeof v !== "boolean") throw new Error(`parameter ${path} is not a boolean`);
  return v;
}
export function shares(params: Params, path: string): SegmentShares {
  const v = params[path];
  if (typeof v !== "object") throw new Error(`parameter ${path} is not a set of segment shares`);
  return v;
}

/** Smallest explicit reference volume (mL) and closing pressure (mmHg); 0 means "derive". */
export const MIN_MR_REF_VOLUME_ML = 30;
export const MIN_MR_REF_DP_MMHG = 20;

/**
 * Problems with single values: missing, wrong type, out of range (for library callers that build
 * Params by hand; scenario files are checked earlier by the schema with the same wording).
 */
export function checkParamValues(params: Params): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const d of PARAMS) {
    const v = params[d.path];
    if (d.type === "number") {
      if (typeof v !== "number" || !Number.isFinite(v))
        out.push({ path: d.path, message: `${String(v)} is not a number (${d.unit}, ${d.min}..${d.max})` });
      else if (v < d.min || v > d.max)
        out.push({ path: d.path, message: `${v} is out of range ${d.min}..${d.max} ${d.unit}` });
      else if (d.integer && !Number.isInteger(v))
        out.push({ path: d.path, message: `${v} is not a whole number` });
    } else if (d.type === "boolean") {
      if (typeof v !== "boolean") out.push({ path: d.path, message: `${String(v)} is not true or false` });
    } else if (typeof v !== "object" || v === null || SEGMENTS.some((s) => !(v[s] >= 0 && v[s] <= 1))) {
      out.push({ path: d.path, message: "needs shares 0..1 for A1P1, A2P2 and A3P3" });
    }
  }
  return out;
}

/** Problems that span several parameters (each one is in range by itself). */
export function checkParamConsistency(params: Params): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const ref = params["mr.refVolume_mL"];
  if (typeof ref === "number" && ref !== 0 && ref < MIN_MR_REF_VOLUME_ML)
    out.push({
      path: "mr.refVolume_mL",
      message: `${ref} mL: give 0 (the patient's own operating point) or ${MIN_MR_REF_VOLUME_ML}..400 mL`,
    });
  const dpRef = params["mr.dpRef_mmHg"];
  if (typeof dpRef === "number" && dpRef !== 0 && dpRef < MIN_MR_REF_DP_MMHG)
    out.push({
      path: "mr.dpRef_mmHg",
      message: `${dpRef} mmHg: give 0 (the patient's own operating point) or ${MIN_MR_REF_DP_MMHG}..200 mmHg`,
    });
  const seg = params["mr.segments"];
  if (typeof seg === "object") {
    const sum = seg.A1P1 + seg.A2P2 + seg.A3P3;
    if (Math.abs(sum - 1) > 0.01)
      out.push({ path: "mr.segments", message: `shares sum to ${sum.toFixed(3)}, not 1` });
  }
  return out;
}
