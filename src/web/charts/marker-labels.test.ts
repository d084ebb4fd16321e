import { describe, expect, it } from "vitest";
import { fitText, layoutMarkerLabels } from "./wave-chart.js";

/** 6 px per character. */
const measure = (t: string) => t.length * 6;

describe("marker labels", () => {
  it("never overlap, and a newer marker keeps its label first", () => {
    const markers = [
      { x: 100, label: "loaded shock-demo" },
      { x: 120, label: "HR 150 beats/min" },
      { x: 140, label: "Impella CP P8" },
    ];
    const placed = layoutMarkerLabels(markers, 600, 3, measure);
    expect(placed.find((p) => p.x === 143)).toMatchObject({ text: "Impella CP P8", row: 0 });
    for (const a of placed)
      for (const b of placed)
        if (a !== b && a.row === b.row) expect(a.x + a.width <= b.x || b.x + b.width <= a.x).toBe(true);
  });

  it("stay inside the plot, shortened with an ellipsis", () => {
    const placed = layoutMarkerLabels([{ x: 540, label: "stressed volume 300 mL" }], 600, 3, measure);
    expect(placed).toHaveLength(1);
    expect(placed[0].x + placed[0].width).toBeLessThanOrEqual(600);
    expect(placed[0].text.endsWith("…")).toBe(true);
  });

  it("leave out a label with no room at all", () => {
    const placed = layoutMarkerLabels([{ x: 598, label: "pump removed" }], 600, 3, measure);
    expect(placed).toHaveLength(0);
  });

  it("fitText keeps text that fits and cuts what does not", () => {
    expect(fitText("abc", 100, measure)).toBe("abc");
    expect(measure(fitText("abcdefghij", 30, measure))).toBeLessThanOrEqual(30);
  });
});
