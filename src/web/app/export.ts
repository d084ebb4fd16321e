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

/** Waveform canvases stacked on the left, the PV canvas on the right, on white. */
export function plotsPng(waves: HTMLCanvasElement[], pv: HTMLCanvasElement | null): Promise<Blob | null> {
  const wavesW = Math.max(0, ...waves.map((c) => c.width));
  const wavesH = waves.reduce((a, c) => a + c.height, 0);
  const out = document.createElement("canvas");
  out.width = wavesW + (pv?.width ?? 0);
  out.height = Math.max(wavesH, pv?.height ?? 0);
  const ctx = out.getContext("2d");
  if (!ctx) return Promise.resolve(null);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, out.width, out.height);
  let y = 0;
  for (const c of waves) {
    ctx.drawImage(c, 0, y);
    y += c.height;
  }
  if (pv) ctx.drawImage(pv, wavesW, 0);
  return new Promise((ok) => out.toBlob(ok, "image/png"));
}
