/**
 * Inline SVG charts of the plan report (no scripts, no external files): grouped bars, a signed bar
 * chart for contributions, PV loops, and the coaptation line with clips.
 */
import { esc, fixed } from "./html.js";

const W = 520;
const COLORS = ["#1f5fa8", "#d9822b", "#7a7a7a", "#2e8b57", "#a83232"];

export interface BarGroup {
  label: string;
  values: number[];
}

/** Grouped vertical bars: one group per label, one bar per series. */
export function groupedBars(
  title: string,
  series: readonly string[],
  groups: readonly BarGroup[],
  unit: string,
): string {
  const H = 220;
  const top = 30;
  const bottom = 40;
  const left = 44;
  const max = Math.max(1e-9, ...groups.flatMap((g) => g.values.filter(Number.isFinite)));
  const gw = (W - left - 10) / Math.max(1, groups.length);
  const bw = (gw * 0.7) / Math.max(1, series.length);
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const parts: string[] = [];
  groups.forEach((g, i) => {
    g.values.forEach((v, j) => {
      if (!Number.isFinite(v)) return;
      const x = left + i * gw + gw * 0.15 + j * bw;
      parts.push(
        `<rect x="${fixed(x)}" y="${fixed(y(v))}" width="${fixed(bw - 2)}" height="${fixed(y(0) - y(v))}" fill="${COLORS[j % COLORS.length]}"><title>${esc(series[j])}: ${fixed(v, 2)} ${esc(unit)}</title></rect>`,
        `<text x="${fixed(x + bw / 2)}" y="${fixed(y(v) - 3)}" font-size="9" text-anchor="middle">${fixed(v, 1)}</text>`,
      );
    });
    parts.push(
      `<text x="${fixed(left + i * gw + gw / 2)}" y="${H - bottom + 14}" font-size="10" text-anchor="middle">${esc(g.label)}</text>`,
    );
  });
  const legend = series
    .map(
      (s, j) =>
        `<rect x="${left + j * 150}" y="${H - 14}" width="10" height="10" fill="${COLORS[j % COLORS.length]}"/><text x="${left + j * 150 + 14}" y="${H - 5}" font-size="10">${esc(s)}</text>`,
    )
    .join("");
  return svg(
    H,
    title,
    `<line x1="${left}" y1="${y(0)}" x2="${W - 10}" y2="${y(0)}" stroke="#333"/>${parts.join("")}${legend}<text x="4" y="${top - 8}" font-size="10">${esc(unit)}</text>`,
  );
}

/** Horizontal signed bars (e.g. mmHg contributed by each factor). */
export function signedBars(
  title: string,
  items: readonly { label: string; value: number }[],
  unit: string,
): string {
  const rowH = 26;
  const H = 30 + rowH * items.length + 10;
  const left = 110;
  const span = Math.max(1e-9, ...items.map((i) => Math.abs(i.value)));
  const mid = left + (W - left - 20) / 2;
  const scale = (W - left - 150) / 2 / span; // room for the value labels
  const rows = items
    .map((it, i) => {
      const yy = 30 + i * rowH;
      const x0 = it.value >= 0 ? mid : mid + it.value * scale;
      const w = Math.abs(it.value) * scale;
      return `<text x="4" y="${yy + 14}" font-size="11">${esc(it.label)}</text><rect x="${fixed(x0)}" y="${yy}" width="${fixed(Math.max(w, 0.5))}" height="18" fill="${it.value >= 0 ? COLORS[1] : COLORS[0]}"/><text x="${fixed(it.value >= 0 ? x0 + w + 4 : x0 - 4)}" y="${yy + 13}" font-size="10" text-anchor="${it.value >= 0 ? "start" : "end"}">${it.value >= 0 ? "+" : ""}${fixed(it.value, 2)} ${esc(unit)}</text>`;
    })
    .join("");
  return svg(H, title, `<line x1="${mid}" y1="22" x2="${mid}" y2="${H - 8}" stroke="#333"/>${rows}`);
}

export interface Loop {
  label: string;
  p_mmHg: number[];
  v_mL: number[];
}

/** Pressure-volume loops on shared axes. */
export function pvLoops(title: string, loops: readonly Loop[]): string {
  const H = 260;
  const left = 44;
  const bottom = 36;
  const vs = loops.flatMap((l) => l.v_mL);
  const ps = loops.flatMap((l) => l.p_mmHg);
  if (vs.length === 0) return "";
  const [v0, v1] = [Math.min(...vs), Math.max(...vs)];
  const p1 = Math.max(...ps);
  const x = (v: number) => left + ((v - v0) / Math.max(1e-9, v1 - v0)) * (W - left - 20);
  const y = (p: number) => 20 + (H - 20 - bottom) * (1 - Math.max(0, p) / Math.max(1e-9, p1));
  const paths = loops
    .map((l, j) => {
      const d = l.v_mL.map((v, i) => `${i ? "L" : "M"}${fixed(x(v))},${fixed(y(l.p_mmHg[i]))}`).join("");
      return `<path d="${d}Z" fill="none" stroke="${COLORS[j % COLORS.length]}" stroke-width="1.5"/><text x="${left + j * 160}" y="${H - 4}" font-size="10" fill="${COLORS[j % COLORS.length]}">${esc(l.label)}</text>`;
    })
    .join("");
  const axes = `<line x1="${left}" y1="${y(0)}" x2="${W - 10}" y2="${y(0)}" stroke="#333"/><line x1="${left}" y1="14" x2="${left}" y2="${y(0)}" stroke="#333"/><text x="${left}" y="${y(0) + 14}" font-size="9">${fixed(v0, 0)} mL</text><text x="${W - 60}" y="${y(0) + 14}" font-size="9">${fixed(v1, 0)} mL</text><text x="2" y="22" font-size="9">${fixed(p1, 0)} mmHg</text>`;
  return svg(H, title, axes + paths);
}

export interface LineClip {
  offset_mm: number;
  width_mm: number;
  label: string;
  kind: "existing" | "planned";
}

/** The coaptation line from the anterolateral (left) to the posteromedial (right) commissure. */
export function coaptationLine(
  title: string,
  length_mm: number,
  clips: readonly LineClip[],
  zoneEnd_mm?: number,
): string {
  const H = 90;
  const left = 20;
  const x = (mm: number) => left + ((mm + length_mm / 2) / length_mm) * (W - 2 * left);
  const seg = [-length_mm / 3, 0, length_mm / 3]
    .map(
      (c, i) =>
        `<text x="${fixed(x(c))}" y="20" font-size="10" text-anchor="middle">${["A1-P1", "A2-P2", "A3-P3"][i]}</text>`,
    )
    .join("");
  const zone =
    zoneEnd_mm === undefined
      ? ""
      : `<rect x="${x(-length_mm / 2)}" y="28" width="${fixed(x(zoneEnd_mm) - x(-length_mm / 2))}" height="34" fill="#f3d9d9"><title>Impella catheter zone</title></rect><text x="${x(-length_mm / 2) + 2}" y="86" font-size="9" fill="#a83232">Impella catheter zone</text>`;
  const marks = clips
    .map((c) => {
      const w = x(c.width_mm / 2) - x(0);
      return `<rect x="${fixed(x(c.offset_mm) - w)}" y="36" width="${fixed(2 * w)}" height="18" fill="${c.kind === "existing" ? "#555" : COLORS[0]}"><title>${esc(c.label)}</title></rect><text x="${fixed(x(c.offset_mm))}" y="${c.kind === "existing" ? 72 : 32}" font-size="9" text-anchor="middle">${esc(c.label)}</text>`;
    })
    .join("");
  return svg(
    H,
    title,
    `${zone}<line x1="${x(-length_mm / 2)}" y1="45" x2="${x(length_mm / 2)}" y2="45" stroke="#333" stroke-width="2"/>${seg}${marks}`,
  );
}

function svg(h: number, title: string, body: string): string {
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${body}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}
