/**
 * Where a clip meets the Impella (lesson a of the Ugueto-Rodrigo case: the second clip at A2-P2 was
 * hampered by the Impella 5.0 and needed "reversal maneuvers towards the atrium"; the first at A3-P3
 * was not). The pump's catheter crosses the aortic valve and runs down the LV outflow tract, which
 * lies in front of the anterior leaflet, next to the central and anterolateral scallops (A2, A1). So a
 * clip from the anterolateral commissure to the medial edge of A2-P2 (x ≤ +L/6 on the coaptation line)
 * is steered, opened and closed next to the catheter [E: zone from the case and the anatomy; not a
 * measured distance].
 */
import type { PlannedClip } from "./types.js";

/** Medial edge of the zone: the A2-P2 / A3-P3 boundary. */
export const zoneEnd_mm = (length_mm: number): number => length_mm / 6;

export function inImpellaZone(offset_mm: number, length_mm: number): boolean {
  return offset_mm <= zoneEnd_mm(length_mm) + 1e-9;
}

export function clipsInZone(clips: readonly PlannedClip[], length_mm: number): PlannedClip[] {
  return clips.filter((c) => inImpellaZone(c.offset_mm, length_mm));
}

/** What a team does when a clip has to go there with a pump in place. */
export const INTERFERENCE_ACTIONS: readonly string[] = [
  "Image the pump catheter and the clip together on TEE (LVOT long-axis and bicommissural views) before opening the arms below the leaflets.",
  "If the delivery system catches on the catheter, retract the clip into the left atrium, re-orient and re-advance (the reversal manoeuvre of the Ugueto-Rodrigo case).",
  "If haemodynamics allow, lower pump flow during grasping to judge the leaflets, keeping at least P2 while the pump is across the aortic valve.",
  "After release, check the pump position (placement signal, TEE: inlet about 3.5 cm below the annulus for 2.5/CP, 5 cm for 5.0/5.5) and that it is free of the subvalvular apparatus.",
];
