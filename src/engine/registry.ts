/**
 * kind → factory and group evaluator. Adding a component is one new file and one line here; the
 * assembler has no per-kind branches. Each kind evaluates all its instances in one loop so that the
 * inner call is monomorphic (and inlined): generic when assembled, flat when it runs.
 */
import { CentrifugalPump, type CentrifugalPumpSpec } from "../devices/ecmo/centrifugal-pump.js";
import { IntraAorticBalloon, type IntraAorticBalloonSpec } from "../devices/iabp/balloon.js";
import { AxialPump, type AxialPumpSpec } from "../devices/impella/pump.js";
import { ElastanceChamber, type ElastanceChamberSpec } from "../physiology/chamber/elastance-chamber.js";
import { Baroreflex, type BaroreflexSpec } from "../physiology/control/baroreflex.js";
import { HeartClock, type HeartClockSpec } from "../physiology/control/heart-clock.js";
import { CoronaryBed, type CoronaryBedSpec } from "../physiology/coronary/coronary-bed.js";
import {
  MyocardialPerfusion,
  type MyocardialPerfusionSpec,
} from "../physiology/coronary/myocardial-perfusion.js";
import { OrificeValve, type OrificeValveSpec } from "../physiology/valve/orifice-valve.js";
import { Compliance, type ComplianceSpec } from "../physiology/vessel/compliance.js";
import { Resistor, type ResistorSpec } from "../physiology/vessel/resistor.js";
import type { ControlComponent, EvalContext, LinkComponent, NodeComponent } from "./component.js";

export type NodeSpec = ElastanceChamberSpec | ComplianceSpec;
export type LinkSpec =
  | ResistorSpec
  | OrificeValveSpec
  | AxialPumpSpec
  | CoronaryBedSpec
  | CentrifugalPumpSpec;
export type ControlSpec = HeartClockSpec | BaroreflexSpec | MyocardialPerfusionSpec | IntraAorticBalloonSpec;

export type NodeGroupEval = (items: readonly NodeComponent[], y: Float64Array, ctx: EvalContext) => void;
export type LinkGroupEval = (
  items: readonly LinkComponent[],
  y: Float64Array,
  dy: Float64Array,
  ctx: EvalContext,
) => void;

interface Kind<S, C, E> {
  create: (spec: S) => C;
  evalAll: E;
}

export const NODE_KINDS: {
  [K in NodeSpec["kind"]]: Kind<Extract<NodeSpec, { kind: K }>, NodeComponent, NodeGroupEval>;
} = {
  elastanceChamber: { create: (s) => new ElastanceChamber(s), evalAll: ElastanceChamber.evalAll },
  compliance: { create: (s) => new Compliance(s), evalAll: Compliance.evalAll },
};

export const LINK_KINDS: {
  [K in LinkSpec["kind"]]: Kind<Extract<LinkSpec, { kind: K }>, LinkComponent, LinkGroupEval>;
} = {
  resistor: { create: (s) => new Resistor(s), evalAll: Resistor.evalAll },
  orificeValve: { create: (s) => new OrificeValve(s), evalAll: OrificeValve.evalAll },
  axialPump: { create: (s) => new AxialPump(s), evalAll: AxialPump.evalAll },
  coronaryBed: { create: (s) => new CoronaryBed(s), evalAll: CoronaryBed.evalAll },
  centrifugalPump: { create: (s) => new CentrifugalPump(s), evalAll: CentrifugalPump.evalAll },
};

/** Controls are few (one of each kind); they are called directly. */
export const CONTROL_KINDS: {
  [K in ControlSpec["kind"]]: (s: Extract<ControlSpec, { kind: K }>) => ControlComponent;
} = {
  heartClock: (s) => new HeartClock(s),
  baroreflex: (s) => new Baroreflex(s),
  myocardialPerfusion: (s) => new MyocardialPerfusion(s),
  intraAorticBalloon: (s) => new IntraAorticBalloon(s),
};
