// Relative share of purchases in each hour of the day (UTC taken as local time): shops open in the
// morning, peak at lunch and after work, and a trickle of online orders comes in at night.
const HOURLY_WEIGHTS = [
  0.3, 0.15, 0.08, 0.05, 0.05, 0.1, 0.3, 0.8, 1.6, 2.6, 3.5, 4.1, 4.6, 4.2, 3.8, 3.8, 4.1, 4.6, 5.1, 4.7, 3.6,
  2.5, 1.5, 0.7,
];

// Cumulative share at the start of each hour, and 1 at the end of the day.
const CUMULATIVE: readonly number[] = (() => {
  const total = HOURLY_WEIGHTS.reduce((s, w) => s + w, 0);
  const out = [0];
  let sum = 0;
  for (const w of HOURLY_WEIGHTS) {
    sum += w / total;
    out.push(sum);
  }
  out[24] = 1;
  return out;
})();

/**
 * Maps a uniform fraction of a day to a realistic time of day (fraction of a day), monotonically:
 * the simulator's continuous purchase times keep their day and their order but land in shopping
 * hours. The map is the inverse of a piecewise-linear cumulative distribution of hourly weights.
 *
 * @example
 * timeOfDay(0.5); // ≈ 0.63, a little after 15:00: half of the day's purchases happen before then
 */
export function timeOfDay(fraction: number): number {
  let hour = 0;
  while (hour < 23 && (CUMULATIVE[hour + 1] ?? 1) <= fraction) hour++;
  const low = CUMULATIVE[hour] ?? 0;
  const high = CUMULATIVE[hour + 1] ?? 1;
  return (hour + (fraction - low) / (high - low)) / 24;
}
