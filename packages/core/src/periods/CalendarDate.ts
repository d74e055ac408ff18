/**
 * A date in some calendar (Gregorian, Persian or Islamic), as numbers. `month` is 1–12 and `day` is
 * 1–31; which combinations exist depends on the calendar.
 *
 * @example
 * const nowruz1402: CalendarDate = { year: 1402, month: 1, day: 1 };
 */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}
