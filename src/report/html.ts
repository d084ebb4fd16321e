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

/** x to d decimals; "–" for a missing number; no "-0.00". */
export function fixed(x: number, d = 1): string {
  if (!Number.isFinite(x)) return "–";
  const s = x.toFixed(d);
  return Number(s) === 0 ? (0).toFixed(d) : s;
}
