import type { Random } from "./Random.ts";

/**
 * Draws from the normal distribution with the given mean (default 0) and standard deviation
 * (default 1) by the Box–Muller transform. One value per call keeps the generator stateless beyond
 * its `Random`, at the price of two uniforms.
 *
 * @example
 * const noise = sampleNormal(rng, 1, 0.05);
 */
export function sampleNormal(rng: Random, mean = 0, sd = 1): number {
  const radius = Math.sqrt(-2 * Math.log(rng.next()));
  return mean + sd * radius * Math.cos(2 * Math.PI * rng.next());
}
