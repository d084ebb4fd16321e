/** Downloads: files from text, and one PNG of all plots (the chart canvases stacked). */

export function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(fileName: string, text: string, type: string): void {
  download(fileName, new Blob([text], { type }));
}

export interface LabelledCanvas {
  canvas: HTMLCanvasElement;
  /** Title with unit, and the series as [label, colour]. */
  title: string;
  series: [string, string][];
}

const HEADER_PX = 26;

const FOOTER_LINE_PX = 17;

/**
 * Waveform canvases stacked on the left, each under a header with its title and coloured series
 * names (uPlot's legend is HTML, not on the canvas), the PV canvas on the right, on white; under
 * them the footer lines (what situation this is, and that it is simulated: a figure pasted into a
 * slide must not pass for a patient's recording).
 */
export function plotsPng(
  waves: LabelledCanvas[],
  pv: HTMLCanvasElement | null,
  footer: string[] = [],
): Promise<Blob | null> {
  const r = devicePixelRatio || 1;
  const head = Math.round(HEADER_PX * r);
  const line = Math.round(FOOTER_LINE_PX * r);
  const wavesW = Math.max(0, ...waves.map((w) => w.canvas.width));
  const wavesH = waves.reduce((a, w) => a + w.canvas.height + head, 0);
  const bodyH = Math.max(wavesH, pv?.height ?? 0);
  const out = document.createElement("canvas");
  out.width = wavesW + (pv?.width ?? 0);
  out.height = bodyH + (footer.length ? footer.length * line + Math.round(8 * r) : 0);
  const ctx = out.getContext("2d");
  if (!ctx) return Promise.resolve(null);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, out.width, out.height);
  let y = 0;
  ctx.textBaseline = "middle";
  for (const w of waves) {
    ctx.font = `600 ${13 * r}px system-ui, sans-serif`;
    ctx.fillStyle = "#0f2a44";
    ctx.fillText(w.title, 8 * r, y + head / 2);
    let x = 16 * r + ctx.measureText(w.title).width;
    ctx.font = `${12 * r}px system-ui, sans-serif`;
    for (const [label, color] of w.series) {
      ctx.fillStyle = color;
      ctx.fillRect(x, y + head / 2 - r, 14 * r, 3 * r);
      ctx.fillStyle = "#222";
      ctx.fillText(label, x + 18 * r, y + head / 2);
      x += 30 * r + ctx.measureText(label).width;
    }
    ctx.drawImage(w.canvas, 0, y + head);
    y += w.canvas.height + head;
  }
  if (pv) ctx.drawImage(pv, wavesW, 0);
  ctx.font = `${12 * r}px system-ui, sans-serif`;
  ctx.fillStyle = "#444";
  footer.forEach((text, i) => {
    ctx.fillText(text, 8 * r, bodyH + Math.round(4 * r) + i * line + line / 2, out.width - 16 * r);
  });
  return new Promise((ok) => out.toBlob(ok, "image/png"));
}
