/**
 * When a customer counts as active in a period (DESIGN.md §3, `A(P)`). The default — no fields —
 * is at least one purchase (a transaction with amount > 0) in the period.
 *
 * @example
 * const rule: ActivityRule = { minCount: 2, minSpend: 50 }; // two orders and 50 net spend in P
 */
export interface ActivityRule {
  /** Minimum number of purchases (distinct orders with amount > 0; a line without an order id is its own order) plus counted activity events; default 1. */
  readonly minCount?: number;
  /** Minimum net sales in the period (returns included); default none. */
  readonly minSpend?: number;
  /** Activity-table event types that also count as activity (each event counts one toward `minCount`); default none. Ignored when grouping by a transaction dimension, since an event has no category or product. */
  readonly activityTypes?: readonly string[];
}
