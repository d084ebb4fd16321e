/**
 * The HTML report of `clipshock plan --report`: self-contained, opens in headless Chromium with no
 * console error, and holds the tables, warnings and citations; a failed run writes no file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium } from "../browser/chromium.js";
import { lines, runCli } from "../cli/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "clipshock-report-"));
const file = join(dir, "plan.html");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("plan --report FILE.html", () => {
  let html = "";
  let stdout = "";
  beforeAll(async () => {
    const r = await runCli([
      "plan",
      "impella5-wean-test",
      "--at",
      "NTW at A3-P3",
      "--report",
      file,
      "--no-progress",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    stdout = r.stdout;
    html = readFileSync(file, "utf8");
  });

  it("is self-contained: inline SVG and CSS, no scripts, no external resources, print CSS", () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script|<link |src="http/);
    // The only outside addresses are links a reader follows: the references' DOIs and PubMed pages.
    for (const m of html.matchAll(/href="(http[^"]*)"/g))
      expect(m[1]).toMatch(/^https:\/\/(doi\.org|pubmed\.ncbi\.nlm\.nih\.gov|pmc\.ncbi\.nlm\.nih\.gov)\//);
    expect(html).toContain("@media print");
    expect(html).toContain("@page");
    expect(stdout).toContain("Wean test");
  });

  describe("in headless Chromium", () => {
    let browser: Browser | undefined;
    let page: Page;
    const errors: string[] = [];
    beforeAll(async () => {
      if (!hasChromium()) return;
      browser = await launchChromium();
      page = await browser.newPage();
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it.skipIf(!hasChromium())("opens with no console error", () => {
      expect(errors).toEqual([]);
    });

    it.skipIf(!hasChromium())("shows the wean test, gradient and strategy tables", async () => {
      const wean = await page.locator("table.wean tr").allInnerTexts();
      expect(wean.some((t) => t.startsWith("MR grade"))).toBe(true);
      expect(await page.locator("table.wean th").allInnerTexts()).toEqual(
        expect.arrayContaining([expect.stringContaining("low support: Impella 5.0 at 1 L/min")]),
      );
      expect(await page.locator("table.contributions tbody tr").count()).toBe(4);
      const rows = await page.locator("table.strategies tbody tr").count();
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBeLessThanOrEqual(5);
      expect(await page.locator("svg").count()).toBeGreaterThanOrEqual(4);
    });

    it.skipIf(!hasChromium())("shows the warnings with their actions and cites every criterion", async () => {
      const codes = await page
        .locator(".warning")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
      expect(codes).toEqual(expect.arrayContaining(["support-hides-mr", "impella-interference"]));
      expect(
        await page.locator(".warning[data-code=impella-interference] li").count(),
      ).toBeGreaterThanOrEqual(2);
      const cited = await page.locator("#criteria li").evaluateAll((els) => els.map((e) => e.id));
      expect(cited).toEqual(
        expect.arrayContaining(["c-mr-grade", "c-wean-test", "c-mvarc-stenosis", "c-scai", "c-euroscore2"]),
      );
      const links = await page
        .locator("a[href^='#c-']")
        .evaluateAll((els) => els.map((e) => e.getAttribute("href")));
      for (const href of links) expect(cited).toContain(href?.slice(1));
    });

    it.skipIf(!hasChromium())(
      "reads as a one-page summary first: bottom line, then haemodynamics, then warnings",
      async () => {
        const ids = await page.locator("body > section").evaluateAll((els) => els.map((e) => e.id));
        expect(ids.slice(0, 3)).toEqual(["bottom-line", "haemodynamics", "warnings"]);
        const action = await page.locator("#bottom-line").getAttribute("data-action");
        expect(["accept", "add-clip", "reassess-at-low-support", "no-clip-meets-criteria"]).toContain(action);
        expect(await page.locator("#bottom-line p").innerText()).toMatch(
          /A\d-P\d, (lateral|central|medial) third/,
        );
        expect(await page.locator("table.haemodynamics").innerText()).toMatch(
          /SVR\s+[\d.]+ WU \(\d+ dyn·s\/cm⁵/,
        );
      },
    );

    it.skipIf(!hasChromium())(
      "has a surgical-risk panel with EuroSCORE II and the entered STS PROM, saying STS is not computed",
      async () => {
        const text = await page.locator("#surgical-risk").innerText();
        expect(text).toMatch(/EuroSCORE II\s+48\.\d %/);
        expect(text).toMatch(/STS PROM\s+16\.0 %/);
        expect(text).toContain("the STS model is not computed here");
      },
    );

    it.skipIf(!hasChromium())(
      "links every reference by DOI or PubMed, and no criterion cites an internal file",
      async () => {
        const refs = await page
          .locator("ol.references li a")
          .evaluateAll((els) => els.map((e) => e.getAttribute("href")));
        expect(refs.length).toBeGreaterThanOrEqual(5);
        expect(refs.some((h) => h?.startsWith("https://doi.org/10."))).toBe(true);
        const criteria = await page.locator("#criteria").innerText();
        expect(criteria).not.toMatch(/clinical-formulas|physiology-and-devices|§/);
      },
    );

    it.skipIf(!hasChromium())("gives every chart axis one unit (no 'mL or mmHg')", () => {
      expect(html).not.toContain("mL or mmHg");
      expect(html).toContain("Regurgitant volume by support");
      expect(html).toContain("Mean transmitral gradient by support");
    });

    it.skipIf(!hasChromium())("prints to PDF", async () => {
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    });
  });
});

describe("plan input errors", () => {
  it("an unknown --at step exits 2 listing the steps, and writes no report", async () => {
    const out = join(dir, "never.html");
    const r = await runCli(["plan", "impella5-wean-test", "--at", "no such step", "--report", out]);
    expect(r.code).toBe(2);
    const l = lines(r.stderr);
    expect(l).toHaveLength(1);
    expect(l[0]).toMatch(/^--at: "no such step" is not a step of impella5-wean-test/);
    expect(l[0]).toContain('1 "NTW at A3-P3"');
    expect(l[0]).toContain('4 "NT at A2-P2"');
    expect(existsSync(out)).toBe(false);
  });

  it("an index past the last step, a bad --max-clips or a report in a missing directory exit 2", async () => {
    const past = await runCli(["plan", "shock-demo", "--at", "4"]);
    expect(past.code).toBe(2);
    expect(past.stderr).toContain("index 0..3");
    const clips = await runCli(["plan", "shock-demo", "--max-clips", "4"]);
    expect(lines(clips.stderr)).toEqual(['--max-clips: "4" is not a whole number in 0..3']);
    const missing = await runCli(["plan", "shock-demo", "--report", join(dir, "no", "dir.html")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^--report: .* does not exist\n$/);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });
});
