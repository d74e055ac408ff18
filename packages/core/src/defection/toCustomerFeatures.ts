import { numberOrNull, numberOrZero, textOrNull } from "../analyses/rowValues.ts";
import type { Row } from "../SqlClient.ts";
import type { CustomerFeatures, WindowFigures } from "./CustomerFeatures.ts";

/**
 * Reads one row of `customerFeaturesQuery` into typed features; `windowCount` is the number of
 * window pairs the query was built with (`defectionWindows(rules).length`).
 *
 * @example
 * const features = rows.map((r) => toCustomerFeatures(r, defectionWindows(rules).length));
 */
export function toCustomerFeatures(row: Row, windowCount: number): CustomerFeatures {
  const windows: WindowFigures[] = [];
  for (let i = 0; i < windowCount; i++) {
    windows.push({
      recentPurchases: numberOrZero(row, `w${i}_recent_n`),
      baselinePurchases: numberOrZero(row, `w${i}_base_n`),
      recentSpend: numberOrZero(row, `w${i}_recent_s`),
      baselineSpend: numberOrZero(row, `w${i}_base_s`),
    });
  }
  return {
    customerId: String(row.customer_id),
    segment: textOrNull(row, "segment"),
    branch: textOrNull(row, "branch"),
    owner: textOrNull(row, "owner"),
    purchases: numberOrZero(row, "purchases"),
    firstDay: numberOrZero(row, "first_day"),
    lastDay: numberOrZero(row, "last_day"),
    ownGap: numberOrNull(row, "own_gap"),
    segmentGap: numberOrNull(row, "segment_gap"),
    baseGap: numberOrNull(row, "base_gap"),
    windows,
    sales12m: numberOrZero(row, "sales_12m"),
    profit12m: numberOrNull(row, "profit_12m"),
    pAlive: numberOrNull(row, "p_alive"),
    // Not a query column: the engine adds it from the purchase model fitted up to the as-of day.
    pPurchase: null,
    clv: numberOrNull(row, "clv"),
    contractEnd: numberOrNull(row, "contract_end"),
    renewed: numberOrZero(row, "renewed") > 0,
  };
}
