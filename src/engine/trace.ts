/**
 * Columnar traces (uPlot-style): a time column plus named Float64Array columns. Measurements are
 * pure functions over a Trace; the web worker transfers the same buffers to the charts.
 */
export class Trace {
  readonly names: readonly string[];
  readonly columns: Float64Array[];
  readonly capacity: number;
  length = 0;
  private readonly index: Map<string, number>;

  constructor(names: readonly string[], capacity: number) {
    this.names = names;
    this.capacity = capacity;
    this.columns = names.map(() => new Float64Array(capacity));
    this.index = new Map(names.map((n, i) => [n, i]));
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  col(name: string): Float64Array {
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`trace has no column ${name}`);
    return this.columns[i];
  }

  /** A compact copy of rows [start, end). */
  slice(start = 0, end = this.length): Trace {
    const t = new Trace(this.names, Math.max(1, end - start));
    for (let c = 0; c < this.columns.length; c++) t.columns[c].set(this.columns[c].subarray(start, end));
    t.length = end - start;
    return t;
  }
}
