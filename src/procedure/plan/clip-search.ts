/**
 * Clip strategy search (lesson a, and the question a team asks before each clip: where next?).
 * Beam search clip by clip over devices × positions on a 2 mm grid:
 *   1. screen every extension of the beam geometrically (clip-screen.ts; microseconds each);
 *   2. drop sets whose diastolic area is below the criterion (exact from the geometry; more clips only
 *      lower it), keep the `beamWidth` with the least residual orifice to grow further;
 *   3. simulate at low support only the few most promising per level (least residual orifice whose
 *      estimated gradient is near or below the limit), plus, at the first level, the best clip in each
 *      third of the line and the best few that fail the screen, so the ranking has context;
 *   4. rank the simulated strategies (rank.ts).
 * Simulations run through `run` (worker threads or in-process), all of a level at once.
 */
import type { PlacedClip } from "../../devices/mitraclip/geometry.js";
import { checkClipPlacement, segmentCentre_mm } from "../../devices/mitraclip/geometry.js";
import type { Measurements } from "../../measure/beat.js";
import { type Params, SEGMENTS } from "../../physiology/params.js";
import type { EcmoSetting, IabpSetting, ImpellaSetting } from "../circuit.js";
import {
  type Baseline,
  candidateClips,
  geometricArea_cm2,
  lengthOf,
  type Screened,
  screen,
  setKey,
} from "./clip-screen.js";
import { AREA_MIN_CM2, GRADIENT_LIMIT_MMHG } from "./criteria.js";
import { clipsInZone } from "./interference.js";
import type { StateJob, StateOutcome } from "./job.js";
import { rankStrategies, strategyOf } from "./rank.js";
import type { ClipStrategy, PlannedClip } from "./types.js";

export interface SearchSetup {
  params: Params;
  /** Clips already in place. */
  existing: PlacedClip[];
  /** The pump setting the strategies are judged at (low support), or null. */
  impella: ImpellaSetting | null;
  /** Whether a pump is in place during the procedure (for interference). */
  pumpInPlace: boolean;
  /** Other support at the search's level (IABP, VA-ECMO); absent: none. */
  iabp?: IabpSetting | null;
  ecmo?: EcmoSetting | null;
  from: Record<string, number>;
  /** Simulated state at that support with no clip added. */
  baseline: Measurements;
}

export interface SearchOptions {
  maxClips: number;
  /** Sets kept to grow at each level. */
  beamWidth: number;
  /** Promising sets simulated at each level. */
  simulationsPerLevel: number;
}

export const DEFAULT_SEARCH: SearchOptions = { maxClips: 3, beamWidth: 8, simulationsPerLevel: 16 };

/** Estimated gradient up to this multiple of the limit still earns a simulation (the estimate is rough). */
const GRADIENT_SCREEN_MARGIN = 1.3;
/** Single clips failing the screen that are simulated anyway, for context. */
const CONTEXT_PER_LEVEL = 2;

export interface SearchOutcome {
  /** Every simulated strategy, ranked. */
  ranked: ClipStrategy[];
  simulated: number;
  geometryEvaluated: number;
}

export type Run = (job: StateJob) => Promise<StateOutcome>;

/** Every set that adds one candidate to one of `parents`, not seen before. */
function extend(
  parents: readonly Screened[],
  candidates: readonly PlannedClip[],
  setup: SearchSetup,
  base: Baseline,
  seen: Set<string>,
): Screened[] {
  const length = lengthOf(setup.params);
  const out: Screened[] = [];
  for (const parent of parents) {
    for (const c of candidates) {
      const added = [...parent.clips, c];
      const key = setKey(added);
      if (seen.has(key)) continue;
      seen.add(key);
      if (checkClipPlacement([...setup.existing, ...added], length).length > 0) continue;
      out.push(screen(setup.params, setup.existing, added, base));
    }
  }
  return out.sort((a, b) => a.eroa_cm2 - b.eroa_cm2);
}

/** The sets of one level worth simulating. */
export function pickForSimulation(
  level: number,
  sets: readonly Screened[],
  options: SearchOptions,
  length_mm: number,
): Screened[] {
  const areaOk = (s: Screened) => s.area_cm2 >= AREA_MIN_CM2;
  const promising = sets.filter(
    (s) => areaOk(s) && s.gradient_mmHg < GRADIENT_LIMIT_MMHG * GRADIENT_SCREEN_MARGIN,
  );
  const picked = new Map<string, Screened>();
  for (const s of promising.slice(0, options.simulationsPerLevel)) picked.set(setKey(s.clips), s);
  if (level === 1) {
    // The best single clip in each third of the line, so the ranking shows every region.
    for (const seg of SEGMENTS) {
      const centre = segmentCentre_mm(seg, length_mm);
      const best = sets.find((s) => Math.abs(s.clips[0].offset_mm - centre) <= length_mm / 6);
      if (best) picked.set(setKey(best.clips), best);
    }
  }
  // Context: the best few that fail the screen, only among single clips (deeper failures add nothing).
  let context = level === 1 ? 0 : CONTEXT_PER_LEVEL;
  for (const s of sets) {
    if (context >= CONTEXT_PER_LEVEL) break;
    if (picked.has(setKey(s.clips))) continue;
    picked.set(setKey(s.clips), s);
    context++;
  }
  return [...picked.values()];
}

export async function searchClips(
  setup: SearchSetup,
  options: SearchOptions,
  run: Run,
  onSimulated?: (done: number, total: number) => void,
): Promise<SearchOutcome> {
  const length = lengthOf(setup.params);
  const base: Baseline = {
    geometricArea_cm2: geometricArea_cm2(setup.params, setup.existing),
    mv_area_cm2: setup.baseline.mv_area_cm2,
    mv_gradient_mean_mmHg: setup.baseline.mv_gradient_mean_mmHg,
  };
  const candidates = candidateClips(setup.existing, length);
  const seen = new Set<string>();
  let beam: Screened[] = [{ clips: [], eroa_cm2: 0, area_cm2: 0, gradient_mmHg: 0 }];
  const strategies: ClipStrategy[] = [];
  let geometryEvaluated = 0;
  let total = 0;
  let done = 0;
  for (let level = 1; level <= options.maxClips && beam.length > 0; level++) {
    const sets = extend(beam, candidates, setup, base, seen);
    geometryEvaluated += sets.length;
    if (sets.length === 0) break;
    const picks = pickForSimulation(level, sets, options, length);
    total += picks.length;
    onSimulated?.(done, total);
    const results = await Promise.all(
      picks.map(async (s) => {
        const outcome = await run({
          params: setup.params,
          devices: {
            impella: setup.impella,
            clips: [...setup.existing, ...s.clips],
            iabp: setup.iabp ?? null,
            ecmo: setup.ecmo ?? null,
          },
          from: setup.from,
        });
        onSimulated?.(++done, total);
        return { s, outcome };
      }),
    );
    for (const { s, outcome } of results) {
      if (!outcome.ok) continue; // a state the model cannot run is not a strategy
      const interference = setup.pumpInPlace && clipsInZone(s.clips, length).length > 0;
      strategies.push(strategyOf(s.clips, outcome.measurements, s.eroa_cm2, interference, outcome.converged));
    }
    // Only sets that still meet the area can grow: another clip only lowers it.
    beam = sets.filter((s) => s.area_cm2 >= AREA_MIN_CM2).slice(0, options.beamWidth);
  }
  return { ranked: rankStrategies(strategies), simulated: done, geometryEvaluated };
}
