import { toEpochDay } from "./epochDay.ts";
import type { Period } from "./Period.ts";
import { PeriodError } from "./PeriodError.ts";
import type { PeriodSpec } from "./PeriodSpec.ts";
import { periodAtIndex, periodScheme } from "./periodScheme.ts";

/**
 * Every period overlapping the inclusive day range [from, to], in order; the first and last may
 * extend beyond it (check them with `isComplete`).
 *
 * @throws PeriodError if `from` is after `to`, or for an invalid spec or date.
 * @example
 * periodRange("2011-02-15", "2011-04-01", { unit: "month" }).map((p) => p.label); // ["2011-02", "2011-03", "2011-04"]
 */
export function periodRange(from: string | number, to: string | number, spec: PeriodSpec): Period[] {
  const scheme = periodScheme(spec);
  const fromDay = toEpochDay(from);
  const toDay = toEpochDay(to);
  if (fromDay > toDay) throw new PeriodError(`period range starts (${from}) after it ends (${to})`);
  const first = scheme.indexOf(fromDay);
  const last = scheme.indexOf(toDay);
  const periods: Period[] = [];
  for (let index = first; index <= last; index++) periods.push(periodAtIndex(scheme, index));
  return periods;
}
