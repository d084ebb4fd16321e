import { describe, expect, it } from "vitest";
import { selectionAfterRemoval } from "./ValveView.js";

describe("clip selection after a removal", () => {
  it("drops the removed clip's selection and follows a later clip down", () => {
    expect(selectionAfterRemoval(0, 0)).toBeNull();
    expect(selectionAfterRemoval(2, 0)).toBe(1);
    expect(selectionAfterRemoval(0, 2)).toBe(0);
    expect(selectionAfterRemoval(null, 1)).toBeNull();
  });
});
