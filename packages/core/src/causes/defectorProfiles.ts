import { wilsonInterval } from "../defection/wilsonInterval.ts";

/** One customer for `defectorProfiles`: its group in each dimension, outcome and value. */
export interface ProfileInput {
  readonly groups: Readonly<Record<string, string | null>>;
  readonly defected: boolean;
  /** The customer's value (profit when costs are known, else revenue); null when unknown. */
  readonly profit: number | null;
}

/** Options of `defectorProfiles`. */
export interface ProfileOptions {
  /** What the inputs' value is, as a reader should see it: "profit", "revenue (Monthlycharge × 12)"; default "profit". */
  readonly valueLabel?: string;
  /**
   * Whether the value is net of the cost to serve; default true. Without costs a group cannot be
   * called costly to serve, so no group is flagged `costlyAndLikelyToLeave`.
   */
  readonly costKnown?: boolean;
}

/** One group of one dimension. */
export interface ProfileRow {
  readonly dimension: string;
  readonly group: string;
  readonly customers: number;
  readonly defected: number;
  readonly rate: number;
  readonly rateLow: number;
  readonly rateHigh: number;
  /** Mean value per customer with a known value (what `valueLabel` says); null when none is known. */
  readonly meanValue: number | null;
  /** The rest of the customers (every other group of the dimension): count, defection, mean value. */
  readonly restCustomers: number;
  readonly restRate: number;
  readonly restMeanValue: number | null;
  /** rate ÷ restRate: how much more often the profile defects than the rest (null when the rest never defects). */
  readonly relativeRisk: number | null;
  /** Σ value of the profile's defectors: what its defection costs. */
  readonly valueLost: number;
  /** Defects clearly more than the base: the Wilson interval's low bound is above the base rate. */
  readonly likelyToLeave: boolean;
  /** Its mean value is below the base mean. */
  readonly belowAverageValue: boolean;
  /** Likely to leave and earns less than the base mean profit; only when costs are known (`costKnown`). */
  readonly costlyAndLikelyToLeave: boolean;
}

/** What `defectorProfiles` reports. */
export interface ProfileReport {
  readonly customers: number;
  readonly baseRate: number;
  readonly baseMeanValue: number | null;
  /** What the value is: "profit (last 12 months)", "revenue (Monthlycharge × 12)", … */
  readonly valueLabel: string;
  /** Whether the value is net of costs, so "costly to serve" can be said. */
  readonly costKnown: boolean;
  readonly rows: readonly ProfileRow[];
}

/**
 * Which kinds of customer defect most and earn least — the profiles of who not to attract: per
 * dimension (segment, country, channel, tenure band, value band, …) and group, the count, defection
 * rate with its 95% Wilson interval and mean value per customer, each against the rest of the
 * customers (their rate, mean value, and the relative risk), and the value its defectors took. A group is "likely to leave" when its rate's lower bound is above the base
 * rate (not noise); when the value is profit (`costKnown`) and its mean is below the base mean it is
 * flagged "costly to serve and likely to leave" — the customers the business cannot serve well, to
 * stop attracting or to price differently (seeds/004). Without costs (revenue only) nothing can be
 * said about the cost to serve: such a group is only likely to leave and below average in value.
 * Rows are ordered per dimension, flagged first, then by rate.
 *
 * @example
 * defectorProfiles(inputs, ["segment", "channel"]).rows.filter((r) => r.costlyAndLikelyToLeave);
 */
export function defectorProfiles(
  inputs: readonly ProfileInput[],
  dimensions: readonly string[],
  options: ProfileOptions = {},
): ProfileReport {
  const costKnown = options.costKnown ?? true;
  const mean = (xs: readonly ProfileInput[]) => {
    const known = xs.filter((x) => x.profit !== null);
    return known.length === 0 ? null : known.reduce((s, x) => s + (x.profit ?? 0), 0) / known.length;
  };
  const defectedAll = inputs.filter((x) => x.defected).length;
  const baseRate = inputs.length === 0 ? 0 : defectedAll / inputs.length;
  const baseMeanValue = mean(inputs);
  const rows: ProfileRow[] = [];
  for (const dimension of dimensions) {
    const groups = new Map<string, ProfileInput[]>();
    for (const x of inputs) {
      const g = x.groups[dimension] ?? "(none)";
      const list = groups.get(g) ?? [];
      list.push(x);
      groups.set(g, list);
    }
    const block: ProfileRow[] = [];
    for (const [group, members] of groups) {
      const defected = members.filter((x) => x.defected).length;
      const ci = wilsonInterval(defected, members.length);
      const meanValue = mean(members);
      const rest = inputs.filter((x) => (x.groups[dimension] ?? "(none)") !== group);
      const restRate = rest.length === 0 ? 0 : (defectedAll - defected) / rest.length;
      const rate = defected / members.length;
      const likelyToLeave = ci.low > baseRate;
      const belowAverageValue = meanValue !== null && baseMeanValue !== null && meanValue < baseMeanValue;
      block.push({
        dimension,
        group,
        customers: members.length,
        defected,
        rate,
        rateLow: ci.low,
        rateHigh: ci.high,
        meanValue,
        restCustomers: rest.length,
        restRate,
        restMeanValue: mean(rest),
        relativeRisk: restRate === 0 ? null : rate / restRate,
        valueLost: members.reduce((v, x) => v + (x.defected ? (x.profit ?? 0) : 0), 0),
        likelyToLeave,
        belowAverageValue,
        costlyAndLikelyToLeave: costKnown && likelyToLeave && belowAverageValue,
      });
    }
    block.sort(
      (a, b) =>
        Number(b.likelyToLeave && b.belowAverageValue) - Number(a.likelyToLeave && a.belowAverageValue) ||
        b.rate - a.rate ||
        // Ties (small groups share rates such as 1/1) by size, then name: the same order on every engine.
        b.customers - a.customers ||
        a.group.localeCompare(b.group),
    );
    rows.push(...block);
  }
  return {
    customers: inputs.length,
    baseRate,
    baseMeanValue,
    valueLabel: options.valueLabel ?? "profit",
    costKnown,
    rows,
  };
}
