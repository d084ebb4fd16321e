import { describe, expect, it } from "vitest";
import type { EvalContext } from "../../engine/component.js";
import { Layout } from "../../engine/layout.js";
import { BERNOULLI_MMHG_S2_CM4_ML2 } from "../../units/index.js";
import { OrificeValve, type OrificeValveSpec } from "./orifice-valve.js";

function setup(spec: Partial<OrificeValveSpec> = {}) {
  const full: OrificeValveSpec = {
    kind: "orificeValve",
    name: "v",
    from: "a",
    to: "b",
    openArea_cm2: 2,
    closedArea_cm2: 0.002,
    length_cm: 1,
    tauOpen_s: 0.01,
    tauClose_s: 0.01,
    dpWidth_mmHg: 1,
    ...spec,
  };
  const v = new OrificeValve(full);
  const layout = new Layout();
  layout.nodeNames.push("a", "b");
  v.fromIndex = 0;
  v.toIndex = 1;
  v.linkIndex = 0;
  v.bind(layout);
  v.bindVolumeNode(() => 0);
  const y = new Float64Array(layout.stateNames.length + 1);
  const dy = new Float64Array(y.length);
  const ctx: EvalContext = {
    p: new Float64Array(2),
    q: new Float64Array(1),
    s: new Float64Array(4),
    aux: new Float64Array(4),
    elastance: new Float64Array(2),
    rate: new Float64Array(1),
    damping: new Float64Array(y.length),
  };
  return {
    v,
    y,
    dy,
    ctx,
    qIdx: layout.stateNames.indexOf("v.q_mL_s"),
    zIdx: layout.stateNames.indexOf("v.opening"),
  };
}

describe("OrificeValve", () => {
  it("evalFlow has no flow acceleration at the Bernoulli flow Q = 50.15·A·√ΔP", () => {
    const { v, y, dy, ctx, qIdx, zIdx } = setup();
    ctx.p[0] = 16;
    ctx.p[1] = 0;
    y[zIdx] = 1;
    y[qIdx] = 2 * Math.sqrt(16 / BERNOULLI_MMHG_S2_CM4_ML2);
    expect(y[qIdx] / (2 * Math.sqrt(16))).toBeCloseTo(50.15, 2);
    v.evalFlow(y, dy, ctx);
    expect(Math.abs(dy[qIdx])).toBeLessThan(1e-6 * y[qIdx]);
    y[qIdx] *= 0.5;
    v.evalFlow(y, dy, ctx);
    expect(dy[qIdx]).toBeGreaterThan(0);
  });
  it("evalFlow accelerates flow by ΔP/L with L = ρ·ℓ/A when flow is zero", () => {
    const { v, y, dy, ctx, qIdx, zIdx } = setup();
    ctx.p[0] = 10;
    y[zIdx] = 1;
    v.evalFlow(y, dy, ctx);
    const L = (1060 / 133.322) * 1e-4 * (1 / 2);
    expect(dy[qIdx]).toBeCloseTo(10 / L, 3);
  });
  it("evalFlow opens the valve under a forward gradient and closes it under a reverse one", () => {
    const { v, y, dy, ctx, zIdx } = setup();
    y[zIdx] = 0.5;
    ctx.p[0] = 5;
    v.evalFlow(y, dy, ctx);
    expect(dy[zIdx]).toBeGreaterThan(0);
    ctx.p[0] = -5;
    v.evalFlow(y, dy, ctx);
    expect(dy[zIdx]).toBeLessThan(0);
  });
  it("evalFlow leaks through the regurgitant orifice when closed, more when the LV is larger", () => {
    // A native orifice of 0.4 cm² at the reference (u = 1), linear in u; elasticity 1.5 in volume.
    const reg = {
      table: Array.from({ length: 241 }, (_, i) => 0.4 * i * 0.025),
      du: 0.025,
      volumeNode: "lv",
      refVolume_mL: 170,
      tetheringElasticity: 1.5,
      ischaemicTethering: 0,
      kappa: 0,
      dpRef_mmHg: 80,
    };
    const a = setup({ regurgitation: reg });
    a.ctx.p[0] = 0;
    a.ctx.p[1] = 80;
    a.y[0] = 170; // the volume node's volume (bindVolumeNode maps every node to slot 0)
    a.v.evalFlow(a.y, a.dy, a.ctx);
    expect(a.ctx.aux[1]).toBeCloseTo(0.4, 2);
    // 120 mL: θ = (120/170)^⅓ = 0.890, u = 1 + 4.5·(θ − 1) = 0.507 → 0.203 cm².
    a.y[0] = 120;
    a.v.evalFlow(a.y, a.dy, a.ctx);
    expect(a.ctx.aux[1]).toBeCloseTo(0.4 * (1 + 4.5 * (Math.cbrt(120 / 170) - 1)), 2);
  });
});
