/**
 * A value as JSON, cut to `max` characters, for one-line messages. Unlike JSON.stringify it never walks
 * deeper than a few levels nor further than it prints, so a value nested 5000 deep or a list of a million
 * items costs nothing (issue 12, item 3). Strings are JSON-quoted, which escapes control characters.
 */
const MAX_LEVELS = 4;

function write(v: unknown, level: number, out: string[], budget: { left: number }): void {
  if (budget.left <= 0) return;
  const put = (s: string) => {
    out.push(s);
    budget.left -= s.length;
  };
  if (v === null || typeof v === "boolean" || typeof v === "number") put(String(v));
  else if (typeof v === "string") put(JSON.stringify(v.length > 200 ? v.slice(0, 200) : v));
  else if (typeof v !== "object") put(String(v));
  else if (level >= MAX_LEVELS) put(Array.isArray(v) ? "[...]" : "{...}");
  else if (Array.isArray(v)) {
    put("[");
    for (let i = 0; i < v.length && budget.left > 0; i++) {
      if (i > 0) put(",");
      write(v[i], level + 1, out, budget);
    }
    put("]");
  } else {
    put("{");
    let first = true;
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      if (budget.left <= 0) break;
      if (!first) put(",");
      first = false;
      put(`${JSON.stringify(k.length > 200 ? k.slice(0, 200) : k)}:`);
      write((v as Record<string, unknown>)[k], level + 1, out, budget);
    }
    put("}");
  }
}

export function briefJson(v: unknown, max = 40): string {
  const out: string[] = [];
  write(v, 0, out, { left: max + 1 });
  const s = out.join("");
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}
