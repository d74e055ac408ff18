import type { DriverColumn } from "./DriverDataset.ts";

/**
 * Whether a candidate driver records the outcome instead of explaining it, so that it must be left
 * out of the model: a column filled only for one outcome (an export's churn reason and churn
 * category are blank for everyone who stayed), or one whose every level holds a single outcome (a
 * "churn label" next to the status). Left in, such a column is reported as a driver with 100%
 * defection and a huge odds ratio, and it absorbs the effect of every other driver in the adjusted
 * estimates. A column with about as many levels as rows is not judged here (identifiers are screened
 * before). Returns the reason in words, or null when the column may stay.
 *
 * @example
 * detectLeak({ kind: "category", name: "Churncategory", values: ["Price", null, null] }, Uint8Array.from([1, 0, 0]));
 * // "filled only for defected customers (1 of 1), blank for all 2 others"
 */
export function detectLeak(column: DriverColumn, outcome: Uint8Array): string | null {
  const n = outcome.length;
  const levels = new Map<string, [number, number]>();
  // filled[o] / blank[o]: customers with outcome o whose value is filled / blank.
  const filled = [0, 0];
  const blank = [0, 0];
  for (let i = 0; i < n; i++) {
    const o = outcome[i] === 1 ? 1 : 0;
    const v = column.kind === "flag" ? String(column.values[i] ?? 0) : (column.values[i] ?? null);
    if (v === null) blank[o] = (blank[o] ?? 0) + 1;
    else filled[o] = (filled[o] ?? 0) + 1;
    const counts = levels.get(v ?? "\u0000blank") ?? [0, 0];
    counts[o] += 1;
    levels.set(v ?? "\u0000blank", counts);
  }
  const [filled0 = 0, filled1 = 0] = filled;
  const [blank0 = 0, blank1 = 0] = blank;
  const defectors = filled1 + blank1;
  if (defectors === 0 || defectors === n) return null;
  if (blank0 + blank1 > 0 && filled0 + filled1 > 0) {
    if (filled0 === 0)
      return `filled only for defected customers (${filled1} of ${defectors}), blank for all ${n - filled1} others`;
    if (filled1 === 0)
      return `filled only for customers who did not defect (${filled0} of ${n - defectors}), blank for all ${n - filled0} others`;
  }
  if (
    levels.size >= 2 &&
    levels.size * 2 <= n &&
    [...levels.values()].every(([a, b]) => a === 0 || b === 0)
  ) {
    return `its ${levels.size} levels separate defected from non-defected customers perfectly`;
  }
  return null;
}
