import type { CalendarDate } from "./CalendarDate.ts";
import { toEpochDay } from "./epochDay.ts";
import { createIntlCalendar, type IntlCalendar } from "./intlCalendar.ts";

/**
 * The Islamic calendar in its Umm al-Qura form (Saudi Arabia's official tabulated calendar), as
 * ICU's "islamic-umalqura" computes it. ICU holds the official table for 1300–1600 AH and falls
 * back to the arithmetic (civil) Islamic calendar outside it. Year 1389 began about 1969-03-18;
 * that anchor only seeds the estimates.
 */
export const islamicCalendar: IntlCalendar = createIntlCalendar({
  id: "islamic-umalqura",
  name: "islamic",
  meanYear: 354.367,
  refYear: 1389,
  refYearStart: -289,
});

/**
 * Islamic (Umm al-Qura) date of an epoch day or civil date "YYYY-MM-DD", via ICU with per-year caching.
 *
 * @example
 * toIslamic("2023-03-23"); // { year: 1444, month: 9, day: 1 } (2023-03-23, 1 Ramadan)
 */
export function toIslamic(date: string | number): CalendarDate {
  return islamicCalendar.toDate(toEpochDay(date));
}

/**
 * Epoch day of an Islamic (Umm al-Qura) date. Throws PeriodError for a day 30 in a 29-day month.
 *
 * @example
 * fromIslamic(1445, 1, 1); // 19557 (2023-07-19)
 */
export function fromIslamic(year: number, month: number, day: number): number {
  return islamicCalendar.fromDate(year, month, day);
}
