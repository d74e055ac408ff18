import { logGamma } from "./logGamma.ts";

/**
 * Returns x ↦ ln Γ(c + x), memoised for integer x in [0, maxIndex]. Purchase counts are small integers
 * shared by many patterns, so a likelihood evaluation needs ln Γ(r + x) for only a few distinct x; the
 * cache makes fitting cost scale with distinct counts rather than patterns.
 *
 * @example
 * const lg = shiftedLogGamma(0.5, 100); lg(3); // ln Γ(3.5)
 */
export function shiftedLogGamma(c: number, maxIndex: number): (x: number) => number {
  const size = Math.max(0, Math.min(Math.floor(maxIndex), 100_000) + 1);
  const cache = new Float64Array(size).fill(Number.NaN);
  return (x: number): number => {
    if (Number.isInteger(x) && x >= 0 && x < size) {
      const hit = cache[x] as number;
      if (!Number.isNaN(hit)) return hit;
      const v = logGamma(c + x);
      cache[x] = v;
      return v;
    }
    return logGamma(c + x);
  };
}
