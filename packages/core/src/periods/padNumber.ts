/**
 * Formats a non-negative integer with leading zeros to at least `width` digits, for date labels.
 *
 * @example
 * padNumber(3, 2); // "03"
 */
export function padNumber(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
