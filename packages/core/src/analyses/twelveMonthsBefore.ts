/**
 * The instant twelve calendar months (one year) before `to`, in UTC. 29 February goes back to
 * 28 February rather than rolling into March.
 *
 * @example
 * twelveMonthsBefore(new Date("2011-12-09T12:50:00Z")).toISOString(); // "2010-12-09T12:50:00.000Z"
 */
export function twelveMonthsBefore(to: Date): Date {
  const from = new Date(to.getTime());
  from.setUTCFullYear(to.getUTCFullYear() - 1);
  if (from.getUTCMonth() !== to.getUTCMonth()) from.setUTCDate(0);
  return from;
}
