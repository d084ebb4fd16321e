/**
 * The web app in Chromium, served by `clipshock serve` from the built dist-web: loads without console
 * errors, responds to the pump and to a clip, keeps its state when an import is rejected, and reports
 * its frame rate, the time from a control change to the new steady state on screen, and its size
 * (test-results/web-metrics.json; screenshots in test-results/).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseScenarioText } from "../../src/procedure/scenario-schema.js";
import { launchChromium } from "../browser/chromium.js";
import { ensureBuilt, initialDownload, REPO, randomPort, type Served, serve } from "./harness.js";

const RESULTS = join(REPO, "test-results");
const consoleErrors: string[] = [];
const changeTimes_ms: { change: string; toScreen_ms: number; fastForward_ms: number }[] = [];
const metrics: Record<string, unknown> = {};
let browser: Browser;
let server: Served;
let page: Page;

/** A readout's number (first number in its text). */
async function readNumber(testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).first().textContent()) ?? "";
  const m = /-?\d+(\.\d+)?/.exec(text);
  if (!m) throw new Error(`${testId} shows no number: "${text}"`);
  return Number(m[0]);
}

const timingsCount = () => page.evaluate(() => window.__clipshock?.timings.length ?? 0);

/** Waits until the change after `count` timings is on screen, then for two beats at the new state. */
async function settledAfter(count: number, label: string): Promise<void> {
  await page.waitForFunction((n) => (window.__clipshock?.timings.length ?? 0) > n, count, {
    timeout: 20_000,
  });
  const t = await page.evaluate((n) => window.__clipshock!.timings[n], count);
  changeTimes_ms.push({ change: label, toScreen_ms: t.toScreen_ms, fastForward_ms: t.fastForward_ms });
  await page.waitForTimeout(1500);
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(RESULTS, { recursive: true });
  metrics.initialDownload = initialDownload();
  server = await serve(randomPort());
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(e.message));
  await page.goto(server.url);
  await page.getByTestId("map").waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  const toScreen = changeTimes_ms.map((c) => c.toScreen_ms).sort((a, b) => a - b);
  metrics.changeToSteadyState_ms = {
    changes: changeTimes_ms,
    median: toScreen[Math.floor(toScreen.length / 2)] ?? null,
    max: toScreen[toScreen.length - 1] ?? null,
  };
  metrics.consoleErrors = consoleErrors;
  writeFileSync(join(RESULTS, "web-metrics.json"), `${JSON.stringify(metrics, null, 2)}\n`);
  console.log(`web metrics: ${JSON.stringify(metrics)}`);
  await browser?.close();
  server?.stop();
});

describe("web app", () => {
  it("loads the default case running, with no console error", async () => {
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 10_000 })
      .toContain("case=shock-demo");
    await page.waitForTimeout(2500);
    expect(await page.getByTestId("disclaimer").textContent()).toMatch(/not for treating patients/);
    expect(await readNumber("map")).toBeGreaterThan(30);
    // The set EROA (reference state) is told apart from the echo's EROA of the beat.
    expect(await page.locator("label[for=param-mr-eroa_cm2]").textContent()).toContain("at reference");
    expect(await page.evaluate(() => window.__clipshock!.frames())).toBeGreaterThan(30);
    await page.screenshot({ path: join(RESULTS, "web-main-1280x800.png") });
    expect(consoleErrors).toEqual([]);
  });

  it("measures the frame rate over 5 s of live running", async () => {
    const f0 = await page.evaluate(() => ({ frames: window.__clipshock!.frames(), t: performance.now() }));
    await page.waitForTimeout(5000);
    const f1 = await page.evaluate(() => ({ frames: window.__clipshock!.frames(), t: performance.now() }));
    const fps = ((f1.frames - f0.frames) * 1000) / (f1.t - f0.t);
    metrics.frameRate_fps = Math.round(fps * 10) / 10;
    console.log(`frame rate over 5 s: ${fps.toFixed(1)} fps`);
    expect(fps).toBeGreaterThanOrEqual(30);
  });

  it("raising the P-level raises the displayed pump flow and MAP", async () => {
    const flow0 = await readNumber("pump-flow");
    const map0 = await readNumber("map");
    const n = await timingsCount();
    await page.getByTestId("plevel").selectOption("9");
    await settledAfter(n, "P6 → P9");
    const flow1 = await readNumber("pump-flow");
    const map1 = await readNumber("map");
    expect(flow1).toBeGreaterThan(flow0);
    expect(map1).toBeGreaterThan(map0);
  });

  it("a flow target field left empty or without a number sends nothing and shows the running target", async () => {
    await page.getByTestId("pump-mode").selectOption("flow");
    const target = page.getByTestId("pump-target");
    await target.waitFor();
    await page.waitForTimeout(500);
    const running = await target.inputValue();
    const errors = await page.getByTestId("error").count();
    await target.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("e");
    await page.keyboard.press("Tab");
    await page.waitForTimeout(300);
    expect(await page.getByTestId("error").count()).toBe(errors);
    expect(await target.inputValue()).toBe(running);
    await page.getByTestId("pump-mode").selectOption("plevel");
    await page.getByTestId("plevel").waitFor();
    await page.getByTestId("plevel").selectOption("9");
    await page.getByTestId("pump-plevel").filter({ hasText: "P9" }).waitFor({ timeout: 10_000 });
  });

  it("a clip at the jet lowers the regurgitant volume and raises the gradient", async () => {
    const rvol0 = await readNumber("mr-rvol");
    const grad0 = await readNumber("mv-gradient");
    const line = page.getByTestId("valve-line");
    const svg = page.locator(".valve-svg");
    // The valve sits below the patient sliders: bring it on screen before clicking by coordinates.
    await svg.scrollIntoViewIfNeeded();
    const box = (await svg.boundingBox())!;
    // The largest jet is at A3-P3 (preset shares 15/40/45 %): its centre is at +L/3 on the line,
    // drawn at x = 150 + 112·(2/3) of the 300-unit-wide drawing.
    const x = box.x + ((150 + 112 * (2 / 3)) / 300) * box.width;
    const lineBox = (await line.boundingBox())!;
    await page.getByTestId("clip-device-NTW").check();
    const n = await timingsCount();
    await page.mouse.click(x, lineBox.y + lineBox.height / 2);
    await settledAfter(n, "NTW clip at A3-P3");
    await expect.poll(() => page.getByTestId("clip-0").count()).toBe(1);
    const rvol1 = await readNumber("mr-rvol");
    const grad1 = await readNumber("mv-gradient");
    expect(rvol1).toBeLessThan(rvol0);
    expect(grad1).toBeGreaterThan(grad0);
    await page.screenshot({ path: join(RESULTS, "web-after-clip-1280x800.png") });
    // Off the line (the keyboard cursor goes to the commissure): Place is disabled, Enter says why.
    await line.focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press("Shift+ArrowLeft");
    expect(await page.getByTestId("clip-place").isDisabled()).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.getByTestId("clip-refused").textContent()).toContain("off the coaptation line");
    expect(await page.getByTestId("clip-0").count()).toBe(1);
    expect(await page.getByTestId("clip-1").count()).toBe(0);
    // Removing a clip from the keyboard leaves focus on the line, not lost on the page.
    await page.getByTestId("clip-device-NT").check();
    await line.focus();
    for (let i = 0; i < 16; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByTestId("clip-1").waitFor({ timeout: 10_000 });
    await page.getByTestId("clip-1").focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("clip-remove").click();
    await expect.poll(() => page.getByTestId("clip-1").count(), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("valve-line");
    await page.getByTestId("clip-device-NTW").check();
  });

  it("a control change from the keyboard reaches its steady state on screen", async () => {
    const slider = page.getByTestId("param-hr_bpm");
    await slider.focus();
    const n = await timingsCount();
    await page.keyboard.press("ArrowRight");
    await settledAfter(n, "heart rate +1 (keyboard)");
    // The change is named with its value and unit (on the waveform marker and under "What changed").
    expect(await page.getByTestId("what-changed").textContent()).toMatch(/HR \d+ beats\/min/);
    expect(changeTimes_ms.length).toBeGreaterThanOrEqual(3);
    // The target is 300 ms; the bound leaves room for a loaded CI machine.
    for (const c of changeTimes_ms) expect(c.toScreen_ms).toBeLessThan(1500);
  });

  it("importing a broken scenario shows the error and keeps the running situation", async () => {
    const hashBefore = await page.evaluate(() => location.hash);
    const valveBefore = await page.getByTestId("valve-line").boundingBox();
    const broken = JSON.stringify({
      id: "broken",
      title: "broken",
      patient: { preset: "cardiogenic-shock-acute-mr" },
      steps: [{ name: "baseline" }, { name: "too much", impella: { model: "CP", pLevel: 12 } }],
    });
    await page.getByTestId("import").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(broken),
    });
    const error = page.getByTestId("error").last();
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toContain("steps[1].impella.pLevel: 12 is out of range 0..9");
    expect(await error.textContent()).not.toMatch(/at \w+ \(|\.ts:\d+/);
    // The error floats over the page: nothing under the pointer moves.
    expect(await page.getByTestId("valve-line").boundingBox()).toEqual(valveBefore);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => location.hash)).toBe(hashBefore);
    expect(await page.getByTestId("clip-0").count()).toBe(1);
    expect(await page.getByTestId("plevel").inputValue()).toBe("9");
    // A file that is not text (an image picked by mistake) is named as such, not parsed as YAML.
    const errorsBefore = await page.getByTestId("error").count();
    await page.getByTestId("import").setInputFiles({
      name: "plots.png",
      mimeType: "image/png",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x80]),
    });
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-testid=error]").length !== n,
      errorsBefore,
    );
    expect(await page.getByTestId("error").last().textContent()).toContain("plots.png: not a text file");
  });

  it("pausing shows in the status line, and a change made while paused is not timed", async () => {
    const n = await timingsCount();
    await page.getByTestId("run").click();
    await page.getByTestId("plevel").selectOption("8");
    await page.getByTestId("pump-plevel").filter({ hasText: "P8" }).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    expect(await page.getByTestId("status").textContent()).toContain("paused");
    await page.getByTestId("run").click();
    await page.waitForTimeout(300);
    expect(await timingsCount()).toBe(n);
    expect(await page.getByTestId("status").textContent()).toBe("running");
    await page.getByTestId("plevel").selectOption("9");
    await settledAfter(n, "P-level back to 9");
  });

  it("with 'Watch transients' a P-level drop unfolds in real time: the status says so and MAP falls live", async () => {
    await page.getByTestId("transients").check();
    const map0 = await readNumber("map");
    await page.getByTestId("plevel").selectOption("2");
    await expect
      .poll(async () => page.getByTestId("status").textContent(), { timeout: 10_000 })
      .toContain("unfold in real time");
    await page.waitForTimeout(8000);
    expect(await readNumber("map")).toBeLessThan(map0);
    expect(await page.getByTestId("status").textContent()).toContain("not settled");
    await page.getByTestId("transients").uncheck();
    const n = await timingsCount();
    await page.getByTestId("plevel").selectOption("9");
    await settledAfter(n, "P2 → P9 after the transient");
    expect(await page.getByTestId("status").textContent()).toContain("new steady state");
  });

  it("exports the waveforms as CSV and the situation as a scenario the parser accepts", async () => {
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const csvText = readFileSync((await csv.path())!, "utf8");
    expect(csvText.split("\n")[0]).toMatch(/^t_s,ao\.p_mmHg,lv\.p_mmHg,/);
    expect(csvText.split("\n").length).toBeGreaterThan(500);
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-json").click(),
    ]);
    const scenario = parseScenarioText(readFileSync((await json.path())!, "utf8"), "export.json");
    expect(scenario.steps.at(-1)?.impella).toEqual({ model: "CP", pLevel: 9 });
    const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-png").click()]);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe("PNG");
    // Below the plots (three charts, each under a 26 px header), a footer says the figure is simulated.
    const plotsHeight = await page.evaluate(() =>
      [...document.querySelectorAll(".chart canvas")].reduce(
        (a, c) => a + (c as HTMLCanvasElement).height + Math.round(26 * devicePixelRatio),
        0,
      ),
    );
    expect(pngBytes.readUInt32BE(20)).toBeGreaterThan(plotsHeight + 30);
  });

  it("reopens the same situation from its link", async () => {
    const url = await page.evaluate(() => location.href);
    expect(url).toContain("#s=");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByTestId("copy-link").click();
    await page.getByTestId("copy-link").filter({ hasText: "Link copied" }).waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const flow = await readNumber("pump-flow");
    const other = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await other.goto(url);
    await other.getByTestId("clip-0").waitFor({ timeout: 20_000 });
    await other.waitForTimeout(1500);
    const text = (await other.getByTestId("pump-flow").textContent()) ?? "";
    expect(Math.abs(Number(text) - flow)).toBeLessThan(0.3);
    expect(await other.getByTestId("plevel").inputValue()).toBe("9");
    await other.screenshot({ path: join(RESULTS, "web-tablet-1024.png") });
    await other.close();
    expect(consoleErrors).toEqual([]);
  });

  it("a note (suction) appears in the header without moving the panels", async () => {
    const other = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await other.goto(server.url);
    await other.getByTestId("map").waitFor({ timeout: 30_000 });
    const slider = other.getByTestId("param-lv-ees_mmHg_mL");
    const before = (await slider.boundingBox())!.y;
    await slider.focus();
    await other.keyboard.press("End");
    await other.getByTestId("notes").filter({ hasText: "suction" }).waitFor({ timeout: 20_000 });
    expect((await slider.boundingBox())!.y).toBe(before);
    await other.close();
  });

  it("a mangled link says so and opens the default case at its default step", async () => {
    const other = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await other.goto(`${server.url}#s=garbage`);
    await other.getByTestId("error").waitFor({ timeout: 20_000 });
    expect(await other.getByTestId("error").textContent()).toContain("not readable");
    await other.waitForFunction(() => location.hash === "#case=shock-demo&at=1", null, { timeout: 20_000 });
    await other.close();
  });

  it("works offline once loaded (service worker)", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await ctx.newPage();
    await p.goto(server.url);
    await p.getByTestId("map").waitFor({ timeout: 30_000 });
    await p.waitForFunction(async () => Boolean(await navigator.serviceWorker.getRegistration()), null, {
      timeout: 10_000,
    });
    await p.evaluate(() => navigator.serviceWorker.ready);
    await ctx.setOffline(true);
    await p.reload();
    await p.getByTestId("map").waitFor({ timeout: 30_000 });
    await ctx.close();
  });
});
