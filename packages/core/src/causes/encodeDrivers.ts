import type { DriverColumn } from "./DriverDataset.ts";

/** One binary driver ready for the analysis. */
export interface EncodedDriver {
  /** `column=level` for a category level, the column name for a flag. */
  readonly id: string;
  readonly column: string;
  /** The level (category) or null (flag). */
  readonly level: string | null;
  /** The category's reference level, or null for a flag (reference: customers without it). */
  readonly reference: string | null;
  /**
   * True for the reference level itself: reported (with vs without it, like every level) but not a
   * regression column — its adjusted odds ratio is the contrast with the column's other levels.
   */
  readonly isReference: boolean;
  readonly label: string;
  readonly indicator: Uint8Array;
  readonly count: number;
  /** Other drivers covering exactly the same customers, merged into this one. */
  readonly aliases: readonly string[];
}

/** The indicator packed 16 customers to a character: equal keys, equal indicators. */
function indicatorKey(indicator: Uint8Array): string {
  const codes: number[] = [];
  for (let i = 0; i < indicator.length; i += 16) {
    let code = 0;
    for (let b = 0; b < 16 && i + b < indicator.length; b++) code |= (indicator[i + b] ?? 0) << b;
    codes.push(code);
  }
  let key = "";
  for (let i = 0; i < codes.length; i += 4096) key += String.fromCharCode(...codes.slice(i, i + 4096));
  return key;
}

/** Options of `encodeDrivers`. */
export interface EncodeOptions {
  /** A driver held by fewer customers (or by all but fewer) is left out as too thin; default 20. */
  readonly minCustomers?: number;
  /** A category with more levels is left out (an id, free text); default 30. */
  readonly maxLevels?: number;
}

/**
 * Turns driver columns into binary indicators: a category gets one indicator per level; all but its
 * reference (the most frequent level unless given) are regression columns, and the reference level
 * is reported too when it was picked automatically (the telco file's most frequent contract is
 * month-to-month, its strongest driver) — a reference given explicitly ("no answer") is not. A flag
 * is its own indicator. Indicators with fewer than `minCustomers` customers on either
 * side are skipped, and an indicator identical to an earlier one (telco data: "No internet service"
 * appears in seven columns for the same customers) is merged into it as an alias, because the
 * regression cannot tell identical columns apart and would split the effect between them.
 *
 * @example
 * const { drivers, skipped } = encodeDrivers([{ kind: "category", name: "Contract", values }], 7043);
 * drivers.map((d) => d.id); // ["Contract=Month-to-month", "Contract=Two year", "Contract=One year"]
 */
export function encodeDrivers(
  columns: readonly DriverColumn[],
  customers: number,
  options: EncodeOptions = {},
): { drivers: EncodedDriver[]; skipped: string[] } {
  const minCustomers = options.minCustomers ?? 20;
  const maxLevels = options.maxLevels ?? 30;
  const drivers: EncodedDriver[] = [];
  const skipped: string[] = [];
  const seen = new Map<string, { index: number; aliases: string[] }>();
  const add = (candidate: Omit<EncodedDriver, "count" | "aliases">) => {
    let count = 0;
    for (const v of candidate.indicator) count += v;
    if (count < minCustomers || customers - count < minCustomers) {
      skipped.push(`${candidate.id} (${count} of ${customers} customers)`);
      return;
    }
    const key = `${candidate.isReference ? "r" : "m"}${indicatorKey(candidate.indicator)}`;
    const same = seen.get(key);
    if (same !== undefined) {
      same.aliases.push(candidate.id);
      return;
    }
    const aliases: string[] = [];
    seen.set(key, { index: drivers.length, aliases });
    drivers.push({ ...candidate, count, aliases });
  };
  for (const column of columns) {
    if (column.kind === "flag") {
      add({
        id: column.name,
        column: column.name,
        level: null,
        reference: null,
        isReference: false,
        label: column.label,
        indicator: column.values,
      });
      continue;
    }
    const counts = new Map<string, number>();
    for (const v of column.values) {
      const level = v ?? "(none)";
      counts.set(level, (counts.get(level) ?? 0) + 1);
    }
    if (counts.size > maxLevels) {
      skipped.push(`${column.name} (${counts.size} levels, more than ${maxLevels})`);
      continue;
    }
    if (counts.size < 2) continue;
    const levels = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const reference =
      column.reference !== undefined && counts.has(column.reference)
        ? column.reference
        : (levels[0]?.[0] ?? "(none)");
    const explicit = column.reference !== undefined && counts.has(column.reference);
    for (const [level] of levels) {
      if (level === reference && explicit) continue;
      const indicator = new Uint8Array(column.values.length);
      column.values.forEach((v, i) => {
        indicator[i] = (v ?? "(none)") === level ? 1 : 0;
      });
      add({
        id: `${column.name}=${level}`,
        column: column.name,
        level,
        reference,
        isReference: level === reference,
        label: `${column.name} = ${level}`,
        indicator,
      });
    }
  }
  return { drivers, skipped };
}
