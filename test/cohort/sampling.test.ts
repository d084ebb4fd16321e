import { describe, expect, it } from "vitest";
import { cholesky, lowerTimes } from "../../src/cohort/cholesky.js";
import { normalCdf, normalQuantile, splitmix32 } from "../../src/cohort/random.js";
import { createSampler, marginal, patientId } from "../../src/cohort/sample.js";
import { SOBOL_MAX_DIMENSIONS, sobol } from "../../src/cohort/sobol.js";
import { parseCohortSpec } from "../../src/cohort/spec.js";

const base = {
  id: "t",
  title: "t",
  patients: 10,
  preset: "cardiogenic-shock-acute-mr",
  strategy: { steps: [{ name: "P6", impella: { model: "CP", pLevel: 6 } }] },
};

function corr(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe("sobol", () => {
  it("sobol(d).point: the first 2^k points put one point in each of 2^k equal intervals, in every dimension", () => {
    const s = sobol(SOBOL_MAX_DIMENSIONS);
    const k = 7;
    for (let d = 0; d < SOBOL_MAX_DIMENSIONS; d++) {
      const seen = new Set<number>();
      for (let i = 0; i < 2 ** k; i++) seen.add(Math.floor(s.point(i)[d] * 2 ** k));
      expect(seen.size, `dimension ${d + 1}`).toBe(2 ** k);
    }
  });

  it("sobol(2).point: the first two dimensions form a (0, m, 2)-net (one point per elementary box)", () => {
    const s = sobol(2);
    const m = 6;
    for (let a = 0; a <= m; a++) {
      const seen = new Set<string>();
      for (let i = 0; i < 2 ** m; i++) {
        const p = s.point(i);
        seen.add(`${Math.floor(p[0] * 2 ** a)},${Math.floor(p[1] * 2 ** (m - a))}`);
      }
      expect(seen.size).toBe(2 ** m);
    }
  });

  it("sobol(3).point: in Gray-code order, the start of the sequence scipy.stats.qmc.Sobol gives (Joe & Kuo numbers)", () => {
    const s = sobol(3);
    const firsts = [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
      Array.from(s.point(i ^ (i >> 1)), (x) => Math.floor(x * 8) / 8),
    );
    expect(firsts).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ]);
  });

  it("sobol with a digital shift keeps the stratification and moves the points", () => {
    const next = splitmix32(3);
    const shift = Uint32Array.from({ length: 4 }, () => next());
    const plain = sobol(4);
    const shifted = sobol(4, shift);
    for (let d = 0; d < 4; d++) {
      const seen = new Set<number>();
      for (let i = 0; i < 64; i++) seen.add(Math.floor(shifted.point(i)[d] * 64));
      expect(seen.size).toBe(64);
    }
    expect(shifted.point(5)[0]).not.toBe(plain.point(5)[0]);
  });

  it("sobol rejects bad dimensions and indices", () => {
    expect(() => sobol(0)).toThrow(RangeError);
    expect(() => sobol(SOBOL_MAX_DIMENSIONS + 1)).toThrow(RangeError);
    expect(() => sobol(2).point(-1)).toThrow(RangeError);
  });
});

describe("normal distribution and Cholesky", () => {
  it("normalQuantile inverts normalCdf", () => {
    for (const p of [1e-6, 0.01, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999])
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  });

  it("cholesky factors a correlation matrix and refuses one that is not positive definite", () => {
    const r = [
      [1, 0.5, 0.2],
      [0.5, 1, -0.3],
      [0.2, -0.3, 1],
    ];
    const l = cholesky(r);
    expect(l).not.toBeNull();
    const back = r.map((_, i) => r.map((_, j) => l![i].reduce((s, _, k) => s + l![i][k] * l![j][k], 0)));
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(back[i][j]).toBeCloseTo(r[i][j], 12);
    expect(lowerTimes(l!, [1, 0, 0], [0, 0, 0])).toEqual([1, 0.5, 0.2]);
    expect(
      cholesky([
        [1, 0.9, -0.9],
        [0.9, 1, 0.9],
        [-0.9, 0.9, 1],
      ]),
    ).toBeNull();
  });
});

describe("createSampler", () => {
  const spec = parseCohortSpec({
    ...base,
    seed: 42,
    parameters: {
      hr_bpm: { dist: "normal", mean: 100, sd: 10 },
      svr_mmHg_s_mL: { dist: "lognormal", mean: 1.2, sd: 0.3 },
      hb_g_dL: { dist: "normal", mean: 10, sd: 2, min: 8, max: 11 },
      "lv.ees_mmHg_mL": { dist: "uniform", min: 0.5, max: 1.5 },
      "mr.segments": {
        dist: "choice",
        values: [
          { A1P1: 0.1, A2P2: 0.8, A3P3: 0.1 },
          { A1P1: 0.1, A2P2: 0.2, A3P3: 0.7 },
        ],
        weights: [3, 1],
      },
    },
    correlations: [{ between: ["hr_bpm", "svr_mmHg_s_mL"], r: 0.7 }],
  });
  const n = 1024;
  const patients = Array.from({ length: n }, (_, i) => createSampler(spec).patient(i));
  const col = (k: string) => patients.map((p) => p.parameters[k] as number);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

  it("createSampler(spec).patient: marginals have the asked mean; truncation and ranges hold", () => {
    expect(mean(col("hr_bpm"))).toBeCloseTo(100, 0);
    expect(Math.abs(mean(col("svr_mmHg_s_mL")) - 1.2)).toBeLessThan(0.02);
    expect(Math.min(...col("hb_g_dL"))).toBeGreaterThanOrEqual(8);
    expect(Math.max(...col("hb_g_dL"))).toBeLessThanOrEqual(11);
    expect(Math.abs(mean(col("lv.ees_mmHg_mL")) - 1)).toBeLessThan(0.01);
  });

  it("createSampler(spec).patient: correlated parameters have the asked correlation (Gaussian copula)", () => {
    const r = corr(col("hr_bpm"), col("svr_mmHg_s_mL"));
    expect(Math.abs(r - 0.7)).toBeLessThan(0.05);
    expect(Math.abs(corr(col("hr_bpm"), col("lv.ees_mmHg_mL")))).toBeLessThan(0.1);
  });

  it("createSampler(spec).patient: choices follow their weights", () => {
    const a2 = patients.filter((p) => (p.parameters["mr.segments"] as { A2P2: number }).A2P2 === 0.8).length;
    expect(a2 / n).toBeCloseTo(0.75, 2);
  });

  it("createSampler(spec).patient: depends only on seed and index, not on N or order", () => {
    expect(createSampler({ ...spec, patients: 3 }).patient(2)).toEqual(patients[2]);
    const s2 = createSampler(spec);
    expect(s2.patient(700)).toEqual(patients[700]);
    expect(patientId(42)).toBe("P000042");
    const other = createSampler({ ...spec, seed: 43 });
    expect(other.patient(5).parameters.hr_bpm).not.toBe(patients[5].parameters.hr_bpm);
  });

  it("createSampler with sampling: random is seeded too", () => {
    const r = { ...spec, sampling: "random" as const };
    expect(createSampler(r).patient(9)).toEqual(createSampler(r).patient(9));
    expect(
      Math.abs(
        corr(
          Array.from({ length: 2000 }, (_, i) => createSampler(r).patient(i).parameters.hr_bpm as number),
          Array.from(
            { length: 2000 },
            (_, i) => createSampler(r).patient(i).parameters.svr_mmHg_s_mL as number,
          ),
        ) - 0.7,
      ),
    ).toBeLessThan(0.06);
  });

  it("marginal rounds whole-number parameters and stays within bounds", () => {
    const p = { path: "x", dist: { dist: "normal" as const, mean: 5, sd: 100 }, lo: 2, hi: 8, integer: true };
    for (const u of [1e-9, 0.3, 0.5, 0.999999]) {
      const x = marginal(p, u);
      expect(Number.isInteger(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(2);
      expect(x).toBeLessThanOrEqual(8);
    }
  });
});
