/**
 * Impella pump data: affinity-law head-flow fits ΔP = a·n² − k·Q² (n krpm, Q L/min) and the
 * motor speed of each P-level. Reference §1.2 and §1.4.
 */
export type ImpellaModel = "2.5" | "CP" | "5.0" | "5.5";
export const IMPELLA_MODELS: readonly ImpellaModel[] = ["2.5", "CP", "5.0", "5.5"];

export interface ImpellaData {
  readonly model: ImpellaModel;
  /** Head coefficient a (mmHg/krpm²). */
  readonly a_mmHg_krpm2: number;
  /** Forward loss coefficient k (mmHg/(L/min)²). */
  readonly k_mmHg_per_Lmin2: number;
  /** Motor speed (krpm) at P0…P9 (2.5: P9 = Boost). */
  readonly speeds_krpm: readonly number[];
  /** Cannula inertance ρ·ℓ/A (mmHg·s²/mL) [E]. */
  readonly inertance_mmHg_s2_mL: number;
  /** Labelled maximum mean flow (L/min). */
  readonly labelledMaxFlow_L_min: number;
  readonly source: string;
}

export const IMPELLA: Readonly<Record<ImpellaModel, ImpellaData>> = {
  "2.5": {
    model: "2.5",
    a_mmHg_krpm2: 0.06998,
    k_mmHg_per_Lmin2: 25.622,
    speeds_krpm: [0, 25, 35, 38, 40, 43, 45, 47, 50, 51],
    inertance_mmHg_s2_mL: 0.05,
    labelledMaxFlow_L_min: 2.5,
    source: "speeds: Impella 2.5 IFU P-level table [S]; fit a, k [D] (reference §1.2, §1.4)",
  },
  CP: {
    model: "CP",
    a_mmHg_krpm2: 0.08501,
    k_mmHg_per_Lmin2: 11.337,
    speeds_krpm: [0, 23, 31, 33, 35, 37, 39, 42, 44, 46],
    inertance_mmHg_s2_mL: 0.035,
    labelledMaxFlow_L_min: 3.7,
    source:
      "speeds [L] (≈ fitted free speeds ±0.7 krpm); fit a, k [D]; max mean flow 3.7 L/min (IFU rev V, secondary) (reference §1.1-1.4)",
  },
  "5.0": {
    model: "5.0",
    a_mmHg_krpm2: 0.21081,
    k_mmHg_per_Lmin2: 7.493,
    speeds_krpm: [0, 10, 17, 20, 22, 24, 26, 28, 30, 33],
    inertance_mmHg_s2_mL: 0.015,
    labelledMaxFlow_L_min: 5.0,
    source: "effective fitted speeds [E], P9 ≈ 33 krpm [L]; fit a, k [D] (reference §1.2, §1.4)",
  },
  "5.5": {
    model: "5.5",
    a_mmHg_krpm2: 0.21081,
    k_mmHg_per_Lmin2: 5.94,
    speeds_krpm: [0, 10, 17, 20, 22, 24, 26, 28, 30, 33],
    inertance_mmHg_s2_mL: 0.015,
    labelledMaxFlow_L_min: 5.5,
    source:
      "[E]: the 5.0 model with k set so P9 gives 5.5 L/min at 50 mmHg head and 6.2 L/min at zero head (reference §1.1)",
  },
};

/** Ratio of backward to forward loss coefficient for retrograde flow through a stopped/slow pump [E]. */
export const BACKFLOW_LOSS_RATIO = 3;

/** Quasi-static flow (L/min) at speed n (krpm) against a head ΔP (mmHg), from the affinity fit. */
export function staticFlow_L_min(data: ImpellaData, n_krpm: number, head_mmHg: number): number {
  const shutoff = data.a_mmHg_krpm2 * n_krpm * n_krpm;
  if (head_mmHg <= shutoff) return Math.sqrt((shutoff - head_mmHg) / data.k_mmHg_per_Lmin2);
  return -Math.sqrt((head_mmHg - shutoff) / (BACKFLOW_LOSS_RATIO * data.k_mmHg_per_Lmin2));
}

/** The P-level whose speed is nearest to n (what the console would display). */
export function nearestPLevel(data: ImpellaData, n_krpm: number): number {
  let best = 0;
  for (let p = 1; p < data.speeds_krpm.length; p++) {
    if (Math.abs(data.speeds_krpm[p] - n_krpm) < Math.abs(data.speeds_krpm[best] - n_krpm)) best = p;
  }
  return best;
}
