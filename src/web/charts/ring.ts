/**
 * A sliding window of columns (uPlot's columnar layout): chunks are appended at the end, the
 * oldest samples dropped. Views are subarrays of the storage, so drawing copies nothing; storage
 * is shifted only when full (amortised).
 */
export class RingColumns {
  readonly columns: Float64Array[];
  readonly capacity: number;
  /** Samples kept after a shift. */
  readonly keep: number;
  length = 0;
  /** Bumped on every change, so views of an unchanged window can be reused. */
  version = 0;

  constructor(columnCount: number, keep: number) {
    this.keep = keep;
    this.capacity = keep * 2;
    this.columns = Array.from({ length: columnCount }, () => new Float64Array(this.capacity));
  }

  append(chunk: readonly Float64Array[]): void {
    const n = chunk[0]?.length ?? 0;
    if (n === 0) return;
    this.version++;
    if (n >= this.keep) {
      this.columns.forEach((c, i) => {
        c.set(chunk[i].subarray(n - this.keep));
      });
      this.length = this.keep;
      return;
    }
    if (this.length + n > this.capacity) {
      const drop = this.length + n - this.keep;
      for (const c of this.columns) c.copyWithin(0, drop, this.length);
      this.length -= drop;
    }
    this.columns.forEach((c, i) => {
      c.set(chunk[i], this.length);
    });
    this.length += n;
  }

  view(column: number): Float64Array {
    return this.columns[column].subarray(0, this.length);
  }

  clear(): void {
    this.version++;
    this.length = 0;
  }
}

/**
 * Index range [start, end) of the last complete beat, from a cardiac phase column (0..1, wrapping
 * to 0 at each beat), or null if no full beat is in the window.
 */
export function lastBeat(phase: Float64Array, length: number): [number, number] | null {
  let end = -1;
  for (let i = length - 1; i > 0; i--) {
    if (phase[i] < phase[i - 1] - 0.5) {
      if (end < 0) end = i;
      else return [i, end + 1];
    }
  }
  return null;
}
