import { CausesError } from "./CausesError.ts";
import type { DriverColumn, DriverDataset } from "./DriverDataset.ts";

/** Options of `tableDriverDataset`. */
export interface TableDatasetOptions {
  /** The outcome column (e.g. "Churn"). */
  readonly outcome: string;
  /** The outcome value meaning "defected" (e.g. "Yes"); compared after trimming. */
  readonly positive: string;
  /** A numeric column holding each customer's value; default none (every customer worth 1). */
  readonly value?: string;
  /** Multiplies the value column (MonthlyCharges × 12 = a year's revenue); default 1. */
  readonly valueMultiplier?: number;
  /** The id column; default the first column whose values are all distinct text. */
  readonly id?: string;
  /** Columns to leave out. */
  readonly exclude?: readonly string[];
  /** A numeric column with at most this many distinct values is treated as a category; default 5. */
  readonly maxNumericLevels?: number;
  /** Buckets of other numeric columns: quantiles, default 4 (quartiles). */
  readonly buckets?: number;
}

const isNumber = (v: string) => v.trim() !== "" && Number.isFinite(Number(v));

function formatCut(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** Quantile buckets of a numeric column: "[lo, hi)" labels, blanks as "(blank)". */
function bucketed(values: readonly string[], buckets: number): string[] {
  const numbers = values
    .filter(isNumber)
    .map(Number)
    .sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let q = 1; q < buckets; q++) {
    const cut = numbers[Math.floor((q * numbers.length) / buckets)];
    if (cut !== undefined && cut !== cuts.at(-1) && cut > (numbers[0] ?? cut)) cuts.push(cut);
  }
  const min = numbers[0] ?? 0;
  const max = numbers.at(-1) ?? 0;
  const bounds = [min, ...cuts, max];
  return values.map((v) => {
    if (!isNumber(v)) return "(blank)";
    const x = Number(v);
    let b = 0;
    while (b < cuts.length && x >= (cuts[b] ?? Number.POSITIVE_INFINITY)) b++;
    const lo = bounds[b] ?? min;
    const hi = bounds[b + 1] ?? max;
    return b === cuts.length
      ? `[${formatCut(lo)}, ${formatCut(hi)}]`
      : `[${formatCut(lo)}, ${formatCut(hi)})`;
  });
}

/**
 * Builds the driver dataset from a flat table (a header row then one row per customer or contract,
 * e.g. the IBM telco churn file): the outcome is `outcome === positive`; text columns become
 * categories (one-hot later, reference = the most frequent level); numeric columns with few distinct
 * values (SeniorCitizen 0/1) are categories too, other numeric columns are cut into quantile buckets
 * (tenure, MonthlyCharges; blanks — TotalCharges for new customers — get their own "(blank)" level);
 * the id column and the outcome are left out (the value column stays a candidate driver). Value is `value × valueMultiplier` (blank → 0).
 *
 * @throws CausesError when the outcome or value column is missing or the table is empty.
 * @example
 * const d = tableDriverDataset(parseCsv(text), { outcome: "Churn", positive: "Yes", value: "MonthlyCharges", valueMultiplier: 12 });
 */
export function tableDriverDataset(
  table: readonly (readonly string[])[],
  options: TableDatasetOptions,
): DriverDataset {
  const [header, ...rows] = table;
  if (header === undefined || rows.length === 0) throw new CausesError("the table has no rows");
  const col = (name: string, flag: string) => {
    const at = header.indexOf(name);
    if (at < 0) throw new CausesError(`${flag} column "${name}" is not in the table (${header.join(", ")})`);
    return at;
  };
  const outcomeAt = col(options.outcome, "--outcome");
  const valueAt = options.value === undefined ? null : col(options.value, "--value");
  const multiplier = options.valueMultiplier ?? 1;
  const cell = (r: readonly string[], j: number) => (r[j] ?? "").trim();
  const texts = header.map((_, j) => rows.map((r) => cell(r, j)));
  let idAt = options.id === undefined ? -1 : col(options.id, "--id");
  if (idAt < 0) {
    idAt = header.findIndex((_, j) => {
      const v = texts[j] ?? [];
      return !v.every(isNumber) && new Set(v).size === v.length;
    });
  }
  const exclude = new Set(options.exclude ?? []);
  const columns: DriverColumn[] = [];
  header.forEach((name, j) => {
    if (j === outcomeAt || j === idAt || exclude.has(name)) return;
    const v = texts[j] ?? [];
    const nonBlank = v.filter((x) => x !== "");
    const numeric = nonBlank.length > 0 && nonBlank.every(isNumber);
    if (numeric && new Set(nonBlank).size > (options.maxNumericLevels ?? 5)) {
      columns.push({ kind: "category", name, values: bucketed(v, options.buckets ?? 4) });
    } else columns.push({ kind: "category", name, values: v.map((x) => (x === "" ? null : x)) });
  });
  const positive = options.positive.trim();
  return {
    ids: rows.map((r, i) => (idAt >= 0 ? cell(r, idAt) : String(i + 1))),
    outcome: Uint8Array.from(rows.map((r) => (cell(r, outcomeAt) === positive ? 1 : 0))),
    value: Float64Array.from(
      rows.map((r) => {
        if (valueAt === null) return 1;
        const v = cell(r, valueAt);
        return isNumber(v) ? Number(v) * multiplier : 0;
      }),
    ),
    valueBasis: valueAt === null ? "customers" : `${options.value} × ${multiplier}`,
    columns,
  };
}
