import type { Row } from "../SqlClient.ts";
import type { Profitability, ProfitabilityRow } from "./Profitability.ts";
import { numberOrNull, numberOrZero, ratio, textOrNull } from "./rowValues.ts";

/** How the query was asked, echoed in the result. */
export interface ProfitabilityContext {
  /** The dimension's name ("segment", "transaction.country") or null for the whole base. */
  readonly by: string | null;
  readonly margin: number | null;
}

type Sums = Omit<ProfitabilityRow, "profit_share">;

function sums(row: Row, group: string | null, margin: number | null): Sums {
  const customers = numberOrZero(row, "customers");
  const lines = numberOrZero(row, "lines");
  const sales = numberOrZero(row, "sales");
  const gross = numberOrZero(row, "gross_sales");
  const returns = numberOrZero(row, "returns");
  const knownLines = numberOrZero(row, "known_cost_lines");
  const cost = numberOrZero(row, "unknown_cost_lines") > 0 ? null : numberOrZero(row, "cost");
  const profit = cost === null ? null : sales - cost;
  const acquisitionCustomers = numberOrZero(row, "acquisition_cost_customers");
  const acquisition = acquisitionCustomers > 0 ? numberOrNull(row, "acquisition_cost") : null;
  return {
    group,
    customers,
    lines,
    sales,
    gross_sales: gross,
    returns,
    returns_share: ratio(returns, gross),
    cost,
    cost_source:
      cost === null || lines === 0
        ? null
        : knownLines === lines
          ? "known"
          : knownLines === 0 && margin !== null
            ? "margin"
            : "known+margin",
    profit,
    profit_per_customer: customers > 0 ? ratio(profit, customers) : null,
    acquisition_cost: acquisition,
    acquisition_cost_customers: acquisitionCustomers,
    profit_after_acquisition: profit === null || acquisition === null ? null : profit - acquisition,
    // Filled by the lifetime-value models once they land; the field exists so clients can rely on it.
    future_potential: null,
  };
}

function byProfitDescending(a: ProfitabilityRow, b: ProfitabilityRow): number {
  if (a.profit !== null && b.profit !== null && a.profit !== b.profit) return b.profit - a.profit;
  if (a.profit === null && b.profit !== null) return 1;
  if (a.profit !== null && b.profit === null) return -1;
  if (a.sales !== b.sales) return b.sales - a.sales;
  return (a.group ?? "").localeCompare(b.group ?? "");
}

/**
 * Turns the rows of `profitabilityQuery` into sorted groups, the anonymous row, the total and notes.
 * Share of profit is against the total including anonymous sales, so the shares of the groups and of
 * the anonymous row add up to 1.
 *
 * @example
 * const result = toProfitability(await client.all(profitabilityQuery(duckdbDialect)), { by: null, margin: null });
 * result.total.sales;
 */
export function toProfitability(rows: readonly Row[], context: ProfitabilityContext): Profitability {
  const { by, margin } = context;
  const groups: Sums[] = [];
  let all: Sums | null = null;
  let anonymous: Sums | null = null;
  for (const row of rows) {
    const kind = textOrNull(row, "kind");
    if (kind === "group") groups.push(sums(row, by === null ? "(all)" : textOrNull(row, "grp"), margin));
    else if (kind === "all_customers") all = sums(row, "(all)", margin);
    else if (kind === "anonymous" && numberOrZero(row, "lines") > 0)
      anonymous = sums(row, "(anonymous)", margin);
  }
  const base = all ?? sums({}, "(all)", margin);
  const anon = anonymous;
  const totalCost =
    base.cost === null || (anon !== null && anon.cost === null) ? null : (base.cost ?? 0) + (anon?.cost ?? 0);
  const totalSales = base.sales + (anon?.sales ?? 0);
  const totalGross = base.gross_sales + (anon?.gross_sales ?? 0);
  const totalReturns = base.returns + (anon?.returns ?? 0);
  const totalProfit = totalCost === null ? null : totalSales - totalCost;
  const share = (s: Sums): ProfitabilityRow => ({ ...s, profit_share: ratio(s.profit, totalProfit) });
  const total: ProfitabilityRow = share({
    ...base,
    lines: base.lines + (anon?.lines ?? 0),
    sales: totalSales,
    gross_sales: totalGross,
    returns: totalReturns,
    returns_share: ratio(totalReturns, totalGross),
    cost: totalCost,
    cost_source:
      totalCost === null
        ? null
        : anon === null || anon.cost_source === base.cost_source
          ? base.cost_source
          : "known+margin",
    profit: totalProfit,
    profit_after_acquisition:
      totalProfit === null || base.acquisition_cost === null ? null : totalProfit - base.acquisition_cost,
  });
  const notes: string[] = [];
  if (anon !== null) {
    notes.push(
      `${anon.lines.toLocaleString("en-US")} lines of sales without a customer id are reported as their own row "(anonymous)": they belong to no customer, so they are kept out of the groups and out of customer counts and profit per customer; they are in the total and in the profit shares`,
    );
  }
  if (total.cost === null) {
    notes.push(
      "cost is unknown for some lines: load a cost column or pass --margin (cost = amount × (1 − margin)); cost and profit are left empty where unknown",
    );
  }
  if (by?.startsWith("transaction.")) {
    notes.push(
      "grouped by a transaction attribute: a customer who bought in several groups counts as a customer (and with its acquisition cost) in each, so group customer counts add up to more than the total",
    );
  }
  if (total.acquisition_cost === null) notes.push("no customer has a known acquisition cost");
  notes.push(
    "future_potential (predicted lifetime value per group) is empty until the lifetime-value models land",
  );
  return {
    by,
    margin,
    rows: groups.map(share).sort(byProfitDescending),
    anonymous: anon === null ? null : share(anon),
    total,
    notes,
  };
}
