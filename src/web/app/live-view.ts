/**
 * The drawing loop: chunks from the worker go into one sliding window of columns; every animation
 * frame the waveform charts are given views of it (uPlot setData, no copies), and after each new
 * beat the PV loops are redrawn from the last complete beat. Counts frames for the frame-rate metric.
 */
import { type ChamberId, type ChamberRelations, type Loop, PvLoops } from "../charts/pv-loops.js";
import { lastBeat, RingColumns } from "../charts/ring.js";
import { type ChartSpec, type Marker, WaveChart } from "../charts/wave-chart.js";
import { CHUNK_CHANNELS } from "../worker/protocol.js";
import { col } from "./chart-specs.js";
import type { LabelledCanvas } from "./export.js";

/** Samples kept: 10 s at 250 Hz. */
const KEEP = 2500;
/** Seconds of waveform shown. */
export const SPAN_S = 6;
/** How far the display clock may lag the newest sample before it catches up (s). */
const MAX_LAG_S = 0.25;

const LOOP_COLUMNS: Record<ChamberId, [number, number]> = {
  lv: [col("lv.v_mL"), col("lv.p_mmHg")],
  rv: [col("rv.v_mL"), col("rv.p_mmHg")],
  la: [col("la.v_mL"), col("la.p_mmHg")],
  ra: [col("ra.v_mL"), col("ra.p_mmHg")],
};

export type LoopSet = Partial<Record<ChamberId, Loop>>;

export class LiveView {
  readonly ring = new RingColumns(CHUNK_CHANNELS.length, KEEP);
  /** Frames drawn since start, and the frame rate over the last second. */
  frames = 0;
  fps = 0;
  onFrame: (() => void) | null = null;
  private readonly charts: WaveChart[] = [];
  private pv: PvLoops | null = null;
  private relations: Partial<Record<ChamberId, ChamberRelations>> = {};
  private snapshot: LoopSet | null = null;
  private markers: Marker[] = [];
  private latestT_s = 0;
  private displayT_s = 0;
  private lastWall_ms = 0;
  private fpsWindowStart_ms = 0;
  private fpsWindowFrames = 0;
  private pvDirty = true;
  private fresh = false;
  private raf = 0;
  private readonly observers: ResizeObserver[] = [];

  addChart(parent: HTMLElement, spec: ChartSpec): WaveChart {
    const chart = new WaveChart(parent, spec, Math.max(200, parent.clientWidth));
    this.charts.push(chart);
    const ro = new ResizeObserver(() => chart.setWidth(Math.max(200, parent.clientWidth)));
    ro.observe(parent);
    this.observers.push(ro);
    return chart;
  }

  setPvCanvas(canvas: HTMLCanvasElement): void {
    const pv = new PvLoops(canvas);
    this.pv = pv;
    const parent = canvas.parentElement!;
    const ro = new ResizeObserver(() => {
      pv.resize(parent.clientWidth, parent.clientHeight);
      this.pvDirty = true;
    });
    ro.observe(parent);
    this.observers.push(ro);
  }

  get pvCanvas(): HTMLCanvasElement | null {
    return this.pv?.canvas ?? null;
  }

  /** The waveform canvases with their titles and series, for export. */
  get chartCanvases(): LabelledCanvas[] {
    return this.charts.map((c) => ({
      canvas: c.plot.ctx.canvas,
      title: `${c.spec.title} (${c.spec.unit})`,
      series: c.spec.series.map((s) => [s.label, s.color] as [string, string]),
    }));
  }

  append(columns: Float64Array[], newBeats: number): void {
    this.ring.append(columns);
    const t = columns[0];
    if (t.length) this.latestT_s = t[t.length - 1];
    if (newBeats > 0) this.pvDirty = true;
    this.fresh = true;
  }

  setRelations(r: Partial<Record<ChamberId, ChamberRelations>>): void {
    this.relations = r;
    this.pvDirty = true;
  }

  setSnapshot(loops: LoopSet | null): void {
    this.snapshot = loops;
    this.pvDirty = true;
  }

  addMarker(t_s: number, label: string): void {
    this.markers = [...this.markers.slice(-3), { t: t_s, label }];
  }

  /** Loops of the last complete beat (copies when `copy`, for a snapshot). */
  currentLoops(copy = false): LoopSet {
    const out: LoopSet = {};
    const beat = lastBeat(this.ring.view(col("heart.phase")), this.ring.length);
    if (!beat) return out;
    const [s, e] = beat;
    for (const c of Object.keys(LOOP_COLUMNS) as ChamberId[]) {
      const [vc, pc] = LOOP_COLUMNS[c];
      const v = this.ring.view(vc).subarray(s, e);
      const p = this.ring.view(pc).subarray(s, e);
      out[c] = copy ? { v: v.slice(), p: p.slice() } : { v, p };
    }
    return out;
  }

  start(): void {
    const loop = (now: number) => {
      this.raf = requestAnimationFrame(loop);
      this.frame(now);
    };
    this.raf = requestAnimationFrame(loop);
  }

  stop(): void {
    cancelAnimationFrame(this.raf);
    for (const ro of this.observers) ro.disconnect();
  }

  private frame(now_ms: number): void {
    const dt_s = this.lastWall_ms ? Math.min((now_ms - this.lastWall_ms) / 1000, 0.1) : 0;
    this.lastWall_ms = now_ms;
    this.displayT_s = Math.min(this.displayT_s + dt_s, this.latestT_s);
    if (this.displayT_s < this.latestT_s - MAX_LAG_S) this.displayT_s = this.latestT_s - MAX_LAG_S;
    if (this.ring.length > 1) {
      for (const c of this.charts) c.draw(this.ring, this.displayT_s, SPAN_S, this.markers);
    }
    if (this.pvDirty && this.pv && this.ring.length > 1) {
      this.pvDirty = false;
      this.pv.draw({ loops: this.currentLoops(), snapshot: this.snapshot, relations: this.relations });
    }
    this.frames++;
    this.fpsWindowFrames++;
    if (now_ms - this.fpsWindowStart_ms >= 1000) {
      this.fps = (this.fpsWindowFrames * 1000) / (now_ms - this.fpsWindowStart_ms);
      this.fpsWindowStart_ms = now_ms;
      this.fpsWindowFrames = 0;
    }
    if (this.fresh) {
      this.fresh = false;
      this.onFrame?.();
    }
  }
}
