import { describe, expect, it } from "vitest";
import { type ClipAction, undo } from "./clip-undo.js";

const a = { device: "NTW" as const, offset_mm: 0 };
const b = { device: "NT" as const, offset_mm: 6 };

describe("clip undo stack", () => {
  it("select clip 1, Delete, Undo: the deleted clip comes back (not the last-placed one removed)", () => {
    const stack: ClipAction[] = [
      { kind: "add", clip: a },
      { kind: "add", clip: b },
      { kind: "remove", clip: a },
    ];
    const r = undo(stack, [b]);
    expect(r.change).toEqual({ kind: "addClip", clip: a });
    expect(r.stack).toHaveLength(2);
  });
  it("undoing a placement removes that clip wherever it sits in the list", () => {
    const r = undo([{ kind: "add", clip: a }], [a, b]);
    expect(r.change).toEqual({ kind: "removeClip", index: 0 });
  });
  it("skips actions that no longer apply (the clip went with a case load) and ends with nothing", () => {
    expect(undo([{ kind: "add", clip: a }], [b]).change).toBeNull();
    expect(undo([], [a]).change).toBeNull();
  });
});
