import type { Random } from "./Random.ts";

/**
 * Draws from the exponential distribution with the given rate (mean 1 / rate) by inversion. A rate of
 * 0 gives `Infinity` (the event never happens), which the simulator relies on for customers whose
 * purchase rate underflowed to zero.
 *
 * @example
 * const gapDays = sampleExponential(rng, 0.025); // mean 40 days
 */
export function sampleExponential(rng: Random, rate: number): number {
  return -Math.log(rng.next()) / rate;
}
