import type { PeriodSpec } from "../periods/PeriodSpec.ts";
import { periodOf } from "../periods/periodOf.ts";
import { type PeriodTable, periodTable } from "../periods/periodTable.ts";
import type { PeriodFrame } from "./retentionRows.ts";

/**
 * The day → period table for the data range [firstDay, lastDay] and the frame of reported periods,
 * clipped to `fromDay`/`toDay` when given (the periods containing those days).
 *
 * @example
 * periodFrame(15034, 15064, { unit: "month" }, null, null).frame.periods.length; // 1
 */
export function periodFrame(
  firstDay: number,
  lastDay: number,
  spec: PeriodSpec,
  fromDay: number | null,
  toDay: number | null,
): { table: PeriodTable; frame: PeriodFrame } {
  const table = periodTable(firstDay, lastDay, spec);
  const first = table.periods[0]?.index ?? 0;
  const last = table.periods.at(-1)?.index ?? -1;
  return {
    table,
    frame: {
      firstDay,
      lastDay,
      periods: table.periods,
      fromIndex: fromDay === null ? first : Math.max(first, periodOf(fromDay, spec).index),
      toIndex: toDay === null ? last : Math.min(last, periodOf(toDay, spec).index),
    },
  };
}
