/** Small helpers for writing HTML by hand: escaping and table rows. */

export function esc(s: string | number): string {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A table with a header row; cells are already-escaped HTML. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], cls = ""): string {
  const head = `<tr>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n");
  return `<table${cls ? ` class="${cls}"` : ""}><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

export const fixed = (x: number, d = 1): string => (Number.isFinite(x) ? x.toFixed(d) : "–");
