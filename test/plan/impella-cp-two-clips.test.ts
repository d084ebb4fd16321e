/**
 * Issue #5 acceptance on the Coroas Pascual case (impella-cp-two-clips): after the NTW at A2-P2, which
 * left posteromedial MR, a second clip on the medial side ranks above one on the lateral side.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ClipDevice } from "../../src/devices/mitraclip/devices.js";
import { getCase } from "../../src/procedure/cases/index.js";
import { simulateScenario } from "../../src/procedure/execute.js";
import type { Scenario } from "../../src/procedure/types.js";
import { lines } from "../cli/run-cli.js";
import { type PlanDoc, planJsonWithProgress } from "./plan-cli.js";

describe('plan impella-cp-two-clips --at "NTW at A2-P2"', () => {
  let doc: PlanDoc;
  let stderr = "";
  beforeAll(async () => {
    ({ doc, stderr } = await planJsonWithProgress(["impella-cp-two-clips", "--at", "NTW at A2-P2"]));
  });

  it("prints one JSON document on stdout and progress as plain lines on stderr", () => {
    const l = lines(stderr);
    expect(l.length).toBeGreaterThanOrEqual(3);
    for (const x of l)
      expect(x).toMatch(
        /^\[plan\] (scenario steps|wean test and gradient|clip strategies): \d+\/\d+ simulations$/,
      );
    expect(l.some((x) => x.startsWith("[plan] clip strategies"))).toBe(true);
  });

  it("ranks a second clip medial to the first above one lateral to it", () => {
    const first = doc.devices.clips[0].offset_mm;
    const ranked = [...doc.clipStrategies, ...(doc.clipSearch?.rejected ?? [])];
    const single = ranked.filter((s) => s.clips.length === 1);
    const medial = single.findIndex((s) => s.clips[0].offset_mm > first);
    const lateral = single.findIndex((s) => s.clips[0].offset_mm < first);
    expect(medial).toBeGreaterThanOrEqual(0);
    // A lateral clip may be screened out before it is listed at all: then it ranks below every one listed.
    if (lateral >= 0) expect(medial).toBeLessThan(lateral);
    expect(doc.clipStrategies[0].clips[0].offset_mm).toBeGreaterThan(first);
  });

  it("the medial clip leaves less MR than the same clip placed as far on the lateral side", () => {
    const first = doc.devices.clips[0].offset_mm;
    const best = doc.clipStrategies[0].clips[0];
    const rvolWith = (offset_mm: number) => {
      const c = structuredClone(getCase("impella-cp-two-clips") as Scenario);
      c.steps = [
        ...c.steps.slice(0, 2),
        {
          name: "second clip",
          clip: { device: best.device as ClipDevice, position: { offset_mm } },
          impella: { pLevel: 2 },
        },
      ];
      return simulateScenario(c).steps[2].measurements.mr_rvol_mL;
    };
    const mirror = first - (best.offset_mm - first);
    expect(rvolWith(best.offset_mm)).toBeLessThan(rvolWith(mirror));
  });

  it("the strategies meet the criteria and come ranked with an explanation", () => {
    for (const s of doc.clipStrategies) {
      expect(s.meetsCriteria).toBe(true);
      expect(s.mv_gradient_mean_mmHg).toBeLessThan(5);
      expect(s.mv_area_cm2).toBeGreaterThanOrEqual(1.5);
    }
    expect(doc.clipSearch?.explanation).toMatch(/ranks above .* because/);
  });
});
