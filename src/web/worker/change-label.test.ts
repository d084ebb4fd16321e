import { describe, expect, it } from "vitest";
import { changeLabel } from "./change-label.js";
import { looksBinary } from "./text-file.js";

describe("change labels", () => {
  it("say what was set, to what, with its unit", () => {
    expect(changeLabel({ kind: "params", patch: { hr_bpm: 150 } })).toBe("HR 150 beats/min");
    expect(changeLabel({ kind: "params", patch: { stressedVolume_mL: 300 } })).toBe("stressed volume 300 mL");
    expect(changeLabel({ kind: "impella", request: { model: "CP", pLevel: 8 } })).toBe("Impella CP P8");
    expect(changeLabel({ kind: "impella", request: { model: "5.5", targetFlow_L_min: 4.5 } })).toBe(
      "Impella 5.5 to 4.5 L/min",
    );
    expect(changeLabel({ kind: "impella", request: null })).toBe("pump removed");
    expect(changeLabel({ kind: "addClip", request: { device: "XTW", position: { offset_mm: -4 } } })).toBe(
      "XTW clip at -4 mm",
    );
    expect(changeLabel({ kind: "removeClip", index: 0 })).toBe("clip 1 removed");
  });
});

describe("imported file check", () => {
  it("tells a binary file from a scenario", () => {
    expect(looksBinary('{"id": "x"}')).toBe(false);
    expect(looksBinary("id: x\ntitle: Ünïcödé ok\n")).toBe(false);
    expect(looksBinary("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR")).toBe(true);
    expect(looksBinary("\uFFFD".repeat(20) + "abc")).toBe(true);
  });
});
