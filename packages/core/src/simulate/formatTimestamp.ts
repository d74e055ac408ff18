const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const MS_PER_DAY = 86_400_000;

// Date part per day number; the simulator touches a few thousand days, formatting each only once.
const dayCache = new Map<number, string>();

function formatDay(day: number): string {
  let text = dayCache.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    dayCache.set(day, text);
  }
  return text;
}

/**
 * Formats epoch milliseconds (UTC) as `YYYY-MM-DD HH:MM:SS`, the timestamp format of the simulated
 * CSV files; fractions of a second are dropped. Much faster than `Date#toISOString` per row because
 * the date part is cached per day.
 *
 * @example
 * formatTimestamp(Date.UTC(2024, 0, 2, 3, 4, 5)); // "2024-01-02 03:04:05"
 */
export function formatTimestamp(ms: number): string {
  const day = Math.floor(ms / MS_PER_DAY);
  let seconds = Math.floor((ms - day * MS_PER_DAY) / 1000);
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  return `${formatDay(day)} ${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}`;
}
