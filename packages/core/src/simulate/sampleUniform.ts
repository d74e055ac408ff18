import type { Random } from "./Random.ts";

/**
 * Draws from the continuous uniform distribution on (low, high).
 *
 * @example
 * sampleUniform(new Random(1), 0.9, 1.1); // a noise factor around 1
 */
export function sampleUniform(rng: Random, low: number, high: number): number {
  return low + (high - low) * rng.next();
}
