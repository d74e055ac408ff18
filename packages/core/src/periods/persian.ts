import type { CalendarDate } from "./CalendarDate.ts";
import { toEpochDay } from "./epochDay.ts";
import { createIntlCalendar, type IntlCalendar } from "./intlCalendar.ts";

/**
 * The Persian (Solar Hijri, Jalali) calendar as ICU's "persian" calendar computes it. Year 1348
 * began on 1969-03-21 (epoch day −286); that anchor only seeds the estimates.
 */
export const persianCalendar: IntlCalendar = createIntlCalendar({
  id: "persian",
  name: "persian",
  meanYear: 365.2422,
  refYear: 1348,
  refYearStart: -286,
});

/**
 * Persian (Jalali) date of an epoch day or civil date "YYYY-MM-DD", via ICU with per-year caching.
 *
 * @example
 * toPersian(19437); // { year: 1402, month: 1, day: 1 } (2023-03-21, Nowruz)
 */
export function toPersian(date: string | number): CalendarDate {
  return persianCalendar.toDate(toEpochDay(date));
}

/**
 * Epoch day of a Persian (Jalali) date. Throws PeriodError for dates that do not exist, such as
 * Esfand 30 in a common year.
 *
 * @example
 * fromPersian(1402, 7, 1); // 19623 (2023-09-23)
 */
export function fromPersian(year: number, month: number, day: number): number {
  return persianCalendar.fromDate(year, month, day);
}
