/** Axis helpers: nice steps and ranges that do not jitter from frame to frame. */

/** A 1-2-5 step near `span / count`. */
export function niceStep(span: number, count = 5): number {
  const raw = Math.abs(span) / count || 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
}

/**
 * A range that holds [lo, hi] with edges on nice steps; it grows at once but shrinks only when the
 * data use less than `shrinkBelow` of it (so a scrolling trace does not make the axis dance).
 */
export class StableRange {
  min = Number.NaN;
  max = Number.NaN;
  constructor(
    private readonly floor: [number, number] = [0, 1],
    private readonly shrinkBelow = 0.6,
  ) {}

  update(lo: number, hi: number): [number, number] {
    if (!Number.isFinite(lo) || !Number.isFinite(hi))
      return [this.min || this.floor[0], this.max || this.floor[1]];
    lo = Math.min(lo, this.floor[0]);
    hi = Math.max(hi, this.floor[1]);
    const step = niceStep(hi - lo);
    const nlo = Math.floor(lo / step) * step;
    const nhi = Math.ceil(hi / step) * step;
    const grow = !(this.min <= nlo && this.max >= nhi);
    const span = this.max - this.min;
    const shrink = span > 0 && (nhi - nlo) / span < this.shrinkBelow;
    if (grow || shrink || Number.isNaN(this.min)) {
      this.min = nlo;
      this.max = nhi;
    }
    return [this.min, this.max];
  }
}
