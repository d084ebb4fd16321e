/**
 * Shapley values of a game over a few players (Shapley LS, "A value for n-person games", 1953):
 * each player's average marginal contribution over every order in which the players join. The
 * shares sum to v(all) − v(none), so they split a difference without a remainder.
 */

/** `value(set)` for every subset of `players` (a set given as the players in it). */
export function shapley<P extends string>(
  players: readonly P[],
  value: (members: ReadonlySet<P>) => number,
): Record<P, number> {
  const n = players.length;
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const out = {} as Record<P, number>;
  for (const p of players) {
    const others = players.filter((q) => q !== p);
    let phi = 0;
    for (let mask = 0; mask < 1 << others.length; mask++) {
      const s = new Set(others.filter((_, i) => mask & (1 << i)));
      const weight = (fact(s.size) * fact(n - s.size - 1)) / fact(n);
      const withP = new Set(s);
      withP.add(p);
      phi += weight * (value(withP) - value(s));
    }
    out[p] = phi;
  }
  return out;
}
