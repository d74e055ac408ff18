import { CausesError } from "./CausesError.ts";
import type { DriverColumn, DriverDataset, LeftOutColumn } from "./DriverDataset.ts";
import { driverRole } from "./driverRole.ts";
import { identifierKind } from "./identifierKind.ts";
import { type MatchedColumn, matchColumn } from "./matchColumn.ts";

/** Options of `tableDriverDataset`. */
export interface TableDatasetOptions {
  /** The outcome column (e.g. "Churn"). */
  readonly outcome: string;
  /** The outcome value meaning "defected" (e.g. "Yes"); compared after trimming, case ignored. */
  readonly positive: string;
  /**
   * Outcome values whose rows are left out of the denominator (e.g. "Joined": customers who only
   * just arrived cannot have defected yet); default none, so every other value counts as staying.
   */
  readonly ignore?: readonly string[];
  /** A numeric column holding each customer's value; default none (every customer worth 1). */
  readonly value?: string;
  /** Multiplies the value column (MonthlyCharges × 12 = a year's revenue); default 1. */
  readonly valueMultiplier?: number;
  /** The id column; default the first column whose values are all distinct text. */
  readonly id?: string;
  /** Columns to leave out; each must be a column of the table. */
  readonly exclude?: readonly string[];
  /** Columns to analyse even though they look like identifiers, postal codes or coordinates. */
  readonly include?: readonly string[];
  /** A numeric column with at most this many distinct values is treated as a category; default 5. */
  readonly maxNumericLevels?: number;
  /** Buckets of other numeric columns: quantiles, default 4 (quartiles). */
  readonly buckets?: number;
  /** Columns that are service issues although their name says otherwise (see `driverRole`). */
  readonly service?: readonly string[];
  /** Columns that describe the customer (tenure, region, …) although their name says otherwise. */
  readonly descriptor?: readonly string[];
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

/** The outcome level a user typed, found among the column's levels (exact, else ignoring case). */
function matchLevel(levels: readonly string[], value: string, flag: string, column: string): string {
  const wanted = value.trim();
  const found =
    levels.find((l) => l === wanted) ?? levels.find((l) => l.toLowerCase() === wanted.toLowerCase());
  if (found === undefined) {
    throw new CausesError(
      `${flag} "${value}" is not a value of ${column} (values: ${levels.map((l) => (l === "" ? "(blank)" : l)).join(", ")})`,
    );
  }
  return found;
}

/**
 * Builds the driver dataset from a flat table (a header row then one row per customer or contract,
 * e.g. the IBM telco churn file or a CRM export): the outcome is `outcome === positive`, rows whose
 * outcome is in `ignore` are left out (customers who just joined), every other row counts as
 * staying; text columns become categories (one-hot later, reference = the largest level), each a
 * service issue or a descriptor of the customer by its name or the user's `service`/`descriptor`;
 * numeric columns with few distinct values (SeniorCitizen 0/1) are categories too, other numeric
 * columns are cut into quantile buckets (tenure, MonthlyCharges; blanks — TotalCharges for new
 * customers — get their own "(blank)" level). The id column and the outcome are left out (the value
 * column stays a candidate driver), and so are columns that label a customer rather than describe it
 * — ids, zip or postal codes, latitude and longitude, numeric codes (see `identifierKind`) — unless
 * named in `include`; they are listed in `leftOut`. Header names are trimmed (exports pad them), and
 * every column named in the options is found ignoring case and spaces (`matchColumn`); a column
 * found by another spelling is named in `notes`. Value is `value × valueMultiplier` (blank → 0).
 *
 * @throws CausesError when a named column is missing (listing the columns), `positive` or an
 *   `ignore` level is not a value of the outcome (listing the values), or no row is left.
 * @example
 * const d = tableDriverDataset(parseCsv(text), { outcome: "Customerstatus", positive: "Churned",
 *   ignore: ["Joined"], value: "Monthlycharge", valueMultiplier: 12 });
 * d.population; // "Customerstatus = Churned against Stayed (Joined left out: 454 rows)"
 */
export function tableDriverDataset(
  table: readonly (readonly string[])[],
  options: TableDatasetOptions,
): DriverDataset {
  const [rawHeader, ...allRows] = table;
  if (rawHeader === undefined || allRows.length === 0) throw new CausesError("the table has no rows");
  const header = rawHeader.map((h) => h.replace(/^\ufeff/, "").trim());
  const padded = rawHeader.filter((h, j) => h !== header[j]).length;
  const notes: string[] = [];
  if (padded > 0) notes.push(`spaces around ${padded} header names ignored`);
  const col = (name: string, flag: string): MatchedColumn => {
    const m = matchColumn(header, name, flag);
    if (!m.exact) notes.push(`${flag} "${name}" matched the column "${m.column}"`);
    return m;
  };
  const outcome = col(options.outcome, "--outcome");
  const valueCol = options.value === undefined ? null : col(options.value, "--value");
  const roles = {
    service: (options.service ?? []).map((x) => col(x, "--service").column),
    descriptor: (options.descriptor ?? []).map((x) => col(x, "--descriptor").column),
  };
  const excluded = new Set((options.exclude ?? []).map((x) => col(x, "--exclude").index));
  const included = new Set((options.include ?? []).map((x) => col(x, "--include").index));
  const multiplier = options.valueMultiplier ?? 1;
  const cell = (r: readonly string[], j: number) => (r[j] ?? "").trim();
  const levels = [...new Set(allRows.map((r) => cell(r, outcome.index)))].sort();
  const positive = matchLevel(levels, options.positive, "--positive", outcome.column);
  const ignored = new Set(
    (options.ignore ?? []).map((x) => {
      const level = matchLevel(levels, x, "--ignore", outcome.column);
      if (level === positive) throw new CausesError(`--ignore "${x}" is the --positive value`);
      return level;
    }),
  );
  const rows = allRows.filter((r) => !ignored.has(cell(r, outcome.index)));
  if (rows.length === 0) throw new CausesError("no row is left once the ignored outcome values are left out");
  const others = levels.filter((l) => l !== positive && !ignored.has(l));
  const ignoredRows = allRows.length - rows.length;
  const population = `${outcome.column} = ${positive} against ${others.length === 0 ? "nothing else" : others.map((l) => (l === "" ? "(blank)" : l)).join(", ")}${
    ignored.size === 0 ? "" : ` (${[...ignored].join(", ")} left out: ${ignoredRows} rows)`
  }`;
  const texts = header.map((_, j) => rows.map((r) => cell(r, j)));
  let idAt = options.id === undefined ? -1 : col(options.id, "--id").index;
  if (idAt < 0) {
    idAt = header.findIndex((_, j) => {
      const v = texts[j] ?? [];
      return j !== outcome.index && !v.every(isNumber) && new Set(v).size === v.length;
    });
  }
  const columns: DriverColumn[] = [];
  const leftOut: LeftOutColumn[] = [];
  header.forEach((name, j) => {
    if (j === outcome.index || j === idAt || excluded.has(j)) return;
    const v = texts[j] ?? [];
    const kind = included.has(j) ? null : identifierKind(name, v);
    if (kind !== null) {
      leftOut.push({
        column: name,
        kind,
        detail: `${new Set(v.filter((x) => x !== "")).size} distinct values; name it with --include to analyse it`,
      });
      return;
    }
    const nonBlank = v.filter((x) => x !== "");
    const numeric = nonBlank.length > 0 && nonBlank.every(isNumber);
    const role = driverRole(name, roles);
    if (numeric && new Set(nonBlank).size > (options.maxNumericLevels ?? 5)) {
      columns.push({ kind: "category", name, values: bucketed(v, options.buckets ?? 4), role });
    } else columns.push({ kind: "category", name, values: v.map((x) => (x === "" ? null : x)), role });
  });
  notes.push(
    `columns used: outcome ${outcome.column}${valueCol === null ? "" : `, value ${valueCol.column}`}${idAt >= 0 ? `, id ${header[idAt]}` : ""}`,
  );
  return {
    ids: rows.map((r, i) => (idAt >= 0 ? cell(r, idAt) : String(i + 1))),
    outcome: Uint8Array.from(rows.map((r) => (cell(r, outcome.index) === positive ? 1 : 0))),
    value: Float64Array.from(
      rows.map((r) => {
        if (valueCol === null) return 1;
        const v = cell(r, valueCol.index);
        return isNumber(v) ? Number(v) * multiplier : 0;
      }),
    ),
    valueBasis: valueCol === null ? "customers" : `${valueCol.column} × ${multiplier}`,
    valueKind: valueCol === null ? "customers" : "revenue",
    columns,
    population,
    leftOut,
    notes,
  };
}
