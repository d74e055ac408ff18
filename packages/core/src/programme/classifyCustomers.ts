import type { ClassificationRules, Threshold } from "./ClassificationRules.ts";
import type { CustomerProfile } from "./CustomerProfile.ts";

/** What to do with a customer: the value × risk grid of the retention programme. */
export type RetentionClass = "retain_and_grow" | "retain" | "maintain_at_low_cost" | "let_go";

/** Every class, best first. */
export const RETENTION_CLASSES: readonly RetentionClass[] = [
  "retain_and_grow",
  "retain",
  "maintain_at_low_cost",
  "let_go",
];

/** A flag on a customer and the figure behind it. */
export interface ClassificationFlag {
  readonly flag: "strategic" | "costly_to_serve" | "deal_seeker" | "bad_payer";
  readonly detail: string;
}

/** One customer's class, the figures it was decided on, and the sentence that explains it. */
export interface CustomerClassification {
  readonly customerId: string;
  readonly class: RetentionClass;
  /** The class from value × risk alone, before flags changed it. */
  readonly gridClass: RetentionClass;
  readonly value: number;
  readonly valueBasis: "clv" | "historical";
  /** Share of customers with a value at least this high (0.2 = top 20%). */
  readonly valueTopShare: number;
  readonly highValue: boolean;
  readonly atRisk: boolean;
  readonly flags: readonly ClassificationFlag[];
  readonly explanation: string;
}

/** The cut-offs actually applied (quantiles resolved against the customers classified). */
export interface ResolvedThresholds {
  readonly highValue: number;
  readonly highVolume: number;
}

/** Empirical quantile (type 7, as R's default) of sorted values. */
function quantileOf(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.POSITIVE_INFINITY;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

function resolve(t: Threshold, values: readonly number[]): number {
  return "value" in t
    ? t.value
    : quantileOf(
        [...values].sort((x, y) => x - y),
        t.quantile,
      );
}

const money = (v: number) => Math.round(v).toLocaleString("en-US");
const pct = (v: number) => `${Math.round(v * 100)}%`;

/** The customer's value: CLV when scored, else historical value. */
function customerValue(p: CustomerProfile): { value: number; basis: "clv" | "historical" } {
  return p.clv !== null && Number.isFinite(p.clv)
    ? { value: p.clv, basis: "clv" }
    : { value: p.historicalValue, basis: "historical" };
}

/**
 * Classifies every customer on value × risk and flags (seed 001: keep the valuable and the strategic;
 * do not spend on the costly to serve, the deal seekers and the bad payers).
 *
 * Value is CLV (else historical value); high value = value ≥ the `highValue` cut-off or purchases ≥
 * the `highVolume` cut-off. Risk is P(alive) < `lowPAlive` when scored, else a defection status in
 * `riskStatuses`, else silent longer than `silentDays`. Grid: high & safe → retain_and_grow; high &
 * at risk → retain; low & safe → maintain_at_low_cost; low & at risk → let_go. Then flags: a
 * costly-to-serve, deal-seeker or bad-payer flag caps the class at maintain_at_low_cost (no retention
 * spend on them); a strategic role (hand-set tag or rule) lifts it to at least retain and wins over
 * those flags, because a benchmark or door opener is kept for what it brings beyond its own sales.
 *
 * @example
 * classifyCustomers(profiles, defaultClassificationRules).classifications[0]?.explanation;
 * // "retain: CLV 2,340 (top 20%), 34 purchases, P(alive) 0.42; flags: deal seeker (71% of purchases discounted)"
 */
export function classifyCustomers(
  profiles: readonly CustomerProfile[],
  rules: ClassificationRules,
): { classifications: CustomerClassification[]; thresholds: ResolvedThresholds } {
  const values = profiles.map((p) => customerValue(p).value);
  const sortedDesc = [...values].sort((a, b) => b - a);
  const thresholds: ResolvedThresholds = {
    highValue: resolve(rules.highValue, values),
    highVolume: resolve(
      rules.highVolume,
      profiles.map((p) => p.purchases),
    ),
  };
  const topShare = (v: number) => {
    // Count of values ≥ v by binary search on the descending list.
    let lo = 0;
    let hi = sortedDesc.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sortedDesc[mid] as number) >= v) lo = mid + 1;
      else hi = mid;
    }
    return sortedDesc.length === 0 ? 1 : lo / sortedDesc.length;
  };
  const strategicTags = new Set(rules.strategicTags.map((t) => t.toLowerCase()));
  const classifications = profiles.map((p): CustomerClassification => {
    const { value, basis } = customerValue(p);
    const highValue = value >= thresholds.highValue || p.purchases >= thresholds.highVolume;
    const riskParts: string[] = [];
    let atRisk: boolean;
    if (p.pAlive !== null) {
      atRisk = p.pAlive < rules.lowPAlive;
      riskParts.push(`P(alive) ${p.pAlive.toFixed(2)}`);
    } else if (p.status !== null) {
      atRisk = rules.riskStatuses.includes(p.status);
      riskParts.push(`status ${p.status}`);
    } else {
      atRisk = p.daysSinceLast === null || p.daysSinceLast > rules.silentDays;
      riskParts.push(p.daysSinceLast === null ? "no purchase" : `last purchase ${p.daysSinceLast} days ago`);
    }
    const flags: ClassificationFlag[] = [];
    const roles = (p.tags ?? "")
      .split(",")
      .map((t) => t.trim().toLowerCase())
      .filter((t) => strategicTags.has(t));
    if (roles.length > 0)
      flags.push({ flag: "strategic", detail: `strategic: ${roles.join(", ").replaceAll("_", " ")}` });
    else if (p.strategicByRule) flags.push({ flag: "strategic", detail: "strategic (by rule)" });
    const costly: string[] = [];
    if (p.complaints >= rules.complaintsAtLeast) costly.push(`${p.complaints} complaints`);
    if (p.returnsShare !== null && p.returnsShare > rules.returnsShareAbove)
      costly.push(`${pct(p.returnsShare)} of sales returned`);
    if (p.costToServeShare !== null && p.costToServeShare > rules.costToServeShareAbove)
      costly.push(`cost to serve ${pct(p.costToServeShare)} of sales`);
    if (costly.length > 0)
      flags.push({ flag: "costly_to_serve", detail: `costly to serve (${costly.join(", ")})` });
    if (
      p.discountedShare !== null &&
      p.purchases >= rules.dealSeekerMinPurchases &&
      p.discountedShare >= rules.dealSeekerShare
    )
      flags.push({
        flag: "deal_seeker",
        detail: `deal seeker (${pct(p.discountedShare)} of purchases discounted)`,
      });
    if (
      p.badPaymentShare !== null &&
      p.payments >= rules.badPayerMinPayments &&
      p.badPaymentShare >= rules.badPayerShare
    )
      flags.push({
        flag: "bad_payer",
        detail: `bad payer (${pct(p.badPaymentShare)} of payments late or failed)`,
      });

    const gridClass: RetentionClass = highValue
      ? atRisk
        ? "retain"
        : "retain_and_grow"
      : atRisk
        ? "let_go"
        : "maintain_at_low_cost";
    let cls = gridClass;
    let adjustment = "";
    const strategic = flags.some((f) => f.flag === "strategic");
    const negative = flags.some((f) => f.flag !== "strategic");
    if (strategic) {
      if (cls === "maintain_at_low_cost" || cls === "let_go") {
        cls = "retain";
        adjustment = ` (raised from ${gridClass}: strategic role)`;
      }
    } else if (negative && (cls === "retain_and_grow" || cls === "retain")) {
      cls = "maintain_at_low_cost";
      adjustment = ` (lowered from ${gridClass}: no retention spend on ${flags.map((f) => f.flag.replaceAll("_", " ")).join(", ")})`;
    }
    const top = topShare(value);
    const valueText = `${basis === "clv" ? "CLV" : "historical value"} ${money(value)} (top ${Math.max(1, Math.ceil(top * 100 - 1e-9))}%)`;
    const explanation =
      `${cls}${adjustment}: ${valueText}, ${p.purchases} purchases, ${riskParts.join(", ")}` +
      (flags.length > 0 ? `; flags: ${flags.map((f) => f.detail).join("; ")}` : "");
    return {
      customerId: p.customerId,
      class: cls,
      gridClass,
      value,
      valueBasis: basis,
      valueTopShare: top,
      highValue,
      atRisk,
      flags,
      explanation,
    };
  });
  return { classifications, thresholds };
}
