/**
 * A scrolling waveform chart (uPlot): series are columns of the live window; the x range follows the
 * display clock, y ranges are stable nice ranges, and markers show where a change took effect.
 */
import uPlot from "uplot";
import { StableRange } from "./nice.js";
import type { RingColumns } from "./ring.js";

export interface SeriesSpec {
  label: string;
  column: number;
  color: string;
  /** Fill between the trace and zero (Doppler-like envelopes). */
  fill?: string;
  width?: number;
}

export interface ChartSpec {
  title: string;
  unit: string;
  series: SeriesSpec[];
  height: number;
  /** Smallest y range always shown. */
  floor: [number, number];
}

export interface Marker {
  t: number;
  label: string;
}

export class WaveChart {
  readonly plot: uPlot;
  readonly spec: ChartSpec;
  private xMin = 0;
  private xMax = 5;
  private readonly y: StableRange;
  private markers: readonly Marker[] = [];
  /** uPlot's columns: views into the ring, refreshed only when the ring changed. */
  private readonly data: Float64Array[];
  private seenVersion = -1;

  constructor(parent: HTMLElement, spec: ChartSpec, width: number) {
    this.spec = spec;
    this.y = new StableRange(spec.floor);
    const opts: uPlot.Options = {
      width,
      height: spec.height,
      pxAlign: 0,
      cursor: { show: false },
      legend: { show: true, live: false },
      scales: {
        x: { time: false, auto: false, range: () => [this.xMin, this.xMax] },
        y: { auto: true, range: (_u, lo, hi) => this.y.update(lo, hi) },
      },
      axes: [
        {
          size: 28,
          space: 60,
          values: (_u, vals) => vals.map((v) => `${Number(v.toFixed(1))} s`),
          stroke: "#444",
          grid: { stroke: "#e6e6e6" },
        },
        { size: 44, space: 22, label: spec.unit, labelSize: 14, stroke: "#444", grid: { stroke: "#e6e6e6" } },
      ],
      series: [
        { label: "t" },
        ...spec.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: s.width ?? 1.5,
          ...(s.fill ? { fill: s.fill, fillTo: 0 } : {}),
          points: { show: false },
        })),
      ],
      hooks: { draw: [(u: uPlot) => this.drawMarkers(u)] },
    };
    this.data = [new Float64Array(0), ...spec.series.map(() => new Float64Array(0))];
    this.plot = new uPlot(opts, this.data as unknown as uPlot.AlignedData, parent);
  }

  setWidth(width: number): void {
    this.plot.setSize({ width, height: this.spec.height });
  }

  /**
   * Draws the window [xMax − span, xMax] of the ring: new samples are handed to uPlot as views (no
   * copies); between chunks only the x scale moves.
   */
  draw(ring: RingColumns, xMax: number, span: number, markers: readonly Marker[]): void {
    this.xMax = xMax;
    this.xMin = xMax - span;
    this.markers = markers;
    if (ring.version !== this.seenVersion) {
      this.seenVersion = ring.version;
      this.data[0] = ring.view(0);
      for (let i = 0; i < this.spec.series.length; i++)
        this.data[i + 1] = ring.view(this.spec.series[i].column);
      this.plot.setData(this.data as unknown as uPlot.AlignedData, true);
    } else {
      this.plot.setScale("x", { min: this.xMin, max: this.xMax });
    }
  }

  private drawMarkers(u: uPlot): void {
    if (!this.markers.length) return;
    const ctx = u.ctx;
    const top = u.bbox.top;
    const bottom = u.bbox.top + u.bbox.height;
    const right = u.bbox.left + u.bbox.width;
    const dpr = devicePixelRatio;
    ctx.save();
    ctx.strokeStyle = "#7a5af8";
    ctx.fillStyle = "#5b3fd6";
    ctx.setLineDash([4, 3]);
    ctx.textAlign = "left";
    ctx.textBaseline = "alphabetic";
    ctx.lineWidth = Math.max(1, dpr);
    ctx.font = `${11 * dpr}px system-ui, sans-serif`;
    const shown = this.markers
      .filter((m) => m.t >= this.xMin && m.t <= this.xMax)
      .map((m) => ({ x: Math.round(u.valToPos(m.t, "x", true)), label: m.label }));
    for (const m of shown) {
      ctx.beginPath();
      ctx.moveTo(m.x, top);
      ctx.lineTo(m.x, bottom);
      ctx.stroke();
    }
    const placed = layoutMarkerLabels(shown, right, 3 * dpr, (t) => ctx.measureText(t).width);
    ctx.fillStyle = "rgba(255,255,255,0.85)";
    for (const p of placed) {
      const y = top + (11 + 13 * p.row) * dpr;
      ctx.fillRect(p.x - 1, y - 10 * dpr, p.width + 2, 13 * dpr);
    }
    ctx.fillStyle = "#5b3fd6";
    for (const p of placed) ctx.fillText(p.text, p.x, top + (11 + 13 * p.row) * dpr);
    ctx.restore();
  }
}

export interface PlacedLabel {
  text: string;
  x: number;
  width: number;
  row: number;
}

/**
 * Places marker labels so that none overlaps another or runs past the plot's right edge: each label
 * starts just right of its line, in the first of `rows` rows where it fits whole (else the row with the
 * most room, shortened with an ellipsis); a newer marker wins over older ones when there is no room for both
 * (markers are oldest first), and a label with no room at all is left out (its line stays).
 */
export function layoutMarkerLabels(
  markers: readonly { x: number; label: string }[],
  right: number,
  pad: number,
  measure: (text: string) => number,
  rows = 2,
): PlacedLabel[] {
  const taken: { from: number; to: number }[][] = Array.from({ length: rows }, () => []);
  const out: PlacedLabel[] = [];
  const minWidth = measure("…") * 3;
  for (let i = markers.length - 1; i >= 0; i--) {
    const x = markers[i].x + pad;
    const full = measure(markers[i].label);
    // Room in each row: up to the plot edge or the next label already placed there.
    const rooms = taken.map((row) =>
      row.some((r) => r.from <= x && x < r.to + pad)
        ? 0
        : Math.min(right, ...row.filter((r) => r.from >= x).map((r) => r.from - pad)) - x,
    );
    // The first row where the whole label fits, else the row with the most room.
    let row = rooms.findIndex((r) => r >= full);
    if (row < 0) row = rooms.indexOf(Math.max(...rooms));
    if (rooms[row] < minWidth) continue;
    const text = fitText(markers[i].label, rooms[row], measure);
    const width = measure(text);
    taken[row].push({ from: x, to: x + width });
    out.push({ text, x, width, row });
  }
  return out.reverse();
}

/** `text`, or as much of it as fits in `room` followed by an ellipsis. */
export function fitText(text: string, room: number, measure: (t: string) => number): string {
  if (measure(text) <= room) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid)}…`) <= room) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}
