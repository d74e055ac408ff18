import type { Row } from "../SqlClient.ts";

/** A numeric column of a result row, or null when SQL gave NULL (engines return numbers or bigint text). */
export function numberOrNull(row: Row, key: string): number | null {
  const v = row[key];
  if (v === null || v === undefined) return null;
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n)) throw new Error(`column ${key} is not a number: ${String(v)}`);
  return n;
}

/** A numeric column where NULL means zero (a sum over no rows, a count). */
export function numberOrZero(row: Row, key: string): number {
  return numberOrNull(row, key) ?? 0;
}

/** A text column of a result row, or null. */
export function textOrNull(row: Row, key: string): string | null {
  const v = row[key];
  return v === null || v === undefined ? null : String(v);
}

/** `numerator / denominator`, or null when the denominator is zero or unknown. */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
}
