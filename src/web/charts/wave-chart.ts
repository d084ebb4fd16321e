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
    ctx.save();
    ctx.strokeStyle = "#7a5af8";
    ctx.fillStyle = "#5b3fd6";
    ctx.setLineDash([4, 3]);
    ctx.textAlign = "left";
    ctx.textBaseline = "alphabetic";
    ctx.lineWidth = Math.max(1, devicePixelRatio);
    ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
    for (const m of this.markers) {
      if (m.t < this.xMin || m.t > this.xMax) continue;
      const x = Math.round(u.valToPos(m.t, "x", true));
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.fillText(m.label, x + 3 * devicePixelRatio, top + 11 * devicePixelRatio);
    }
    ctx.restore();
  }
}
