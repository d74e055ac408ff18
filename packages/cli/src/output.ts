/** Prints one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number")
    return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toFixed(4);
  return String(value);
}

/**
 * Prints rows as an aligned text table, numbers right-aligned, with the given columns and headers.
 *
 * @example
 * printTable([{ period: "2011-01", raw: 0.41 }], [["period", "period"], ["raw", "raw retention"]]);
 */
export function printTable(
  rows: readonly Record<string, unknown>[],
  columns: readonly (readonly [string, string])[],
): void {
  const cells = rows.map((r) => columns.map(([key]) => cell(r[key])));
  const widths = columns.map(([, title], i) =>
    Math.max(title.length, ...cells.map((c) => (c[i] ?? "").length)),
  );
  const numeric = columns.map(([key]) => rows.some((r) => typeof r[key] === "number"));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  process.stdout.write(`${line(columns.map(([, t]) => t))}\n`);
  process.stdout.write(`${line(widths.map((w) => "-".repeat(w)))}\n`);
  for (const c of cells) process.stdout.write(`${line(c)}\n`);
}
