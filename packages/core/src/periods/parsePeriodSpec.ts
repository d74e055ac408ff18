import { toEpochDay } from "./epochDay.ts";
import { PeriodError } from "./PeriodError.ts";
import {
  CALENDARS,
  type Calendar,
  type IsoWeekday,
  type MonthDay,
  PERIOD_UNITS,
  type PeriodUnit,
  type ResolvedPeriodSpec,
} from "./PeriodSpec.ts";

const FIELDS = new Set(["unit", "calendar", "weekStart", "fiscalStart", "days", "anchor"]);

/**
 * The shortest each month can be, per calendar. A fiscal start day must exist in every year, so
 * e.g. Gregorian 02-29, Persian 12-30 (Esfand 30) and any Islamic day 30 are refused.
 */
const SHORTEST_MONTH: Record<Calendar, readonly number[]> = {
  gregorian: [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
  persian: [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29],
  islamic: [29, 29, 29, 29, 29, 29, 29, 29, 29, 29, 29, 29],
};

/** Longest bucket for unit "days": about 100 years, beyond which it is no longer a period. */
const MAX_DAYS = 36_600;

function describe(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(JSON.stringify(value) ?? value);
}

function parseUnit(value: unknown): PeriodUnit {
  const unit = PERIOD_UNITS.find((u) => u === value);
  if (unit === undefined) {
    throw new PeriodError(
      `unknown period unit ${describe(value)} (expected one of ${PERIOD_UNITS.join(", ")})`,
    );
  }
  return unit;
}

function parseCalendar(value: unknown): Calendar {
  if (value === undefined) return "gregorian";
  const calendar = CALENDARS.find((c) => c === value);
  if (calendar === undefined) {
    throw new PeriodError(`unknown calendar ${describe(value)} (expected one of ${CALENDARS.join(", ")})`);
  }
  return calendar;
}

function parseWeekStart(value: unknown): IsoWeekday {
  if (value === undefined) return 1;
  if (value === 1 || value === 2 || value === 3 || value === 4 || value === 5 || value === 6 || value === 7) {
    return value;
  }
  throw new PeriodError(`weekStart ${describe(value)} is not an ISO weekday 1 (Monday) … 7 (Sunday)`);
}

function parseFiscalStart(value: unknown, calendar: Calendar): MonthDay {
  if (value === undefined) return { month: 1, day: 1 };
  let month: unknown;
  let day: unknown;
  if (typeof value === "string") {
    const match = /^(\d{1,2})-(\d{1,2})$/.exec(value);
    if (match === null) throw new PeriodError(`fiscalStart ${describe(value)} is not "MM-DD"`);
    month = Number(match[1]);
    day = Number(match[2]);
  } else if (typeof value === "object" && value !== null) {
    ({ month, day } = value as { month?: unknown; day?: unknown });
  } else {
    throw new PeriodError(`fiscalStart ${describe(value)} must be "MM-DD" or { month, day }`);
  }
  if (typeof month !== "number" || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new PeriodError(`fiscalStart month ${describe(month)} is not 1–12`);
  }
  const shortest = SHORTEST_MONTH[calendar][month - 1] as number;
  if (typeof day !== "number" || !Number.isInteger(day) || day < 1 || day > shortest) {
    throw new PeriodError(
      `fiscalStart day ${describe(day)} does not exist in every year of month ${month} in the ${calendar} calendar (1–${shortest})`,
    );
  }
  return { month, day };
}

function parseDays(value: unknown): number {
  if (value === undefined) throw new PeriodError(`unit "days" needs a length: days must be set (e.g. 7)`);
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_DAYS) {
    throw new PeriodError(`days ${describe(value)} is not a whole number of days between 1 and ${MAX_DAYS}`);
  }
  return value;
}

function parseAnchor(value: unknown): string {
  if (value === undefined) return "1970-01-01";
  if (typeof value !== "string")
    throw new PeriodError(`anchor ${describe(value)} must be a date "YYYY-MM-DD"`);
  try {
    toEpochDay(value);
  } catch {
    throw new PeriodError(`anchor ${describe(value)} is not a valid date "YYYY-MM-DD"`);
  }
  return value;
}

/**
 * Validates a period spec (from config, JSON or code) and fills its defaults: calendar
 * "gregorian", weekStart 1 (ISO weeks), fiscalStart 1/1 (1 Farvardin for Persian), anchor
 * "1970-01-01". Fields a unit does not use are dropped, except that `weekStart`, `fiscalStart`,
 * `days` and `anchor` given to another unit are errors since they signal a mistake; `calendar` is
 * accepted and ignored for day, week and days so a global calendar setting can be passed along.
 *
 * @throws PeriodError naming the bad field and value.
 * @example
 * parsePeriodSpec({ unit: "fiscal-year", fiscalStart: "04-01" });
 * // { unit: "fiscal-year", calendar: "gregorian", fiscalStart: { month: 4, day: 1 } }
 */
export function parsePeriodSpec(input: unknown): ResolvedPeriodSpec {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new PeriodError(`period spec must be an object with a unit, got ${describe(input)}`);
  }
  const fields = input as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!FIELDS.has(key)) throw new PeriodError(`unknown period spec field "${key}"`);
  }
  const unit = parseUnit(fields.unit);
  const onlyFor = (field: string, units: readonly PeriodUnit[]): void => {
    if (fields[field] !== undefined && !units.includes(unit)) {
      throw new PeriodError(`${field} applies only to unit ${units.join(" / ")}, not "${unit}"`);
    }
  };
  onlyFor("weekStart", ["week"]);
  onlyFor("fiscalStart", ["fiscal-year"]);
  onlyFor("days", ["days"]);
  onlyFor("anchor", ["days"]);
  // Validate the calendar even where it is ignored, so a typo never passes silently.
  const calendar = parseCalendar(fields.calendar);
  switch (unit) {
    case "day":
      return { unit };
    case "week":
      return { unit, weekStart: parseWeekStart(fields.weekStart) };
    case "month":
    case "quarter":
    case "year":
      return { unit, calendar };
    case "fiscal-year":
      return { unit, calendar, fiscalStart: parseFiscalStart(fields.fiscalStart, calendar) };
    case "days":
      return { unit, days: parseDays(fields.days), anchor: parseAnchor(fields.anchor) };
  }
}
