/**
 * Patient i of a cohort: one point of the (randomised) Sobol' sequence or of a seeded random stream,
 * mapped through the correlations (Gaussian copula) and each parameter's marginal distribution.
 * Depends only on (spec, i): any process can draw any patient, and memory does not grow with N.
 */
import type { ParamValue } from "../physiology/params.js";
import { lowerTimes } from "./cholesky.js";
import { normalCdf, normalQuantile, splitmix32, uniform01 } from "./random.js";
import type { Sobol } from "./sobol.js";
import { sobol } from "./sobol.js";
import type { CohortSpec, SampledParam } from "./spec.js";

export interface Patient {
  index: number;
  id: string;
  /** The sampled (or table) parameter values. */
  parameters: Record<string, ParamValue>;
}

/** `P000042`: sorts as the index does up to a million patients. */
export const patientId = (index: number): string => `P${String(index).padStart(6, "0")}`;

/** Value of a continuous marginal at probability u, truncated to [lo, hi]. */
export function marginal(p: SampledParam, u: number): number {
  const d = p.dist;
  let x: number;
  if (d.dist === "uniform") x = p.lo + u * (p.hi - p.lo);
  else if (d.dist === "normal") {
    const a = normalCdf((p.lo - d.mean) / d.sd);
    const b = normalCdf((p.hi - d.mean) / d.sd);
    x = d.mean + d.sd * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, a + u * (b - a))));
  } else if (d.dist === "lognormal") {
    const s2 = Math.log(1 + (d.sd / d.mean) ** 2);
    const s = Math.sqrt(s2);
    const mu = Math.log(d.mean) - s2 / 2;
    const a = p.lo > 0 ? normalCdf((Math.log(p.lo) - mu) / s) : 0;
    const b = normalCdf((Math.log(p.hi) - mu) / s);
    x = Math.exp(mu + s * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, a + u * (b - a)))));
  } else throw new Error("marginal: not a continuous distribution");
  // The CDF approximation may step a hair outside the bounds; whole-number parameters are rounded.
  x = Math.min(p.hi, Math.max(p.lo, x));
  return p.integer ? Math.min(Math.floor(p.hi), Math.max(Math.ceil(p.lo), Math.round(x))) : x;
}

function choose(p: SampledParam, u: number): ParamValue {
  if (p.dist.dist !== "choice") throw new Error("choose: not a choice");
  const { values, weights } = p.dist;
  const w = weights ?? values.map(() => 1);
  const total = w.reduce((s, x) => s + x, 0);
  let acc = 0;
  for (let i = 0; i < values.length; i++) {
    acc += w[i] / total;
    if (u < acc) return values[i] as ParamValue;
  }
  return values[values.length - 1] as ParamValue;
}

export interface Sampler {
  patient(index: number): Patient;
}

export function createSampler(spec: CohortSpec): Sampler {
  const dims = spec.sampled.length;
  const words = splitmix32(spec.seed);
  const shift = new Uint32Array(Math.max(1, dims));
  for (let d = 0; d < shift.length; d++) shift[d] = words();
  const seq: Sobol | null = spec.sampling === "sobol" && dims > 0 ? sobol(dims, shift) : null;
  const continuous = spec.sampled.filter((s) => s.dist.dist !== "choice").length;
  const u = new Float64Array(Math.max(1, dims));
  const z: number[] = new Array(continuous).fill(0);
  const zc: number[] = new Array(continuous).fill(0);
  return {
    patient(index) {
      if (seq) seq.point(index, u);
      else {
        // One stream per patient, from the seed and the index (a patient does not depend on the others).
        const next = splitmix32(
          (Math.imul(spec.seed ^ 0x5bd1e995, 0x27d4eb2d) + Math.imul(index, 0x9e3779b1)) >>> 0,
        );
        for (let d = 0; d < dims; d++) u[d] = uniform01(next);
      }
      if (spec.choleskyL) {
        for (let k = 0; k < continuous; k++) z[k] = normalQuantile(u[k]);
        lowerTimes(spec.choleskyL, z, zc);
        for (let k = 0; k < continuous; k++) u[k] = normalCdf(zc[k]);
      }
      const parameters: Record<string, ParamValue> = {};
      spec.sampled.forEach((p, d) => {
        parameters[p.path] = p.dist.dist === "choice" ? choose(p, u[d]) : marginal(p, u[d]);
      });
      return { index, id: patientId(index), parameters };
    },
  };
}
