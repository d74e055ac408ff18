/** A JS instant as SQL timestamp text in UTC ("YYYY-MM-DD HH:MM:SS.mmm"), which every engine casts. */
export function timestampText(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** A date or timestamp column read back from the driver (ISO text) as "YYYY-MM-DD". */
export function dayText(value: unknown): string {
  return String(value).slice(0, 10);
}

/**
 * A JS instant as SQL timestamp text in UTC to the second ("YYYY-MM-DD HH:MM:SS"), for the analytic
 * store: ClickHouse's DateTime holds seconds and reads no fraction.
 */
export function secondText(date: Date): string {
  return date.toISOString().slice(0, 19).replace("T", " ");
}
