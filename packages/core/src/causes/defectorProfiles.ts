import { wilsonInterval } from "../defection/wilsonInterval.ts";

/** One customer for `defectorProfiles`: its group in each dimension, outcome and profit. */
export interface ProfileInput {
  readonly groups: Readonly<Record<string, string | null>>;
  readonly defected: boolean;
  /** Profit per customer over the period (or the best value proxy); null when unknown. */
  readonly profit: number | null;
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
  /** Mean profit per customer with a known profit; null when none is known. */
  readonly meanProfit: number | null;
  /** Defects clearly more than the base (Wilson low bound above the base rate) and earns less than the base mean. */
  readonly costlyAndLikelyToLeave: boolean;
}

/** What `defectorProfiles` reports. */
export interface ProfileReport {
  readonly customers: number;
  readonly baseRate: number;
  readonly baseMeanProfit: number | null;
  readonly rows: readonly ProfileRow[];
}

/**
 * Which kinds of customer defect most and earn least: per dimension (segment, country, channel,
 * tenure band, value band, …) and group, the count, defection rate with its 95% Wilson interval and
 * mean profit per customer. A group is flagged "costly to serve and likely to leave" when its rate's
 * lower bound is above the base rate (not noise) and its mean profit is below the base mean — the
 * customers the business cannot serve well, to stop attracting or to price differently (seeds/004).
 * Rows are ordered per dimension, flagged first, then by rate.
 *
 * @example
 * defectorProfiles(inputs, ["segment", "channel"]).rows.filter((r) => r.costlyAndLikelyToLeave);
 */
export function defectorProfiles(
  inputs: readonly ProfileInput[],
  dimensions: readonly string[],
): ProfileReport {
  const mean = (xs: readonly ProfileInput[]) => {
    const known = xs.filter((x) => x.profit !== null);
    return known.length === 0 ? null : known.reduce((s, x) => s + (x.profit ?? 0), 0) / known.length;
  };
  const defectedAll = inputs.filter((x) => x.defected).length;
  const baseRate = inputs.length === 0 ? 0 : defectedAll / inputs.length;
  const baseMeanProfit = mean(inputs);
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
      const meanProfit = mean(members);
      block.push({
        dimension,
        group,
        customers: members.length,
        defected,
        rate: defected / members.length,
        rateLow: ci.low,
        rateHigh: ci.high,
        meanProfit,
        costlyAndLikelyToLeave:
          ci.low > baseRate && meanProfit !== null && baseMeanProfit !== null && meanProfit < baseMeanProfit,
      });
    }
    block.sort(
      (a, b) => Number(b.costlyAndLikelyToLeave) - Number(a.costlyAndLikelyToLeave) || b.rate - a.rate,
    );
    rows.push(...block);
  }
  return { customers: inputs.length, baseRate, baseMeanProfit, rows };
}
