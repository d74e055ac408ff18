/** A JS instant as SQL timestamp text in UTC ("YYYY-MM-DD HH:MM:SS.mmm"), which every engine casts. */
export function timestampText(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

/** A date or timestamp column read back from the driver (ISO text) as "YYYY-MM-DD". */
export function dayText(value: unknown): string {
  return String(value).slice(0, 10);
}
