import { PeriodError } from "./PeriodError.ts";
import type { ResolvedPeriodSpec } from "./PeriodSpec.ts";
import { parsePeriodSpec } from "./parsePeriodSpec.ts";

/** Companion CLI flags for `parsePeriodArg`, as the user typed them. */
export interface PeriodArgOptions {
  /** "gregorian" | "persian" | "islamic". */
  readonly calendar?: string | undefined;
  /** Fiscal year start "MM-DD" in the chosen calendar. */
  readonly fiscalStart?: string | undefined;
  /** ISO weekday number "1"–"7" or an English day name ("sat", "sunday"). */
  readonly weekStart?: string | number | undefined;
  /** First day of bucket 0 for N-day periods, "YYYY-MM-DD". */
  readonly anchor?: string | undefined;
}

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

function parseWeekStartArg(value: string | number): unknown {
  if (typeof value === "number") return value;
  const text = value.trim().toLowerCase();
  if (/^\d+$/.test(text)) return Number(text);
  // Accept "sat", "saturday"; at least three letters so "s" or "t" stay ambiguous errors.
  const index = text.length >= 3 ? WEEKDAYS.findIndex((name) => name.startsWith(text)) : -1;
  if (index < 0) throw new PeriodError(`week start "${value}" is not a weekday 1–7 or a day name`);
  return index + 1;
}

/**
 * Parses a CLI period argument — `day`, `week`, `month`, `quarter`, `year`, `fiscal-year`, or N-day
 * buckets as `7d` / `days:7` — together with its companion flags into a validated spec. Case and
 * surrounding spaces are ignored. Defaults are those of `parsePeriodSpec`.
 *
 * @throws PeriodError naming the bad argument.
 * @example
 * parsePeriodArg("fiscal-year", { calendar: "persian" });
 * // { unit: "fiscal-year", calendar: "persian", fiscalStart: { month: 1, day: 1 } }
 * parsePeriodArg("28d", { anchor: "2024-01-01" }); // { unit: "days", days: 28, anchor: "2024-01-01" }
 */
export function parsePeriodArg(text: string, options: PeriodArgOptions = {}): ResolvedPeriodSpec {
  const arg = text.trim().toLowerCase();
  const spec: Record<string, unknown> = {};
  const nDays = /^(\d+)d$/.exec(arg) ?? /^days:(\d+)$/.exec(arg);
  if (nDays !== null) {
    spec.unit = "days";
    spec.days = Number(nDays[1]);
  } else if (/^[a-z-]+$/.test(arg) && arg !== "days") {
    spec.unit = arg;
  } else {
    throw new PeriodError(
      `period "${text}" is not one of day, week, month, quarter, year, fiscal-year, or N days as "7d" / "days:7"`,
    );
  }
  if (options.calendar !== undefined) spec.calendar = options.calendar.trim().toLowerCase();
  if (options.fiscalStart !== undefined) spec.fiscalStart = options.fiscalStart.trim();
  if (options.weekStart !== undefined) spec.weekStart = parseWeekStartArg(options.weekStart);
  if (options.anchor !== undefined) spec.anchor = options.anchor.trim();
  return parsePeriodSpec(spec);
}
