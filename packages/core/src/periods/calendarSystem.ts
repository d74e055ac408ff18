import type { CalendarDate } from "./CalendarDate.ts";
import { fromGregorian, gregorianMonthLength, gregorianToEpochDay, toGregorian } from "./gregorian.ts";
import type { IntlCalendar } from "./intlCalendar.ts";
import { islamicCalendar } from "./islamic.ts";
import type { Calendar } from "./PeriodSpec.ts";
import { persianCalendar } from "./persian.ts";

/** The operations periods need from a calendar, whichever it is. */
export type CalendarSystem = IntlCalendar;

const gregorianCalendar: CalendarSystem = {
  toDate: (epochDay: number): CalendarDate => toGregorian(epochDay),
  fromDate: fromGregorian,
  monthStart: (year: number, month: number): number => gregorianToEpochDay(year, month, 1),
  monthLength: gregorianMonthLength,
};

/**
 * The conversion functions for a calendar name: Gregorian is pure arithmetic, Persian and Islamic
 * go through ICU with cached month starts.
 *
 * @example
 * calendarSystem("persian").monthStart(1402, 7); // 19623 (2023-09-23)
 */
export function calendarSystem(calendar: Calendar): CalendarSystem {
  switch (calendar) {
    case "gregorian":
      return gregorianCalendar;
    case "persian":
      return persianCalendar;
    case "islamic":
      return islamicCalendar;
  }
}
