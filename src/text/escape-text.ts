/**
 * User text (keys, step names, ids) made safe to print on one terminal line or in a report: control
 * characters (C0, DEL, C1: ESC sequences, newlines), line separators and bidirectional overrides are
 * written as `\u001b`-style escapes, so a file cannot move the cursor, recolour the terminal, split one
 * problem over two lines or reorder what is shown (issue 12, item 6). Isomorphic.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u061c\u200e\u200f]/g;

const hex4 = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

export function escapeText(text: string): string {
  return text.replace(UNSAFE, hex4);
}

/** A multi-line text with each line escaped (its line breaks kept): for tables and reports on a terminal. */
export function escapeLines(text: string): string {
  return text.split("\n").map(escapeText).join("\n");
}
