import { toEpochDay } from "./epochDay.ts";
import type { Period } from "./Period.ts";
import type { PeriodSpec } from "./PeriodSpec.ts";
import { periodAtIndex, periodScheme } from "./periodScheme.ts";

/**
 * The period containing a civil day ("YYYY-MM-DD" or an epoch day), with its global index, label
 * and [start, end) bounds.
 *
 * @throws PeriodError for an invalid spec or date.
 * @example
 * periodOf("2010-01-03", { unit: "week" });
 * // { index: 2087, label: "2009-W53", start: "2009-12-28", end: "2010-01-04", startDay: 14606, endDay: 14613 }
 */
export function periodOf(day: string | number, spec: PeriodSpec): Period {
  const scheme = periodScheme(spec);
  return periodAtIndex(scheme, scheme.indexOf(toEpochDay(day)));
}

/**
 * The period with a given global index — e.g. `periodAt(p.index - 1, spec)` is the period before `p`.
 *
 * @example
 * periodAt(2011 * 12 + 2, { unit: "month" }).label; // "2011-03"
 */
export function periodAt(index: number, spec: PeriodSpec): Period {
  return periodAtIndex(periodScheme(spec), index);
}
