/**
 * Pressure-volume loops of the four chambers on one canvas (LV large, RV/LA/RA small), each with
 * its end-systolic relation P = Ees·(V − V0) and end-diastolic relation P = β·(e^{α(V − V0)} − 1)
 * from the chamber's parameters, and an optional snapshot loop overlaid (dashed).
 */
import { niceStep, StableRange } from "./nice.js";

export interface Loop {
  v: ArrayLike<number>;
  p: ArrayLike<number>;
}

export interface ChamberRelations {
  ees: number;
  v0: number;
  alpha: number;
  beta: number;
}

export type ChamberId = "lv" | "rv" | "la" | "ra";
export const CHAMBERS: readonly ChamberId[] = ["lv", "rv", "la", "ra"];
const NAMES: Record<ChamberId, string> = { lv: "LV", rv: "RV", la: "LA", ra: "RA" };
const FLOOR: Record<ChamberId, { v: [number, number]; p: [number, number] }> = {
  lv: { v: [0, 150], p: [0, 100] },
  rv: { v: [0, 150], p: [0, 30] },
  la: { v: [0, 80], p: [0, 20] },
  ra: { v: [0, 80], p: [0, 10] },
};

export interface PvFrame {
  loops: Partial<Record<ChamberId, Loop>>;
  snapshot: Partial<Record<ChamberId, Loop>> | null;
  relations: Partial<Record<ChamberId, ChamberRelations>>;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class PvLoops {
  readonly canvas: HTMLCanvasElement;
  private readonly ranges = new Map<ChamberId, { v: StableRange; p: StableRange }>();

  constructor(canvas: HTMLCanvasElement) {
    this.canvas = canvas;
    for (const c of CHAMBERS)
      this.ranges.set(c, { v: new StableRange(FLOOR[c].v), p: new StableRange(FLOOR[c].p) });
  }

  /** Sizes the backing store to the element's CSS size times the pixel ratio. */
  resize(width: number, height: number): void {
    const r = devicePixelRatio || 1;
    this.canvas.width = Math.round(width * r);
    this.canvas.height = Math.round(height * r);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
  }

  draw(frame: PvFrame): void {
    const ctx = this.canvas.getContext("2d");
    if (!ctx) return;
    const r = devicePixelRatio || 1;
    const W = this.canvas.width / r;
    const H = this.canvas.height / r;
    ctx.setTransform(r, 0, 0, r, 0, 0);
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, W, H);
    const big = Math.round(W * 0.64);
    const smallH = H / 3;
    this.panel(ctx, "lv", { x: 0, y: 0, w: big, h: H }, frame, true);
    (["rv", "la", "ra"] as const).forEach((c, i) => {
      this.panel(ctx, c, { x: big + 4, y: i * smallH, w: W - big - 4, h: smallH }, frame, false);
    });
  }

  private panel(ctx: CanvasRenderingContext2D, c: ChamberId, box: Box, f: PvFrame, large: boolean): void {
    const loop = f.loops[c];
    const snap = f.snapshot?.[c];
    let vMax = 0;
    let pMax = 0;
    for (const l of [loop, snap]) {
      if (!l) continue;
      for (let i = 0; i < l.v.length; i++) {
        if (l.v[i] > vMax) vMax = l.v[i];
        if (l.p[i] > pMax) pMax = l.p[i];
      }
    }
    const rg = this.ranges.get(c)!;
    const [v0, v1] = rg.v.update(0, vMax * 1.08);
    const [p0, p1] = rg.p.update(0, pMax * 1.1);
    const padL = large ? 42 : 30;
    const padB = large ? 30 : 20;
    const padT = large ? 44 : 18;
    const font = large ? 12 : 10;
    ctx.font = `${font}px system-ui, sans-serif`;
    // Room on the right for half of the last volume label ("100" was cut off at the canvas edge).
    const padR = Math.max(6, Math.ceil(ctx.measureText(String(Math.round(v1))).width / 2) + 2);
    const plot: Box = { x: box.x + padL, y: box.y + padT, w: box.w - padL - padR, h: box.h - padT - padB };
    const X = (v: number) => plot.x + ((v - v0) / (v1 - v0)) * plot.w;
    const Y = (p: number) => plot.y + plot.h - ((p - p0) / (p1 - p0)) * plot.h;

    ctx.save();
    ctx.font = `${font}px system-ui, sans-serif`;
    ctx.strokeStyle = "#e3e3e3";
    ctx.fillStyle = "#555";
    ctx.lineWidth = 1;
    ctx.textAlign = "center";
    const vs = niceStep(v1 - v0, large ? 5 : 3);
    // A label that would touch the one before it is left out (its grid line stays): on a narrow
    // panel "100120140160" ran together.
    let lastRight = Number.NEGATIVE_INFINITY;
    for (let v = v0; v <= v1 + 1e-9; v += vs) {
      ctx.beginPath();
      ctx.moveTo(X(v), plot.y);
      ctx.lineTo(X(v), plot.y + plot.h);
      ctx.stroke();
      const text = String(Math.round(v));
      const half = ctx.measureText(text).width / 2;
      if (X(v) - half < lastRight + 4) continue;
      ctx.fillText(text, X(v), plot.y + plot.h + font + 2);
      lastRight = X(v) + half;
    }
    ctx.textAlign = "right";
    const ps = niceStep(p1 - p0, large ? 5 : 3);
    for (let p = p0; p <= p1 + 1e-9; p += ps) {
      ctx.beginPath();
      ctx.moveTo(plot.x, Y(p));
      ctx.lineTo(plot.x + plot.w, Y(p));
      ctx.stroke();
      ctx.fillText(String(Math.round(p)), plot.x - 3, Y(p) + font / 3);
    }
    ctx.textAlign = "left";
    ctx.fillStyle = "#222";
    ctx.font = `600 ${font + 1}px system-ui, sans-serif`;
    ctx.fillText(`${NAMES[c]}${large ? " P–V loop · mmHg vs mL" : ""}`, box.x + 4, box.y + font + 1);

    ctx.beginPath();
    ctx.rect(plot.x, plot.y, plot.w, plot.h);
    ctx.clip();
    const rel = f.relations[c];
    if (rel) {
      // ESPVR
      ctx.strokeStyle = "#c2410c";
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 1.2;
      ctx.beginPath();
      ctx.moveTo(X(rel.v0), Y(0));
      ctx.lineTo(X(v1), Y(rel.ees * (v1 - rel.v0)));
      ctx.stroke();
      // EDPVR
      ctx.strokeStyle = "#0369a1";
      ctx.beginPath();
      for (let k = 0; k <= 60; k++) {
        const v = rel.v0 + ((v1 - rel.v0) * k) / 60;
        const p = rel.beta * (Math.exp(rel.alpha * (v - rel.v0)) - 1);
        if (k === 0) ctx.moveTo(X(v), Y(p));
        else ctx.lineTo(X(v), Y(p));
      }
      ctx.stroke();
      ctx.setLineDash([]);
    }
    const trace = (l: Loop, color: string, width: number, dash: number[]) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.setLineDash(dash);
      ctx.beginPath();
      for (let i = 0; i < l.v.length; i++) {
        if (i === 0) ctx.moveTo(X(l.v[i]), Y(l.p[i]));
        else ctx.lineTo(X(l.v[i]), Y(l.p[i]));
      }
      ctx.stroke();
    };
    if (snap) trace(snap, "#9ca3af", large ? 2 : 1.5, [5, 3]);
    if (loop) trace(loop, "#111827", large ? 2.2 : 1.6, []);
    ctx.restore();
    if (large) {
      ctx.save();
      ctx.font = "10.5px system-ui, sans-serif";
      const items: [string, string, number[]][] = [
        ["loop", "#111827", []],
        ["ESPVR", "#c2410c", [6, 4]],
        ["EDPVR", "#0369a1", [6, 4]],
      ];
      if (snap) items.push(["snapshot", "#9ca3af", [5, 3]]);
      const x0 = box.x + 8;
      let x = x0;
      let y = box.y + 26;
      for (const [label, color, dash] of items) {
        const w = 24 + ctx.measureText(label).width;
        if (x + w > box.x + box.w && x > x0) {
          x = x0;
          y += 14;
        }
        ctx.strokeStyle = color;
        ctx.setLineDash(dash);
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(x + 14, y);
        ctx.stroke();
        ctx.fillStyle = "#333";
        ctx.fillText(label, x + 17, y + 4);
        x += w;
      }
      ctx.restore();
    }
  }
}
