import { expectedYears } from "./expectedYears.ts";

/** The figures the economics are computed from (read from the store by the adapter). */
export interface EconomicsInput {
  /** Customers active in the last year. */
  readonly activeBase: number;
  /** Mean CLV of the active base from customer_scores; null when not scored. */
  readonly meanClv: number | null;
  /** Mean yearly profit per active customer (sales × margin, or sales when no margin is known). */
  readonly meanAnnualValue: number;
  /** What `meanAnnualValue` is: "profit", "sales × margin" or "sales". */
  readonly annualValueBasis: string;
  /** Share of last year's customers still buying this year. */
  readonly annualRetention: number;
  readonly horizonYears: number;
  readonly discountRate: number;
  /** Mean acquisition cost from customers.acquisition_cost; null when absent. */
  readonly acquisitionCost: number | null;
  /** Retention cost ÷ acquisition cost; default 0.1 (seed 002: retaining costs about 10% of acquiring). */
  readonly retentionCostRatio: number;
  /** Per group (a customer dimension value): customers, mean yearly value and its own annual retention. */
  readonly groups: readonly {
    name: string;
    customers: number;
    meanAnnualValue: number;
    annualRetention: number | null;
  }[];
  /** The dimension the groups are of, for the sentences ("branch"). */
  readonly groupBy: string | null;
}

/** What retention is worth to this business, in money and in sentences. */
export interface RetentionEconomics {
  /** Lifetime value of an average active customer: mean annual value × expected years within the horizon. */
  readonly customerValue: number;
  readonly expectedYears: number;
  /** 0.01 × active base × customer value: what one percentage point more raw retention keeps. */
  readonly valueOfOnePoint: number;
  /** Same with mean CLV in place of the horizon value; null when not scored. */
  readonly valueOfOnePointClv: number | null;
  readonly acquisitionCost: number | null;
  /** retentionCostRatio × acquisition cost; null when the acquisition cost is unknown. */
  readonly retentionCost: number | null;
  readonly retentionCostRatio: number;
  readonly groups: readonly { name: string; customers: number; lifetimeValue: number; sentence: string }[];
  readonly sentences: readonly string[];
  readonly formula: string;
}

const money = (v: number) => Math.round(v).toLocaleString("en-US");

/**
 * The value of one point of retention and of a customer, from the business's own figures:
 * value of +1 pp raw retention ≈ 0.01 × active base × customer value, where customer value = mean
 * annual value × expectedYears(annual retention, horizon, discount) (mean CLV shown beside it when
 * scored); retention cost = ratio × acquisition cost (ratio default 0.1, seed 002); and per group
 * "a customer of branch X is worth V over H years".
 *
 * @example
 * retentionEconomics({ activeBase: 4000, meanAnnualValue: 500, annualRetention: 0.6, horizonYears: 10, … }).valueOfOnePoint;
 * // 0.01 × 4000 × 500 × 2.49 ≈ 49,800
 */
export function retentionEconomics(input: EconomicsInput): RetentionEconomics {
  const years = expectedYears(input.annualRetention, input.horizonYears, input.discountRate);
  const customerValue = input.meanAnnualValue * years;
  const valueOfOnePoint = 0.01 * input.activeBase * customerValue;
  const valueOfOnePointClv = input.meanClv === null ? null : 0.01 * input.activeBase * input.meanClv;
  const retentionCost =
    input.acquisitionCost === null ? null : input.retentionCostRatio * input.acquisitionCost;
  const h = input.horizonYears;
  const groups = input.groups.map((g) => {
    const r = g.annualRetention ?? input.annualRetention;
    const lifetimeValue = g.meanAnnualValue * expectedYears(r, h, input.discountRate);
    return {
      name: g.name,
      customers: g.customers,
      lifetimeValue,
      sentence: `a customer of ${input.groupBy ?? "the business"} ${g.name} is worth ${money(lifetimeValue)} over ${h} years (${money(g.meanAnnualValue)} a year in ${input.annualValueBasis}, ${Math.round(r * 100)}% kept each year)`,
    };
  });
  const sentences = [
    `an average customer is worth ${money(customerValue)} over ${h} years (${money(input.meanAnnualValue)} a year in ${input.annualValueBasis} × ${years.toFixed(2)} expected years at ${Math.round(input.annualRetention * 100)}% yearly retention)`,
    `one point more retention keeps about ${money(0.01 * input.activeBase)} of ${money(input.activeBase)} active customers, worth ${money(valueOfOnePoint)}`,
    retentionCost === null
      ? `keeping a customer costs about ${Math.round(input.retentionCostRatio * 100)}% of winning a new one (no acquisition cost in the data)`
      : `keeping a customer costs about ${money(retentionCost)}, winning a new one about ${money(input.acquisitionCost as number)}`,
  ];
  if (valueOfOnePointClv !== null)
    sentences.push(
      `with the model's CLV (mean ${money(input.meanClv as number)}), one point of retention is worth ${money(valueOfOnePointClv)}`,
    );
  return {
    customerValue,
    expectedYears: years,
    valueOfOnePoint,
    valueOfOnePointClv,
    acquisitionCost: input.acquisitionCost,
    retentionCost,
    retentionCostRatio: input.retentionCostRatio,
    groups,
    sentences: [...sentences, ...groups.map((g) => g.sentence)],
    formula:
      "value of +1 pp raw retention = 0.01 × active base × mean annual value × Σ_{t<H} (r/(1+d))^t; retention cost = ratio × acquisition cost",
  };
}
