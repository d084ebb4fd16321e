import { describe, expect, it } from "vitest";
import { chunkColumns, type SampleColumns } from "./chunk-columns.js";
import { CHUNK_CHANNELS } from "./protocol.js";

function trace(cols: Record<string, number[]>): SampleColumns {
  const data = new Map(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)]));
  return {
    length: cols.t_s.length,
    has: (name) => data.has(name),
    col: (name) => {
      const c = data.get(name);
      if (!c) throw new Error(`no ${name}`);
      return c;
    },
  };
}

const at = (cols: Float64Array[], name: (typeof CHUNK_CHANNELS)[number]) =>
  Array.from(cols[CHUNK_CHANNELS.indexOf(name)]);

describe("chunkColumns", () => {
  const tr = trace({
    t_s: [10, 10.004],
    "mv.q_mL_s": [400, -200],
    "mv.area_cm2": [4, 4],
    "lv.p_mmHg": [10, 100],
    "la.p_mmHg": [14, 36],
    "ao.p_mmHg": [80, 82],
  });
  const cols = chunkColumns(tr, 4);

  it("shifts time to display time", () => {
    expect(at(cols, "t_s")[0]).toBeCloseTo(6, 12);
    expect(at(cols, "t_s")[1]).toBeCloseTo(6.004, 12);
  });

  it("splits mitral flow into forward flow and the regurgitant jet", () => {
    expect(at(cols, "mv.fwd_mL_s")).toEqual([400, 0]);
    expect(at(cols, "mv.reg_mL_s")).toEqual([0, -200]);
  });

  it("gives inflow velocity as q / area and the jet velocity by Bernoulli (ΔP = 4v²)", () => {
    expect(at(cols, "mv.inflow_m_s")).toEqual([1, 0]);
    expect(at(cols, "mr.jet_m_s")).toEqual([0, -4]);
  });

  it("draws no MR jet for the leak of a closed valve (normal heart: EROA 0, a few mL/s back)", () => {
    const closed = chunkColumns(
      trace({
        t_s: [0, 0.004],
        "mv.q_mL_s": [-2, -9],
        "mv.area_cm2": [0.002, 0.002],
        "lv.p_mmHg": [120, 110],
        "la.p_mmHg": [8, 8],
      }),
      0,
    );
    expect(at(closed, "mr.jet_m_s")).toEqual([0, 0]);
  });

  it("copies engine channels and gives zeros for a missing pump", () => {
    expect(at(cols, "ao.p_mmHg")).toEqual([80, 82]);
    expect(at(cols, "impella.q_mL_s")).toEqual([0, 0]);
  });
});
