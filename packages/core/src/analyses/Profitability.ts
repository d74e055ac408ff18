/** Profit figures of one group of customers (or of the anonymous sales). Money is in the data's currency. */
export interface ProfitabilityRow {
  /** The dimension's value; "(all)" for the whole base, "(anonymous)" for sales without a customer, null when the attribute is missing. */
  readonly group: string | null;
  /** Distinct identified customers in the group (0 for the anonymous row). */
  readonly customers: number;
  /** Transaction lines. */
  readonly lines: number;
  /** Net sales: sum of amounts, returns negative. */
  readonly sales: number;
  /** Sum of positive amounts. */
  readonly gross_sales: number;
  /** Sum of returned amounts, as a positive number. */
  readonly returns: number;
  /** returns ÷ gross_sales; null without gross sales. */
  readonly returns_share: number | null;
  /** Cost of goods: the known cost of each line, else amount × (1 − margin); null when some line has neither. */
  readonly cost: number | null;
  /** Where the cost came from: every line's own cost, the margin for every line, both, or null (unknown). */
  readonly cost_source: "known" | "margin" | "known+margin" | null;
  /** sales − cost. */
  readonly profit: number | null;
  /** profit ÷ customers; in the total, identified customers' profit ÷ customers (anonymous sales have no customer). */
  readonly profit_per_customer: number | null;
  /** profit ÷ total profit (identified groups plus anonymous sales). */
  readonly profit_share: number | null;
  /** Sum of customers.acquisition_cost over the group's customers that have one; null when none has. */
  readonly acquisition_cost: number | null;
  /** How many of the group's customers have a known acquisition cost. */
  readonly acquisition_cost_customers: number;
  /** profit − acquisition_cost (the known part); null when either is unknown. */
  readonly profit_after_acquisition: number | null;
  /** Predicted future profit (lifetime value) of the group; null until the CLV models are wired in. */
  readonly future_potential: number | null;
}

/** Profitability by segment (DESIGN.md §2, stage 1): who brings the profit, net of returns and acquisition. */
export interface Profitability {
  /** The grouping as parsed ("segment", "transaction.country"), or null for the whole base. */
  readonly by: string | null;
  /** The margin used where a line has no cost; null when none was given. */
  readonly margin: number | null;
  /** One row per group, by profit descending (unknown profit last, then by sales). */
  readonly rows: readonly ProfitabilityRow[];
  /** Sales without a customer id, as their own row; null when there are none. */
  readonly anonymous: ProfitabilityRow | null;
  /** Everything: identified customers (each counted once) plus anonymous sales. */
  readonly total: ProfitabilityRow;
  /** What the reader must know to read the numbers right. */
  readonly notes: readonly string[];
}
