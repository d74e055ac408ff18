import { toEpochDay } from "./epochDay.ts";
import type { Period } from "./Period.ts";
import type { PeriodSpec } from "./PeriodSpec.ts";
import { periodRange } from "./periodRange.ts";

/**
 * Columnar day → period mapping for [from, to], for an engine to join facts on their civil day.
 * Row `i` is epoch day `day[i] = fromDay + i`, in period `index[i]`, whose details are
 * `periods[index[i] - periods[0].index]`.
 */
export interface PeriodTable {
  /** First and last epoch day covered (inclusive). */
  readonly fromDay: number;
  readonly toDay: number;
  /** Epoch day of each row, consecutive from `fromDay`. */
  readonly day: Int32Array;
  /** Global period index of each row. */
  readonly index: Int32Array;
  /** The periods overlapping the range, in index order (as `periodRange`). */
  readonly periods: readonly Period[];
}

/**
 * Maps every civil day in [from, to] to its period. Fills the columns period by period, so it costs
 * one calendar lookup per period rather than per day: 20 years of days take milliseconds.
 *
 * @example
 * const t = periodTable("2011-03-30", "2011-04-02", { unit: "month" });
 * Array.from(t.index); // [24134, 24134, 24135, 24135]
 */
export function periodTable(from: string | number, to: string | number, spec: PeriodSpec): PeriodTable {
  const fromDay = toEpochDay(from);
  const toDay = toEpochDay(to);
  const periods = periodRange(fromDay, toDay, spec);
  const length = toDay - fromDay + 1;
  const day = new Int32Array(length);
  const index = new Int32Array(length);
  for (let i = 0; i < length; i++) day[i] = fromDay + i;
  for (const period of periods) {
    // Clip the period to the table's range; rows are offsets from fromDay.
    const begin = Math.max(period.startDay, fromDay) - fromDay;
    const end = Math.min(period.endDay, toDay + 1) - fromDay;
    index.fill(period.index, begin, end);
  }
  return { fromDay, toDay, day, index, periods };
}
