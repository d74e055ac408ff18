import { CausesError } from "./CausesError.ts";
import type { CategoryColumn, DriverColumn, DriverRole } from "./DriverDataset.ts";
import { columnKey } from "./matchColumn.ts";

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
   * The customers it is compared with: the reference level's (category), or null for a flag (every
   * customer without it).
   */
  readonly referenceIndicator: Uint8Array | null;
  readonly role: DriverRole;
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
  /**
   * The reference level of a category, by column (`--reference Contract="Two year"`): the column is
   * found ignoring case and spaces, the level exactly or ignoring case. Default: the largest level.
   */
  readonly references?: Readonly<Record<string, string>>;
}

/** The reference levels the user chose, checked against the columns: column name → level. */
function chosenReferences(
  columns: readonly DriverColumn[],
  references: Readonly<Record<string, string>>,
): Map<string, string> {
  const chosen = new Map<string, string>();
  const categories = columns.filter((c): c is CategoryColumn => c.kind === "category");
  for (const [name, level] of Object.entries(references)) {
    const column = categories.find((c) => c.name === name.trim() || columnKey(c.name) === columnKey(name));
    if (column === undefined) {
      throw new CausesError(
        `--reference column "${name}" is not a category analysed here (categories: ${categories.map((c) => c.name).join(", ")})`,
      );
    }
    const levels = [...new Set(column.values.map((v) => v ?? "(none)"))].sort();
    const found =
      levels.find((l) => l === level.trim()) ??
      levels.find((l) => l.toLowerCase() === level.trim().toLowerCase());
    if (found === undefined) {
      throw new CausesError(
        `--reference "${level}" is not a level of ${column.name} (levels: ${levels.join(", ")})`,
      );
    }
    chosen.set(column.name, found);
  }
  return chosen;
}

/**
 * Turns driver columns into binary indicators: a category gets one indicator per level except its
 * reference level, which the others are compared with and which never appears as a driver of its
 * own. The reference is the one chosen (`references`, else the column's own `reference`), else the
 * largest level among those held by at least `minCustomers` customers (and by all but as many) and
 * not copied in another column (the telco file's "No internet service" is the same customers in seven
 * columns: as a reference, each column's other levels would add up to the same "has internet"), else
 * the largest level. A flag is its own indicator, compared with the customers without it.
 * Indicators with fewer than `minCustomers` customers on either side are skipped, and an indicator
 * identical to an earlier one is merged into it as an alias, because the regression cannot tell
 * identical columns apart and would split the effect between them.
 *
 * @throws CausesError when a chosen reference names an unknown column or level (listing them).
 * @example
 * const { drivers } = encodeDrivers([{ kind: "category", name: "Contract", values }], 7043, { references: { Contract: "Two year" } });
 * drivers.map((d) => d.id); // ["Contract=Month-to-month", "Contract=One year"]
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
  const chosen = chosenReferences(columns, options.references ?? {});
  const add = (candidate: Omit<EncodedDriver, "count" | "aliases">) => {
    let count = 0;
    for (const v of candidate.indicator) count += v;
    if (count < minCustomers || customers - count < minCustomers) {
      skipped.push(`${candidate.id} (${count} of ${customers} customers)`);
      return;
    }
    const key = indicatorKey(candidate.indicator);
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
    const role = column.role ?? "service";
    if (column.kind === "flag") {
      add({
        id: column.name,
        column: column.name,
        level: null,
        reference: null,
        referenceIndicator: null,
        role,
        label: column.label,
        indicator: column.values,
      });
      continue;
    }
    const counts = new Map<string, number>();
    for (const v of column.values) counts.set(v ?? "(none)", (counts.get(v ?? "(none)") ?? 0) + 1);
    if (counts.size > maxLevels) {
      skipped.push(`${column.name} (${counts.size} levels, more than ${maxLevels})`);
      continue;
    }
    if (counts.size < 2) continue;
    const levels = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const given = chosen.get(column.name) ?? column.reference;
    const largest = levels.find(
      ([level, count]) =>
        count >= minCustomers &&
        customers - count >= minCustomers &&
        !shared.has(`${column.name}\u0000${level}`),
    );
    const reference =
      given !== undefined && counts.has(given) ? given : (largest?.[0] ?? levels[0]?.[0] ?? "(none)");
    const referenceIndicator = levelIndicator(column, reference);
    for (const [level] of levels) {
      if (level === reference) continue;
      add({
        id: `${column.name}=${level}`,
        column: column.name,
        level,
        reference,
        referenceIndicator,
        role,
        label: `${column.name} = ${level}`,
        indicator: levelIndicator(column, level),
      });
    }
  }
  return { drivers, skipped };
}
