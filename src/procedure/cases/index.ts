/**
 * Built-in cases: the two published reports the project started from (shared/seeds).
 */
import type { Scenario } from "../types.js";
import { ecpella } from "./ecpella.js";
import { iabpTiming } from "./iabp-timing.js";
import { impellaCpTwoClips } from "./impella-cp-two-clips.js";
import { impella5WeanTest } from "./impella5-wean-test.js";
import { pascalVsMitraclip } from "./pascal-vs-mitraclip.js";
import { shockDemo } from "./shock-demo.js";

export const CASES: readonly Scenario[] = [
  impellaCpTwoClips,
  impella5WeanTest,
  shockDemo,
  iabpTiming,
  ecpella,
  pascalVsMitraclip,
];

export function getCase(id: string): Scenario | undefined {
  return CASES.find((c) => c.id === id);
}
