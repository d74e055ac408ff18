import { toEpochDay } from "../periods/epochDay.ts";
import type { ResolvedPeriodSpec } from "../periods/PeriodSpec.ts";
import { parsePeriodSpec } from "../periods/parsePeriodSpec.ts";
import type { BranchScope } from "../scope/BranchScope.ts";
import { type Dimension, parseDimension } from "./Dimension.ts";
import { RetentionError } from "./RetentionError.ts";
import type { RetentionOptions } from "./RetentionOptions.ts";

/** `RetentionOptions` checked once, with defaults filled in, as the SQL builders take them. */
export interface ResolvedRetentionOptions {
  readonly period: ResolvedPeriodSpec;
  readonly by: Dimension | null;
  /** IANA zone, or null for UTC (no conversion needed). */
  readonly timeZone: string | null;
  readonly minCount: number;
  readonly minSpend: number | null;
  readonly activityTypes: readonly string[];
  readonly margin: number | null;
  /** Epoch days of `from` / `to`, or null. */
  readonly fromDay: number | null;
  readonly toDay: number | null;
  /** Only this branch's customers; undefined every branch (see `BranchScope`). */
  readonly branch: BranchScope;
}

function checkZone(zone: string): string | null {
  if (zone === "UTC") return null;
  try {
    // Intl knows the same IANA database names as the engines; it rejects typos up front.
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    throw new RetentionError(`unknown time zone "${zone}" (expected an IANA name such as "Asia/Tehran")`);
  }
  return zone;
}

function checkNumber(name: string, value: number | undefined, min: number): number | null {
  if (value === undefined) return null;
  if (!Number.isFinite(value) || value < min) {
    throw new RetentionError(`${name} must be a number ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

function checkDay(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  try {
    return toEpochDay(value);
  } catch {
    throw new RetentionError(`${name} "${value}" is not a date YYYY-MM-DD`);
  }
}

/**
 * Validates `RetentionOptions` and fills defaults: UTC, one purchase, no margin, all periods.
 *
 * @throws RetentionError (or PeriodError for the period spec) naming the bad value.
 * @example
 * resolveRetentionOptions({ period: { unit: "month" }, by: "category" }).by?.name; // "transaction.category"
 */
export function resolveRetentionOptions(options: RetentionOptions): ResolvedRetentionOptions {
  const rule = options.activity ?? {};
  const minCount = checkNumber("minCount", rule.minCount, 1) ?? 1;
  if (!Number.isInteger(minCount))
    throw new RetentionError(`minCount must be a whole number, got ${minCount}`);
  const activityTypes = rule.activityTypes ?? [];
  if (activityTypes.some((t) => typeof t !== "string" || t === "")) {
    throw new RetentionError("activityTypes must be non-empty strings");
  }
  const fromDay = checkDay("from", options.from);
  const toDay = checkDay("to", options.to);
  if (fromDay !== null && toDay !== null && fromDay > toDay) {
    throw new RetentionError(`from (${options.from}) is after to (${options.to})`);
  }
  const by =
    options.by === undefined
      ? null
      : typeof options.by === "string"
        ? parseDimension(options.by, { attributes: true })
        : parseDimension(options.by.name, { attributes: true });
  return {
    period: parsePeriodSpec(options.period),
    by,
    timeZone: checkZone(options.timeZone ?? "UTC"),
    minCount,
    minSpend: checkNumber("minSpend", rule.minSpend, Number.NEGATIVE_INFINITY),
    activityTypes,
    margin: checkNumber("margin", options.margin, Number.NEGATIVE_INFINITY),
    fromDay,
    toDay,
    branch: options.branch,
  };
}
