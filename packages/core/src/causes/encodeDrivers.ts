import type { CategoryColumn, DriverColumn } from "./DriverDataset.ts";

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

/** A category level's indicator: 1 for the customers at that level (blank counts as "(none)"). */
function levelIndicator(column: CategoryColumn, level: string): Uint8Array {
  const indicator = new Uint8Array(column.values.length);
  column.values.forEach((v, i) => {
    indicator[i] = (v ?? "(none)") === level ? 1 : 0;
  });
  return indicator;
}

/**
 * Levels whose customers are exactly another column's level (the telco file's "No internet service"
 * in seven columns): `column\0level` keys. Such a level makes a poor reference — the columns' other
 * levels would then add up to the same "has internet" in each column, which the regression cannot
 * tell apart — so it stays a driver, merged with its copies.
 */
function sharedLevels(columns: readonly DriverColumn[], maxLevels: number): Set<string> {
  const owners = new Map<string, string[]>();
  for (const c of columns) {
    if (c.kind !== "category") continue;
    const levels = new Set(c.values.map((v) => v ?? "(none)"));
    if (levels.size < 2 || levels.size > maxLevels) continue;
    for (const level of levels) {
      const key = indicatorKey(levelIndicator(c, level));
      owners.set(key, [...(owners.get(key) ?? []), `${c.name}\u0000${level}`]);
    }
  }
  return new Set([...owners.values()].filter((x) => x.length > 1).flat());
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
 * reference are regression columns. The reference is the level given, else — with `outcome` — the
 * level with the lowest defection among those held by at least `minCustomers` customers and not
 * copied in another column (so every other level, the drivers, gets an adjusted odds ratio against
 * the safest group: month-to-month against two-year contracts), else the most frequent level. The reference level is reported too
 * (with its crude figures, no odds ratio) when it was picked automatically; a reference given
 * explicitly ("no answer") is not. A flag is its own indicator. Indicators with fewer than `minCustomers` customers on either
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
  outcome?: Uint8Array,
): { drivers: EncodedDriver[]; skipped: string[] } {
  const minCustomers = options.minCustomers ?? 20;
  const maxLevels = options.maxLevels ?? 30;
  const drivers: EncodedDriver[] = [];
  const skipped: string[] = [];
  const seen = new Map<string, { index: number; aliases: string[] }>();
  const shared = outcome === undefined ? new Set<string>() : sharedLevels(columns, maxLevels);
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
    const defected = new Map<string, number>();
    column.values.forEach((v, i) => {
      const level = v ?? "(none)";
      counts.set(level, (counts.get(level) ?? 0) + 1);
      defected.set(level, (defected.get(level) ?? 0) + (outcome?.[i] ?? 0));
    });
    if (counts.size > maxLevels) {
      skipped.push(`${column.name} (${counts.size} levels, more than ${maxLevels})`);
      continue;
    }
    if (counts.size < 2) continue;
    const levels = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const rate = (level: string, count: number) => (defected.get(level) ?? 0) / count;
    const safest =
      outcome === undefined
        ? undefined
        : levels
            .filter(
              ([level, count]) =>
                count >= minCustomers &&
                customers - count >= minCustomers &&
                !shared.has(`${column.name}\u0000${level}`),
            )
            .reduce<[string, number] | undefined>(
              (best, l) => (best === undefined || rate(l[0], l[1]) < rate(best[0], best[1]) ? l : best),
              undefined,
            );
    const reference =
      column.reference !== undefined && counts.has(column.reference)
        ? column.reference
        : (safest?.[0] ?? levels[0]?.[0] ?? "(none)");
    const explicit = column.reference !== undefined && counts.has(column.reference);
    for (const [level] of levels) {
      if (level === reference && explicit) continue;
      const indicator = levelIndicator(column, level);
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
