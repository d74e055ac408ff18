import type { CalendarDate } from "./CalendarDate.ts";
import { PeriodError } from "./PeriodError.ts";

/** Days in each Gregorian month of a common year; February gains one in leap years. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether `year` is a leap year in the proleptic Gregorian calendar. */
export function isGregorianLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a Gregorian month (`month` 1–12).
 *
 * @example
 * gregorianMonthLength(2024, 2); // 29
 */
export function gregorianMonthLength(year: number, month: number): number {
  const days = MONTH_DAYS[month - 1];
  if (days === undefined) throw new PeriodError(`month ${month} is not 1–12`);
  return month === 2 && isGregorianLeapYear(year) ? 29 : days;
}

/**
 * Epoch day (days since 1970-01-01) of a proleptic Gregorian date. Pure arithmetic (H. Hinnant's
 * days_from_civil), exact for any year; does not validate — `month` 13 or `day` 0 roll over, which
 * callers use to step to the next or previous month. Use `fromGregorian` for validated input.
 *
 * @example
 * gregorianToEpochDay(2011, 3, 1); // 15034
 */
export function gregorianToEpochDay(year: number, month: number, day: number): number {
  // Normalise the month so callers may pass 0 or 13 (previous / next year).
  const y0 = year + Math.floor((month - 1) / 12);
  const m0 = ((((month - 1) % 12) + 12) % 12) + 1;
  // Count years from March so the leap day is the last day of the counted year.
  const y = m0 <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m0 + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Proleptic Gregorian date of an epoch day (inverse of `gregorianToEpochDay`).
 *
 * @example
 * toGregorian(0); // { year: 1970, month: 1, day: 1 }
 */
export function toGregorian(epochDay: number): CalendarDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/**
 * Epoch day of a Gregorian date, validating that the date exists.
 *
 * @throws PeriodError when the month or day is out of range (e.g. 2023-02-29).
 * @example
 * fromGregorian(1970, 1, 2); // 1
 */
export function fromGregorian(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    throw new PeriodError(`gregorian date ${year}-${month}-${day} must be integers`);
  }
  if (month < 1 || month > 12) throw new PeriodError(`gregorian month ${month} is not 1–12`);
  const length = gregorianMonthLength(year, month);
  if (day < 1 || day > length) {
    throw new PeriodError(`gregorian date ${year}-${month}-${day} does not exist (month has ${length} days)`);
  }
  return gregorianToEpochDay(year, month, day);
}
