import type { CauseCustomer } from "./CauseCustomer.ts";
import type { DriverColumn, DriverDataset } from "./DriverDataset.ts";
import { npsCategory } from "./npsCategory.ts";
import { tenureBucket } from "./tenureBucket.ts";

/** Options of `causeDriverDataset`. */
export interface CauseDriverOptions {
  /** A median resolution time above this many hours is the "slow resolution" driver; default 72. */
  readonly slowResolutionHours?: number;
  /** Mean CSAT (1–5) below this is "dissatisfied"; default 3. */
  readonly lowCsat?: number;
  /** Share of purchases on discount at or above which a customer is a "discount buyer"; default 0.5. */
  readonly discountShare?: number;
}

/**
 * The candidate drivers of each customer, for `analyseDrivers`: one flag per complaint category
 * ("a complaint about X"), any unresolved complaint, slow complaint resolution (median above 72 h),
 * CSAT (dissatisfied / satisfied / no answer), NPS group (detractor / passive / promoter / no answer),
 * discount buying (mostly / some / none) — the service issues — and channel, tenure band and segment —
 * descriptors of the customer, adjusted for but not ranked. Categories compare each level with the
 * largest one unless a reference is given ("no answer", "none"). Resolution time is a flag, not a category with a "no complaint"
 * level, so that it is not a copy of "had any complaint" the regression could not separate from the
 * complaint categories.
 *
 * @example
 * const report = analyseDrivers(causeDriverDataset(customers));
 */
export function causeDriverDataset(
  customers: readonly CauseCustomer[],
  options: CauseDriverOptions = {},
): DriverDataset {
  const slow = options.slowResolutionHours ?? 72;
  const lowCsat = options.lowCsat ?? 3;
  const discount = options.discountShare ?? 0.5;
  const n = customers.length;
  const categories = [...new Set(customers.flatMap((c) => c.complaintCategories))].sort();
  const flag = (name: string, label: string, has: (c: CauseCustomer) => boolean): DriverColumn => ({
    kind: "flag",
    name,
    label,
    values: Uint8Array.from(customers.map((c) => (has(c) ? 1 : 0))),
  });
  const columns: DriverColumn[] = [
    ...categories.map((category) =>
      flag(`complaint:${category}`, `a complaint about ${category}`, (c) =>
        c.complaintCategories.includes(category),
      ),
    ),
    flag("unresolved_complaint", "an unresolved complaint", (c) => c.unresolvedComplaints > 0),
    flag(
      "slow_resolution",
      `complaints resolved slowly (median over ${slow} h)`,
      (c) => c.medianResolutionHours !== null && c.medianResolutionHours > slow,
    ),
    {
      kind: "category",
      name: "csat",
      values: customers.map((c) =>
        c.meanCsat === null ? "no answer" : c.meanCsat < lowCsat ? "dissatisfied" : "satisfied",
      ),
      reference: "no answer",
    },
    {
      kind: "category",
      name: "nps",
      values: customers.map((c) => (c.meanNps === null ? "no answer" : npsCategory(c.meanNps))),
      reference: "no answer",
    },
    {
      kind: "category",
      name: "discount",
      values: customers.map((c) =>
        c.discountShare === null || c.discountShare === 0
          ? "none"
          : c.discountShare >= discount
            ? "mostly on discount"
            : "some on discount",
      ),
      reference: "none",
    },
    // Who the customer is: adjusted for, never ranked as something to remove.
    { kind: "category", name: "channel", values: customers.map((c) => c.channel), role: "descriptor" },
    {
      kind: "category",
      name: "tenure",
      values: customers.map((c) => tenureBucket(c.tenureDays)),
      role: "descriptor",
    },
    { kind: "category", name: "segment", values: customers.map((c) => c.segment), role: "descriptor" },
  ];
  const bases = new Set(customers.map((c) => c.valueBasis));
  return {
    ids: customers.map((c) => c.customerId),
    outcome: Uint8Array.from(customers.map((c) => (c.defected ? 1 : 0))),
    value: Float64Array.from(customers.map((c) => c.value)),
    valueBasis: n === 0 ? "none" : [...bases].sort().join(" / "),
    // Sales are revenue; CLV and profit are net of costs.
    valueKind: bases.size === 1 && bases.has("sales_12m") ? "revenue" : "profit",
    columns,
  };
}
