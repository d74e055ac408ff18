/** A report row that may be suppressed: its figures null when `suppressed`. */
export type Suppressible<T> = { readonly [K in keyof T]: T[K] | null } & { readonly suppressed: boolean };

/**
 * Rows of a report with every group smaller than `minimum` customers suppressed: its figures (every
 * field but `keep`, the row's labels) become null and `suppressed` is true, so a group of a few
 * customers is shown as suppressed, never as numbers that could identify them. Other rows are kept
 * whole with `suppressed: false`.
 *
 * @example
 * suppressSmallGroups([{ group: "EIRE", customers: 3, sales: 900 }], (r) => r.customers, 5, ["group"]);
 * // [{ group: "EIRE", customers: null, sales: null, suppressed: true }]
 */
export function suppressSmallGroups<T extends object>(
  rows: readonly T[],
  size: (row: T) => number,
  minimum: number,
  keep: readonly (keyof T)[],
): Suppressible<T>[] {
  return rows.map((row) => suppressRow(row, size(row) < minimum, keep));
}

/**
 * One row, suppressed (figures null, labels in `keep` kept) or kept whole.
 *
 * @example
 * suppressRow({ period: "2011-01", raw: 0.5 }, true, ["period"]); // { period: "2011-01", raw: null, suppressed: true }
 */
export function suppressRow<T extends object>(
  row: T,
  suppressed: boolean,
  keep: readonly (keyof T)[],
): Suppressible<T> {
  if (!suppressed) return { ...row, suppressed: false };
  const out: Record<string, unknown> = { suppressed: true };
  for (const key of Object.keys(row) as (keyof T & string)[]) out[key] = keep.includes(key) ? row[key] : null;
  return out as Suppressible<T>;
}
