import type { CauseCustomer } from "./CauseCustomer.ts";
import type { ProfileInput } from "./defectorProfiles.ts";
import { tenureBucket } from "./tenureBucket.ts";

/** The dimensions `causeProfileInputs` fills. */
export const PROFILE_DIMENSIONS = ["segment", "country", "channel", "tenure", "value band"] as const;

/**
 * Profile inputs from cause customers: segment, country, channel, tenure band and an RFM-like value
 * band (quartile of last-year sales: "Q1 lowest" … "Q4 highest"); profit is last-year profit, or
 * last-year sales when costs are unknown (say so when reporting).
 *
 * @example
 * defectorProfiles(causeProfileInputs(customers), PROFILE_DIMENSIONS);
 */
export function causeProfileInputs(customers: readonly CauseCustomer[]): ProfileInput[] {
  const sales = customers.map((c) => c.sales12m).sort((a, b) => a - b);
  const cut = (q: number) => sales[Math.floor((q * sales.length) / 4)] ?? 0;
  const cuts = [cut(1), cut(2), cut(3)];
  const band = (v: number) => {
    let b = 0;
    while (b < 3 && v >= (cuts[b] ?? Number.POSITIVE_INFINITY)) b++;
    return ["Q1 lowest", "Q2", "Q3", "Q4 highest"][b] ?? "Q4 highest";
  };
  const anyCost = customers.some((c) => c.profit12m !== null);
  return customers.map((c) => ({
    groups: {
      segment: c.segment,
      country: c.country,
      channel: c.channel,
      tenure: tenureBucket(c.tenureDays),
      "value band": band(c.sales12m),
    },
    defected: c.defected,
    profit: anyCost ? c.profit12m : c.sales12m,
  }));
}
