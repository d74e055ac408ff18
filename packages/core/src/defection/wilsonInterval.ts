/**
 * The Wilson score interval of a proportion `successes / n` (default 95%, z = 1.959964). Better than
 * the normal approximation for small groups and rates near 0 or 1; `[0, 1]` when n is 0.
 *
 * @example
 * wilsonInterval(2, 10); // { low: 0.0567, high: 0.5098 } (rounded)
 */
export function wilsonInterval(successes: number, n: number, z = 1.959964): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
