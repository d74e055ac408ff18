/**
 * Days since 1970-01-01 (UTC) of a `YYYY-MM-DD` date, or NaN when the text is not a real calendar
 * date (so "2023-02-30" is rejected rather than rolled over).
 *
 * @example
 * parseDay("1970-01-02"); // 1
 */
export function parseDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return Number.NaN;
  return ms / 86_400_000;
}
