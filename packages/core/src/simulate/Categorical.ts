import type { Random } from "./Random.ts";

/**
 * A discrete distribution over a fixed list of values, sampled in constant time by Walker's alias
 * method (Vose's stable construction). Used for products, categories, branches and channels, where
 * a draw happens for every simulated row.
 *
 * @example
 * const channel = new Categorical(["store", "online"], [3, 1]);
 * channel.sample(rng); // "store" three times as often as "online"
 */
export class Categorical<T> {
  private readonly probability: Float64Array;
  private readonly alias: Int32Array;

  /**
   * @param values the outcomes.
   * @param weights non-negative relative weights, one per value, not all zero (need not sum to 1).
   */
  constructor(
    readonly values: readonly T[],
    weights: readonly number[],
  ) {
    const n = values.length;
    if (n === 0 || weights.length !== n) throw new Error("Categorical: need one weight per value");
    const total = weights.reduce((s, w) => s + w, 0);
    if (!(total > 0) || weights.some((w) => !(w >= 0))) {
      throw new Error("Categorical: weights must be non-negative and not all zero");
    }
    this.probability = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = weights.map((w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((s, i) => {
      (s < 1 ? small : large).push(i);
    });
    for (;;) {
      const s = small.pop();
      const l = large.pop();
      if (s === undefined || l === undefined) {
        // Leftovers are 1 up to rounding error.
        for (const i of [s, l]) if (i !== undefined) this.probability[i] = 1;
        for (const i of small) this.probability[i] = 1;
        for (const i of large) this.probability[i] = 1;
        break;
      }
      const ps = scaled[s] ?? 0;
      this.probability[s] = ps;
      this.alias[s] = l;
      const rest = (scaled[l] ?? 0) + ps - 1;
      scaled[l] = rest;
      (rest < 1 ? small : large).push(l);
    }
  }

  /** The index of one draw. */
  sampleIndex(rng: Random): number {
    const x = rng.next() * this.probability.length;
    const i = Math.floor(x);
    return x - i < (this.probability[i] ?? 1) ? i : (this.alias[i] ?? i);
  }

  /** One draw. */
  sample(rng: Random): T {
    return this.values[this.sampleIndex(rng)] as T;
  }
}
