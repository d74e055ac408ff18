import type { PeriodSpec } from "../periods/PeriodSpec.ts";
import type { BranchScope } from "../scope/BranchScope.ts";
import type { ActivityRule } from "./ActivityRule.ts";
import type { Dimension } from "./Dimension.ts";

/**
 * What to measure and how (DESIGN.md §3). Only `period` is required.
 *
 * @example
 * const o: RetentionOptions = { period: { unit: "month" }, by: "category", timeZone: "Asia/Tehran", margin: 0.3 };
 */
export interface RetentionOptions {
  readonly period: PeriodSpec;
  /** Group-by dimension, e.g. "segment", "category", "customer.branch", "transaction.branch"; default none. */
  readonly by?: string | Dimension;
  /** IANA zone whose civil days bucket the UTC timestamps; default "UTC". */
  readonly timeZone?: string;
  /** Who counts as active; default one purchase with amount > 0. */
  readonly activity?: ActivityRule;
  /** Profit as a share of sales for transactions without a cost; default none (profit metrics null unless every cost is known). */
  readonly margin?: number;
  /** First day ("YYYY-MM-DD") whose period is reported; default the first period of the data. */
  readonly from?: string;
  /** Last day ("YYYY-MM-DD") whose period is reported; default the last period of the data. */
  readonly to?: string;
  /** Only this branch's customers (and their activity); null none; default every branch. */
  readonly branch?: BranchScope;
}
