/** EuroSCORE II in the plan is read as what it is: the risk of the surgical alternative, not of TEER. */
import { describe, expect, it } from "vitest";
import { getCase } from "../../src/procedure/cases/index.js";
import { planScenario } from "../../src/procedure/plan/planner.js";
import { planReportHtml } from "../../src/report/plan-report.js";
import { runCli } from "../cli/run-cli.js";

describe("EuroSCORE II in the plan", () => {
  it("the text names it the surgical alternative's mortality", async () => {
    const r = await runCli([
      "plan",
      "impella5-wean-test",
      "--max-clips",
      "0",
      "--workers",
      "0",
      "--no-progress",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Surgical risk: EuroSCORE II 48.7 %; STS PROM 16.0 % (entered; the STS model is not computed here) (mortality of the surgical alternative, not of TEER)",
    );
  });

  it("the report says it does not predict mortality after TEER", async () => {
    const result = await planScenario(getCase("impella5-wean-test")!, { maxClips: 0, workers: 0 });
    expect(planReportHtml(result)).toContain("it does not predict mortality after TEER");
  });
});
