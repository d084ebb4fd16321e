/**
 * Regenerates docs/screenshot.png (and docs/screenshot-lesson.png, the lesson player): the web app at 1280×800 in the teaching case after the first clip,
 * with the state before the clip kept as a snapshot (dashed PV loops). Needs a built dist-web/ and
 * Debian's chromium. Run: node --import tsx scripts/web-screenshot.ts
 */
import { statSync } from "node:fs";
import { createStaticServer, listenFrom } from "../src/cli/static-server.js";
import { launchChromium } from "../test/browser/chromium.js";

const OUT = "docs/screenshot.png";
const LESSON_OUT = "docs/screenshot-lesson.png";
const server = createStaticServer("dist-web");
const port = await listenFrom(server, 0);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/#case=shock-demo&at=1`);
  await page.getByTestId("map").waitFor({ timeout: 30_000 });
  await page.waitForTimeout(2500);
  await page.getByTestId("snapshot").click();
  await page.getByTestId("step-next").click();
  await page.waitForFunction(() => (window.__clipshock?.timings.length ?? 0) > 0, null, { timeout: 20_000 });
  await page.waitForTimeout(3500);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: OUT });
  console.log(`${OUT}: ${(statSync(OUT).size / 1024).toFixed(0)} kB`);
  // The lesson player: lesson b at its second step, after "Show me", in teacher mode.
  const lesson = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await lesson.goto(`http://127.0.0.1:${port}/`);
  await lesson.getByTestId("map").waitFor({ timeout: 30_000 });
  await lesson.getByTestId("lesson-support-hides-mr").click();
  await lesson.waitForTimeout(4000);
  await lesson.getByTestId("lesson-check").click();
  await lesson.getByTestId("lesson-next").click();
  await lesson.getByTestId("lesson-show").click();
  await lesson.waitForTimeout(5000);
  await lesson.getByTestId("lesson-check").click();
  await lesson.getByTestId("teacher-mode").check();
  await lesson.waitForTimeout(500);
  await lesson.screenshot({ path: LESSON_OUT });
  console.log(`${LESSON_OUT}: ${(statSync(LESSON_OUT).size / 1024).toFixed(0)} kB`);
} finally {
  await browser.close();
  server.close();
}
