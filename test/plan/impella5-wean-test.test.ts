/**
 * Issue #5 acceptance on the Ugueto-Rodrigo case (impella5-wean-test): after the NTW at A3-P3, support
 * hides MR and the best next clip goes at or next to A2-P2; after the NT at A2-P2, the 7 mmHg-class
 * gradient at 2 L/min falls below 5 mmHg at reference conditions.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type PlanDoc, planJson } from "./plan-cli.js";

/** Half a third of the 36 mm coaptation line: the A2-P2 segment spans −6..+6 mm. */
const A2P2_HALF_WIDTH_MM = 6;

describe('plan impella5-wean-test --at "NTW at A3-P3"', () => {
  let doc: PlanDoc;
  beforeAll(async () => {
    doc = await planJson(["impella5-wean-test", "--at", "NTW at A3-P3"]);
  });

  it("plans after the named step, with the NTW in place at A3-P3", () => {
    expect(doc.at).toBe("NTW at A3-P3");
    expect(doc.atIndex).toBe(1);
    expect(doc.devices.clips).toEqual([{ device: "NTW", offset_mm: 12, position: "A3P3" }]);
  });

  it("shows the wean test side by side: low support and pump stopped (MR grade, RVol, gradient)", () => {
    const w = doc.weanTest;
    expect(w.lowSupport?.pump_flow_L_min).toBeCloseTo(1, 1);
    expect(w.pumpStopped?.pLevel).toBe(0);
    for (const m of [w.current, w.lowSupport, w.pumpStopped]) {
      expect(m?.mr_grade).toBeTypeOf("number");
      expect(m?.mr_rvol_mL).toBeGreaterThan(0);
      expect(m?.mv_gradient_mean_mmHg).toBeGreaterThan(0);
    }
  });

  // Simulated grades (not a rule): current grade 1 (EROA 0.199 cm², RVol 20.1 mL, RF 33 %) against
  // grade 2 at 1 L/min (EROA 0.204 cm²) and with the pump stopped (0.215 cm²). The margin is thin: the
  // model's MR changes little with support (see the report of issue #5).
  it("warns that support hides MR, from the simulated grades", () => {
    const w = doc.weanTest;
    const worst = Math.max(w.lowSupport?.mr_grade ?? 0, w.pumpStopped?.mr_grade ?? 0);
    expect(worst).toBeGreaterThanOrEqual(w.current.mr_grade + 1);
    expect(w.supportHidesMR).toBe(true);
    expect(doc.warnings.map((x) => x.code)).toContain("support-hides-mr");
  });

  it("its best sequences add a clip at or next to A2-P2 that meets the criteria", () => {
    expect(doc.clipStrategies.length).toBeGreaterThan(0);
    expect(doc.clipStrategies.length).toBeLessThanOrEqual(5);
    const best = doc.clipStrategies[0];
    expect(best.meetsCriteria).toBe(true);
    expect(Math.abs(best.clips[0].offset_mm)).toBeLessThanOrEqual(A2P2_HALF_WIDTH_MM);
    expect(best.mv_gradient_mean_mmHg).toBeLessThan(5);
    expect(best.mv_area_cm2).toBeGreaterThanOrEqual(1.5);
    expect(best.mr_rvol_mL).toBeLessThan(doc.weanTest.lowSupport?.mr_rvol_mL ?? 0);
    expect(doc.clipSearch?.explanation).toMatch(/ranks above/);
  });

  it("warns that a clip at A2-P2 meets the Impella catheter, with what to do", () => {
    const w = doc.warnings.find((x) => x.code === "impella-interference");
    expect(w?.message).toContain("Impella catheter");
    expect(w?.actions?.length).toBeGreaterThanOrEqual(2);
  });

  it("puts a bottom line first, names clips by segment and third, judges them at reference HR/Hb, and quotes STS", () => {
    const d = doc as unknown as Record<string, unknown> & {
      bottomLine: { action: string; text: string };
      clipStrategies: {
        clips: { segment: string; third: string }[];
        atReference?: { hr_bpm: number; mv_gradient_mean_mmHg: number };
      }[];
      surgicalRisk: { euroscore2_pct: number; stsProm_pct: number; note: string };
    };
    expect(Object.keys(d)[0]).toBe("bottomLine");
    expect(["add-clip", "reassess-at-low-support"]).toContain(d.bottomLine.action);
    expect(d.bottomLine.text).toMatch(/A2-P2, (lateral|central|medial) third/);
    for (const s of d.clipStrategies) {
      for (const c of s.clips) {
        expect(["A1P1", "A2P2", "A3P3"]).toContain(c.segment);
        expect(["lateral", "central", "medial"]).toContain(c.third);
      }
      expect(s.atReference?.hr_bpm).toBe(70);
      expect(s.atReference?.mv_gradient_mean_mmHg).toBeGreaterThan(0);
    }
    // Diverse: not one device at five offsets.
    const devices = new Map<string, number>();
    for (const s of d.clipStrategies) {
      const k = s.clips.map((c) => (c as unknown as { device: string }).device).join("+");
      devices.set(k, (devices.get(k) ?? 0) + 1);
    }
    expect(Math.max(...devices.values())).toBeLessThanOrEqual(2);
    expect(d.surgicalRisk.stsProm_pct).toBe(16);
    expect(d.surgicalRisk.note).toContain("not computed here");
  });

  it("stages SCAI and scores EuroSCORE II from the case's block", () => {
    expect(["C", "D", "E"]).toContain(doc.scai.stage);
    expect(doc.euroscore2?.predictedMortality_pct).toBeCloseTo(48.7, 1);
    expect(doc.criteria.map((c) => c.id)).toContain("euroscore2");
  });
});

describe('plan impella5-wean-test --at "NT at A2-P2"', () => {
  let doc: PlanDoc;
  beforeAll(async () => {
    doc = await planJson(["impella5-wean-test", "--at", "4", "--max-clips", "1"]);
  });

  it("takes a 0-based index for --at", () => {
    expect(doc.at).toBe("NT at A2-P2");
  });

  // Close to the limit (4.9 mmHg at the 8-ms step, 5.03 at the former 4 ms): with the pump removed for the
  // reference, the MR the support was hiding returns and adds transmitral flow.
  it("shows the 7 mmHg-class gradient at 2 L/min falling below 5 mmHg at reference conditions", () => {
    const g = doc.gradient;
    expect(g.current_mmHg).toBeGreaterThanOrEqual(6);
    expect(g.current_mmHg).toBeLessThan(8);
    expect(g.reference_mmHg).toBeLessThan(5);
    expect(doc.warnings.map((x) => x.code)).toContain("gradient-inflated-by-flow");
  });

  it("splits the difference among flow, heart rate and anaemia (Shapley: the shares add up)", () => {
    const g = doc.gradient;
    const c = g.contributions_mmHg;
    expect(c.flow + c.heartRate + c.anaemia).toBeCloseTo(g.current_mmHg - g.reference_mmHg, 2);
    // Tachycardia (90 against 70 bpm) and anaemia (8.6 against 13 g/dL) both raise the gradient.
    expect(c.heartRate).toBeGreaterThan(0);
    expect(c.anaemia).toBeGreaterThan(0);
    expect(g.valveArea_cm2).toBeGreaterThan(1);
  });
});
