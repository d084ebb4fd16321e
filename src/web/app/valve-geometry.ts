/**
 * Where things sit on the valve drawing (seen from the left atrium, aortic valve at the top, the
 * anterolateral commissure A1P1 on the left): mapping between offset along the coaptation line (mm)
 * and drawing coordinates. Pure functions.
 */
export const VALVE_VIEW = { width: 300, height: 190, cx: 150, cy: 92, rx: 128, ry: 74 } as const;
/** Half-length of the drawn coaptation line in drawing units. */
const HALF_LINE = 112;
/** How far the middle of the line sags below the commissures (a smile). */
const SAG = 16;

export function offsetToX(offset_mm: number, length_mm: number): number {
  return VALVE_VIEW.cx + (offset_mm / (length_mm / 2)) * HALF_LINE;
}

export function xToOffset_mm(x: number, length_mm: number): number {
  return ((x - VALVE_VIEW.cx) / HALF_LINE) * (length_mm / 2);
}

/** y of the coaptation line at drawing x. */
export function lineY(x: number): number {
  const u = (x - VALVE_VIEW.cx) / HALF_LINE;
  return VALVE_VIEW.cy + SAG * (1 - u * u);
}

/** The coaptation line as an SVG path. */
export function linePath(): string {
  const pts: string[] = [];
  for (let k = 0; k <= 40; k++) {
    const x = VALVE_VIEW.cx - HALF_LINE + (2 * HALF_LINE * k) / 40;
    pts.push(`${k === 0 ? "M" : "L"}${x.toFixed(1)},${lineY(x).toFixed(1)}`);
  }
  return pts.join(" ");
}

/** Drawing units per mm along the line. */
export const unitsPerMm = (length_mm: number): number => (2 * HALF_LINE) / length_mm;

/** The anterior leaflet's side of the line (above it), to be clipped by the annulus. */
export function anteriorPath(): string {
  const left = VALVE_VIEW.cx - VALVE_VIEW.rx - 2;
  const right = VALVE_VIEW.cx + VALVE_VIEW.rx + 2;
  const yEnd = lineY(VALVE_VIEW.cx - HALF_LINE).toFixed(1);
  return `M${left},${yEnd} ${linePath().replace(/^M/, "L")} L${right},${yEnd} L${right},0 L${left},0 Z`;
}
