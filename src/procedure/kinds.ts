/**
 * The component kinds a Clipshock circuit is built from: importing this module registers each of
 * them with the engine (each kind's module calls register*Kind beside its code). The one place that
 * lists them; the typed spec unions for circuit building live here too, not in the engine.
 * Adding a component: one file with its registration call, one import and one union member here.
 */
import "../physiology/chamber/elastance-chamber.js";
import "../physiology/vessel/compliance.js";
import "../physiology/vessel/resistor.js";
import "../physiology/valve/orifice-valve.js";
import "../devices/impella/pump.js";
import "../physiology/control/heart-clock.js";
import "../physiology/control/baroreflex.js";
import "../physiology/coronary/coronary-bed.js";
import "../physiology/coronary/myocardial-perfusion.js";
import type { AxialPumpSpec } from "../devices/impella/pump.js";
import type { CircuitSpec } from "../engine/assemble.js";
import type { ElastanceChamberSpec } from "../physiology/chamber/elastance-chamber.js";
import type { BaroreflexSpec } from "../physiology/control/baroreflex.js";
import type { HeartClockSpec } from "../physiology/control/heart-clock.js";
import type { CoronaryBedSpec } from "../physiology/coronary/coronary-bed.js";
import type { MyocardialPerfusionSpec } from "../physiology/coronary/myocardial-perfusion.js";
import type { OrificeValveSpec } from "../physiology/valve/orifice-valve.js";
import type { ComplianceSpec } from "../physiology/vessel/compliance.js";
import type { ResistorSpec } from "../physiology/vessel/resistor.js";

export type NodeSpec = ElastanceChamberSpec | ComplianceSpec;
export type LinkSpec = ResistorSpec | OrificeValveSpec | AxialPumpSpec | CoronaryBedSpec;
export type ControlSpec = HeartClockSpec | BaroreflexSpec | MyocardialPerfusionSpec;
/** A circuit of Clipshock's kinds. */
export type ClipshockCircuit = CircuitSpec<NodeSpec, LinkSpec, ControlSpec>;
