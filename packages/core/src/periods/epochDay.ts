import { fromGregorian, gregorianToEpochDay, toGregorian } from "./gregorian.ts";
import { PeriodError } from "./PeriodError.ts";
import { padNumber } from "./padNumber.ts";

/** First and last epoch day representable as a "YYYY-MM-DD" civil date (0001-01-01 … 9999-12-31). */
export const MIN_EPOCH_DAY = gregorianToEpochDay(1, 1, 1);
export const MAX_EPOCH_DAY = gregorianToEpochDay(9999, 12, 31);

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Converts a civil date "YYYY-MM-DD" (or an epoch day, checked and passed through) to an epoch day:
 * days since 1970-01-01. Periods work on epoch days because integer arithmetic is fast and exact.
 *
 * @throws PeriodError naming the value when it is malformed, does not exist, or is out of range.
 * @example
 * toEpochDay("1970-01-02"); // 1
 */
export function toEpochDay(date: string | number): number {
  if (typeof date === "number") {
    if (!Number.isInteger(date) || date < MIN_EPOCH_DAY || date > MAX_EPOCH_DAY) {
      throw new PeriodError(`epoch day ${date} is not an integer day between 0001-01-01 and 9999-12-31`);
    }
    return date;
  }
  const match = CIVIL_DATE.exec(date);
  if (match === null) throw new PeriodError(`date "${date}" is not a civil date YYYY-MM-DD`);
  const [, y, m, d] = match;
  if (Number(y) < 1) throw new PeriodError(`date "${date}" is before year 0001`);
  try {
    return fromGregorian(Number(y), Number(m), Number(d));
  } catch {
    throw new PeriodError(`date "${date}" does not exist`);
  }
}

/**
 * Formats an epoch day as a civil date "YYYY-MM-DD".
 *
 * @example
 * fromEpochDay(15034); // "2011-03-01"
 */
export function fromEpochDay(epochDay: number): string {
  if (!Number.isInteger(epochDay) || epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
    throw new PeriodError(`epoch day ${epochDay} is outside 0001-01-01 … 9999-12-31`);
  }
  const { year, month, day } = toGregorian(epochDay);
  return `${padNumber(year, 4)}-${padNumber(month, 2)}-${padNumber(day, 2)}`;
}

/**
 * ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
 *
 * @example
 * isoWeekday(0); // 4
 */
export function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}
