import { isComplete } from "../periods/isComplete.ts";
import type { Row } from "../SqlClient.ts";
import type { Cohort, CohortMetric, CohortMode, CohortRelativeTo, CohortTable } from "./CohortOptions.ts";
import type { PeriodFrame } from "./retentionRows.ts";

interface Cell {
  active: number;
  s: number;
  m: number | null;
  lastActive: number;
}

function num(v: unknown): number {
  return typeof v === "number" ? v : Number(v ?? 0);
}

/**
 * Builds the cohort grid from the cells of `cohortQuery`. values[k] is the cohort's measure in
 * period cohort + k ("on") or summed over cohort + k and later ("on-or-after") — for "count", members
 * active then; for "sales"/"profit", their net sales/profit — divided by period 0's value ("first")
 * or by the previous k's ("previous"); null when that is 0 or unknown. `mean[k]` weights each
 * cohort by its size and uses only cells whose period is complete.
 *
 * @example
 * cohortTable(rows, frame, "count", "on", "first").cohorts[0]?.values[0]; // 1
 */
export function cohortTable(
  rows: readonly Row[],
  frame: PeriodFrame,
  metric: CohortMetric,
  mode: CohortMode,
  relativeTo: CohortRelativeTo,
): CohortTable {
  const first = frame.periods[0]?.index ?? 0;
  const lastIndex = frame.toIndex;
  const byCohort = new Map<number, Map<number, Cell>>();
  for (const row of rows) {
    const cohort = num(row.cohort);
    let cells = byCohort.get(cohort);
    if (cells === undefined) {
      cells = new Map();
      byCohort.set(cohort, cells);
    }
    cells.set(num(row.p), {
      active: num(row.active),
      s: num(row.s),
      m: row.m === null || row.m === undefined ? null : num(row.m),
      lastActive: num(row.last_active),
    });
  }
  const cohorts: Cohort[] = [];
  const weighted: number[] = [];
  const weights: number[] = [];
  for (const [cohort, cells] of [...byCohort].sort(([a], [b]) => a - b)) {
    if (cohort < frame.fromIndex || cohort > frame.toIndex) continue;
    const period = frame.periods[cohort - first];
    if (period === undefined) continue;
    const size = cells.get(cohort)?.active ?? 0;
    // The raw measure per period, then "on or after" as a suffix sum over all later data.
    const lastData = frame.periods.at(-1)?.index ?? cohort;
    const measure: (number | null)[] = [];
    for (let p = cohort; p <= lastData; p++) {
      const cell = cells.get(p);
      if (metric === "count") measure.push(mode === "on" ? (cell?.active ?? 0) : (cell?.lastActive ?? 0));
      else if (metric === "sales") measure.push(cell?.s ?? 0);
      else measure.push(cell === undefined ? 0 : cell.m);
    }
    if (mode === "on-or-after") {
      for (let k = measure.length - 2; k >= 0; k--) {
        const here = measure[k];
        const later = measure[k + 1];
        measure[k] =
          here === null || here === undefined || later === null || later === undefined ? null : here + later;
      }
    }
    const values: (number | null)[] = [];
    for (let k = 0; cohort + k <= lastIndex; k++) {
      const x = measure[k] ?? null;
      const base = relativeTo === "first" ? (measure[0] ?? null) : k === 0 ? x : (measure[k - 1] ?? null);
      const v = x === null || base === null || base === 0 ? null : x / base;
      values.push(v);
      const cellPeriod = frame.periods[cohort + k - first];
      if (v !== null && cellPeriod !== undefined && isComplete(cellPeriod, frame.firstDay, frame.lastDay)) {
        weighted[k] = (weighted[k] ?? 0) + size * v;
        weights[k] = (weights[k] ?? 0) + size;
      }
    }
    cohorts.push({ cohort: period.label, size, values });
  }
  const length = Math.max(0, ...cohorts.map((c) => c.values.length));
  const mean: (number | null)[] = [];
  for (let k = 0; k < length; k++) {
    const w = weights[k] ?? 0;
    mean.push(w === 0 ? null : (weighted[k] ?? 0) / w);
  }
  return { cohorts, mean };
}
