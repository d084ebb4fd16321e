/**
 * Patient parameters + devices → CircuitSpec (plain data). This is where anatomy is named; the
 * engine only sees nodes, links and controls.
 *
 *   LA ─MV→ LV ─AV→ AO ─Zc→ SA ─SVR→ SV ─Rv→ RA ─TV→ RV ─PV→ PA ─PVR→ PVn ─Rpv→ LA
 *                LV ─Impella→ AO   (when a pump is in place)
 */

import { IMPELLA_MODELS, type ImpellaModel } from "../devices/impella/models.js";
import { CLIP_DEVICES } from "../devices/mitraclip/devices.js";
import {
  checkClipPlacement,
  clipGeometry,
  type PlacedClip,
  regurgitantTable,
} from "../devices/mitraclip/geometry.js";
import { arterialO2Content_mL_dL, viscosityResistanceFactor } from "../physiology/blood/viscosity.js";
import {
  bool,
  checkParamConsistency,
  checkParamValues,
  num,
  type Params,
  SEGMENTS,
  shares,
} from "../physiology/params.js";
import type { ClipshockCircuit, LinkSpec, NodeSpec } from "./kinds.js";
import { InputError } from "./types.js";

export interface ImpellaSetting {
  model: ImpellaModel;
  pLevel?: number;
  targetFlow_L_min?: number;
}

export interface Devices {
  impella: ImpellaSetting | null;
  clips: PlacedClip[];
}

/** Unstressed volumes of the vessels (mL) [E]: ≈ 70 % of blood volume unstressed (reference §2.2C). */
export const UNSTRESSED_ML = { ao: 30, sa: 620, sv: 2500, pa: 100, pvn: 330 } as const;
/** Small fixed elements: venous resistances [S: Harvi set A, reference §2.2A]. */
const R_VENOUS = 0.015;
const R_PULMONARY_VEIN = 0.015;
/**
 * Aortic-root compliance (mL/mmHg) [E]: set A's C_ao-prox is 0.1, but with it RK4 at 4 ms goes unstable for
 * some random parameter sets of the property test; 0.15 does not, and moves the presets by < 1 %.
 */
const C_AORTIC_ROOT = 0.15;
/** Regularising leak of a competent valve (cm²) [E]. */
const CLOSED_AREA_CM2 = 0.002;
/**
 * Valve opening/closing time constants and the pressure width of the opening law [E]: leaflets
 * open and close in 20–40 ms; closing backflow of a normal mitral valve stays at 1–3 mL.
 */
const TAU_OPEN_S = 0.012;
const TAU_CLOSE_S = 0.008;
const DP_WIDTH_MMHG = 1;
const VALVE_LENGTH_CM = 1;

export function totalBloodVolume_mL(params: Params): number {
  const chambers = ["lv", "rv", "la", "ra"].reduce((a, c) => a + num(params, `${c}.v0_mL`), 0);
  const vessels = Object.values(UNSTRESSED_ML).reduce((a, b) => a + b, 0);
  return num(params, "stressedVolume_mL") + chambers + vessels;
}

export function mitralGeometry(params: Params, clips: readonly PlacedClip[]) {
  return clipGeometry(
    clips,
    num(params, "mv.area_cm2"),
    num(params, "mv.commissuralLength_mm"),
    num(params, "mr.eroa_cm2"),
    shares(params, "mr.segments"),
  );
}

/** Highest `targetFlow_L_min` accepted (L/min): above every model's labelled maximum. */
export const MAX_TARGET_FLOW_L_MIN = 6.5;

/** Device requests a library caller may get wrong (scenario files are checked earlier with the same limits). */
function checkDevices(params: Params, devices: Devices): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const imp = devices.impella;
  if (imp) {
    if (!IMPELLA_MODELS.includes(imp.model))
      out.push({
        path: "impella.model",
        message: `${String(imp.model)} is not one of ${IMPELLA_MODELS.join(", ")}`,
      });
    if (imp.pLevel !== undefined && !(Number.isInteger(imp.pLevel) && imp.pLevel >= 0 && imp.pLevel <= 9))
      out.push({ path: "impella.pLevel", message: `${imp.pLevel} is out of range 0..9` });
    if (
      imp.pLevel === undefined &&
      !(
        typeof imp.targetFlow_L_min === "number" &&
        imp.targetFlow_L_min > 0 &&
        imp.targetFlow_L_min <= MAX_TARGET_FLOW_L_MIN
      )
    )
      out.push({
        path: "impella.targetFlow_L_min",
        message: `${String(imp.targetFlow_L_min)}: give pLevel 0..9 or a flow target above 0 up to ${MAX_TARGET_FLOW_L_MIN} L/min`,
      });
  }
  devices.clips.forEach((c, i) => {
    if (!CLIP_DEVICES.includes(c.device))
      out.push({
        path: `clips[${i}].device`,
        message: `${String(c.device)} is not one of ${CLIP_DEVICES.join(", ")}`,
      });
  });
  for (const p of checkClipPlacement(devices.clips, num(params, "mv.commissuralLength_mm")))
    out.push({ path: `clips[${p.index}].offset_mm`, message: p.message });
  return out;
}

export interface CircuitOptions {
  /** Hold the LV's perfusion-limited function at 1 (the fully supplied heart; reference runs). */
  frozenMyocardium?: boolean;
  /** Hold the regurgitant orifice at its stated size (reference runs). */
  mitralAtReference?: boolean;
}

export function buildCircuit(
  params: Params,
  devices: Devices,
  options: CircuitOptions = {},
): ClipshockCircuit {
  const values = checkParamValues(params);
  const problems = values.length
    ? values
    : [...checkParamConsistency(params), ...checkDevices(params, devices)];
  if (problems.length) throw new InputError(problems);
  const chamberSpec = (name: string, delay: number, signal?: string): NodeSpec => ({
    kind: "elastanceChamber",
    name,
    ees_mmHg_mL: num(params, `${name}.ees_mmHg_mL`),
    v0_mL: num(params, `${name}.v0_mL`),
    alpha_per_mL: num(params, `${name}.alpha_per_mL`),
    beta_mmHg: num(params, `${name}.beta_mmHg`),
    tmax_s: num(params, `${name}.tmax_s`),
    tau_s: num(params, `${name}.tau_s`),
    delay_s: delay,
    contractilitySignal: signal,
  });
  const reflexOn = bool(params, "baroreflex.enabled");
  const avDelay = num(params, "avDelay_s");
  const nodes: NodeSpec[] = [
    chamberSpec("la", 0),
    chamberSpec("lv", avDelay, "lv.contractilityScale"),
    { kind: "compliance", name: "ao", compliance_mL_mmHg: C_AORTIC_ROOT, unstressed_mL: UNSTRESSED_ML.ao },
    {
      kind: "compliance",
      name: "sa",
      compliance_mL_mmHg: num(params, "cSa_mL_mmHg"),
      unstressed_mL: UNSTRESSED_ML.sa,
    },
    {
      kind: "compliance",
      name: "sv",
      compliance_mL_mmHg: num(params, "cSv_mL_mmHg"),
      unstressed_mL: UNSTRESSED_ML.sv,
      unstressedSignal: "reflex.vuOffset_mL",
    },
    chamberSpec("ra", 0),
    chamberSpec("rv", avDelay, "reflex.eRvScale"),
    {
      kind: "compliance",
      name: "pa",
      compliance_mL_mmHg: num(params, "cPa_mL_mmHg"),
      unstressed_mL: UNSTRESSED_ML.pa,
    },
    {
      kind: "compliance",
      name: "pvn",
      compliance_mL_mmHg: num(params, "cPv_mL_mmHg"),
      unstressed_mL: UNSTRESSED_ML.pvn,
    },
  ];
  const geo = mitralGeometry(params, devices.clips);
  const eroaStatic = SEGMENTS.reduce((a, s) => a + geo.eroaBySegment_cm2[s], 0);
  const valve = (name: string, from: string, to: string, area: number): LinkSpec => ({
    kind: "orificeValve",
    name,
    from,
    to,
    openArea_cm2: area,
    closedArea_cm2: CLOSED_AREA_CM2,
    length_cm: VALVE_LENGTH_CM,
    tauOpen_s: TAU_OPEN_S,
    tauClose_s: TAU_CLOSE_S,
    dpWidth_mmHg: DP_WIDTH_MMHG,
  });
  const mv = valve("mv", "la", "lv", geo.openArea_cm2 * num(params, "mv.dischargeCoefficient"));
  if (mv.kind === "orificeValve" && eroaStatic > 0) {
    const refVolume = num(params, "mr.refVolume_mL");
    const dpRef = num(params, "mr.dpRef_mmHg");
    if (!(refVolume > 0 && dpRef > 0))
      throw new InputError([
        {
          path: "mr.refVolume_mL",
          message: "the reference state is not resolved: call resolveMitralReference(params) first",
        },
      ]);
    const table = regurgitantTable(
      devices.clips,
      num(params, "mv.commissuralLength_mm"),
      num(params, "mr.eroa_cm2"),
      shares(params, "mr.segments"),
    );
    mv.regurgitation = {
      table: Array.from(table.total),
      du: table.du,
      volumeNode: "lv",
      refVolume_mL: refVolume,
      tetheringElasticity: num(params, "mr.tetheringElasticity"),
      ischaemicTethering: num(params, "mr.ischaemicTethering"),
      wallFunctionSignal: "lv.regionalFunction",
      kappa: num(params, "mr.kappa"),
      dpRef_mmHg: dpRef,
      fixedAtReference: options.mitralAtReference === true,
    };
  }
  const rSys =
    num(params, "svr_mmHg_s_mL") *
    viscosityResistanceFactor(num(params, "hb_g_dL"), num(params, "viscosity.exponent"));
  const links: LinkSpec[] = [
    mv,
    valve("av", "lv", "ao", num(params, "av.area_cm2")),
    { kind: "resistor", name: "zc", from: "ao", to: "sa", resistance_mmHg_s_mL: num(params, "zc_mmHg_s_mL") },
    {
      kind: "resistor",
      name: "svr",
      from: "sa",
      to: "sv",
      resistance_mmHg_s_mL: rSys,
      scaleSignal: "reflex.rScale",
    },
    { kind: "resistor", name: "rven", from: "sv", to: "ra", resistance_mmHg_s_mL: R_VENOUS },
    valve("tv", "ra", "rv", num(params, "tv.area_cm2")),
    valve("pv", "rv", "pa", num(params, "pv.area_cm2")),
    {
      kind: "resistor",
      name: "pvr",
      from: "pa",
      to: "pvn",
      resistance_mmHg_s_mL: num(params, "pvr_mmHg_s_mL"),
    },
    { kind: "resistor", name: "rpv", from: "pvn", to: "la", resistance_mmHg_s_mL: R_PULMONARY_VEIN },
    {
      kind: "coronaryBed",
      name: "coronary",
      from: "ao",
      to: "ra",
      compressionNode: "lv",
      conductanceSignal: "coronary.conductance_mL_s_mmHg",
    },
  ];
  if (devices.impella) {
    links.push({
      kind: "axialPump",
      name: "impella",
      from: "lv",
      to: "ao",
      model: devices.impella.model,
      pLevel: devices.impella.pLevel,
      targetFlow_L_min: devices.impella.targetFlow_L_min,
    });
  }
  return {
    nodes,
    links,
    // The reflex writes the period offset the clock reads, so it is evaluated first; the myocardium
    // multiplies the reflex's contractility scale, so it comes after it.
    controls: [
      {
        kind: "baroreflex",
        name: "reflex",
        sensedNode: "ao",
        setPoint_mmHg: num(params, "baroreflex.setPoint_mmHg"),
        contractilityGainScale: num(params, "baroreflex.contractilityGainScale"),
        controlsHeartRate: bool(params, "baroreflex.controlsHeartRate"),
        gain: reflexOn ? 1 : 0,
      },
      {
        kind: "myocardialPerfusion",
        name: "myocardium",
        coronaryLink: "coronary",
        ventricle: "lv",
        gMax_mL_s_mmHg: 1 / num(params, "coronary.rMin_mmHg_s_mL"),
        cao2_mL_mL:
          arterialO2Content_mL_dL(
            num(params, "hb_g_dL"),
            num(params, "sao2_pct") / 100,
            num(params, "pao2_mmHg"),
          ) / 100,
        contractilityInSignal: "reflex.eLvScale",
        contractilityOutSignal: "lv.contractilityScale",
        conductanceSignal: "coronary.conductance_mL_s_mmHg",
        functionSignal: "lv.regionalFunction",
        frozen: options.frozenMyocardium === true,
      },
      {
        kind: "heartClock",
        name: "heart",
        hr_bpm: num(params, "hr_bpm"),
        periodOffsetSignal: "reflex.periodOffset_s",
      },
    ],
    totalVolume_mL: totalBloodVolume_mL(params),
  };
}
