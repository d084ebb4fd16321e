/** Whether an imported file's text is not text at all (an image, a PDF…): NUL bytes or undecodable bytes. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 4096);
  if (head.includes("\u0000")) return true;
  let bad = 0;
  for (const ch of head) if (ch === "\uFFFD") bad++;
  return bad > 8 || (head.length > 0 && bad / head.length > 0.02);
}
