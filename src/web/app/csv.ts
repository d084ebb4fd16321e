/** Waveforms as CSV: a header of channel names, one row per sample, 6 significant digits. */

const cell = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : "");

export function waveformCsv(
  names: readonly string[],
  columns: readonly ArrayLike<number>[],
  length: number,
): string {
  const lines: string[] = [names.join(",")];
  for (let i = 0; i < length; i++) {
    const row: string[] = [];
    for (let c = 0; c < columns.length; c++) row.push(cell(columns[c][i]));
    lines.push(row.join(","));
  }
  return `${lines.join("\n")}\n`;
}
