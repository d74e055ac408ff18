import { toEpochDay } from "./epochDay.ts";
import type { Period } from "./Period.ts";

/**
 * Whether the data covers a period's whole span: its first day is on or after `dataStart` and its
 * last day (end − 1) on or before `dataEnd` (both inclusive). A partial first or last period
 * would otherwise read as a drop in activity, so reports flag it instead.
 *
 * @example
 * isComplete(periodOf("2011-03-15", { unit: "month" }), "2010-12-01", "2011-03-30"); // false
 */
export function isComplete(
  period: Pick<Period, "start" | "end">,
  dataStart: string | number,
  dataEnd: string | number,
): boolean {
  return (
    toEpochDay(period.start) >= toEpochDay(dataStart) && toEpochDay(period.end) - 1 <= toEpochDay(dataEnd)
  );
}
