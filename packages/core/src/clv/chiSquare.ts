/**
 * Pearson's chi-square statistic Σ (observed − expected)² / expected over the classes with a positive
 * expectation: the usual goodness-of-fit summary of a frequency histogram (e.g. 0..7+ repeat
 * purchases). Compare it with the chi-square distribution on classes − 1 − fitted parameters degrees
 * of freedom.
 *
 * @example
 * chiSquare([50, 30, 20], [55, 25, 20]); // 0.5 + 0.833… + 0 = 1.333…
 */
export function chiSquare(expected: ArrayLike<number>, observed: ArrayLike<number>): number {
  if (expected.length !== observed.length)
    throw new RangeError("expected and observed must have the same length");
  let total = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    if (e > 0) total += ((observed[i] as number) - e) ** 2 / e;
  }
  return total;
}
