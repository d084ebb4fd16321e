/**
 * Where a clip sits, named as a team names it: the segment pair (A1-P1, A2-P2, A3-P3: the coaptation
 * line cut in equal thirds) and the third of that segment (lateral = toward the anterolateral
 * commissure, central, medial = toward the posteromedial one), with the offset in mm as detail.
 */
import type { Segment } from "../../physiology/params.js";

export type Third = "lateral" | "central" | "medial";

export interface ClipLocation {
  segment: Segment;
  third: Third;
}

const SEGMENT_ORDER: readonly Segment[] = ["A1P1", "A2P2", "A3P3"];
const THIRDS: readonly Third[] = ["lateral", "central", "medial"];

/** Segment and third of an offset along the line (mm from the centre of A2-P2, negative anterolateral). */
export function locateClip(offset_mm: number, length_mm: number): ClipLocation {
  const u = Math.min(Math.max((offset_mm + length_mm / 2) / length_mm, 0), 1 - 1e-12); // 0..1 along the line
  // A clip exactly on a boundary belongs to A2-P2 (its edge), as a team would name it.
  const edge = Math.abs(Math.abs(offset_mm) - length_mm / 6) < 1e-9;
  const s = edge ? 1 : Math.floor(u * 3);
  const within = Math.min(Math.max(u * 3 - s, 0), 1 - 1e-12);
  // Within 1/6 of a segment's width of its centre counts as central (the middle third).
  return { segment: SEGMENT_ORDER[s], third: THIRDS[Math.min(2, Math.floor(within * 3))] };
}

/** "A2-P2" from "A2P2". */
export const segmentLabel = (s: Segment): string => `${s.slice(0, 2)}-${s.slice(2)}`;

/** "A2-P2, medial third, +4 mm" (the centre of a segment: "A2-P2, centre, 0 mm"). */
export function locationText(offset_mm: number, loc: ClipLocation): string {
  const mm = `${offset_mm > 0 ? "+" : offset_mm < 0 ? "−" : ""}${Math.abs(offset_mm)} mm`;
  return `${segmentLabel(loc.segment)}, ${loc.third} third, ${mm}`;
}
