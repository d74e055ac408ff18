import { readFileSync } from "node:fs";

/** Reads a small CSV from the project's data/ folder into numeric columns (non-numeric cells become NaN). */
export function readCsv(relativePath: string): Record<string, Float64Array> {
  const url = new URL(`../../../data/${relativePath}`, import.meta.url);
  const lines = readFileSync(url, "utf8").trim().split(/\r?\n/);
  const header = (lines[0] ?? "").split(",");
  const rows = lines.slice(1).map((l) => l.split(","));
  const out: Record<string, Float64Array> = {};
  header.forEach((name, j) => {
    out[name] = Float64Array.from(rows, (r) => Number(r[j]));
  });
  return out;
}

/** Reads a CSV column as strings. */
export function readCsvText(relativePath: string, column: string): string[] {
  const url = new URL(`../../../data/${relativePath}`, import.meta.url);
  const lines = readFileSync(url, "utf8").trim().split(/\r?\n/);
  const j = (lines[0] ?? "").split(",").indexOf(column);
  return lines.slice(1).map((l) => l.split(",")[j] ?? "");
}

/** The CDNOW calibration summary (2,357 customers, weeks), compressed to distinct patterns. */
export function cdnowSummary(): { x: Float64Array; tx: Float64Array; T: Float64Array } {
  const c = readCsv("cdnow/cdnow_customers_summary.csv");
  return { x: c.frequency as Float64Array, tx: c.recency as Float64Array, T: c.T as Float64Array };
}
