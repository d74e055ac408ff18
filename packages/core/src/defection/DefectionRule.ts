/**
 * Silence: no purchase for longer than k × the customer's own typical gap (the median of its gaps in
 * days between purchase days). Fires when `silentDays > max(k × gap, floorDays)` — strictly longer, so
 * a silence exactly equal to the threshold does not fire. Customers with fewer than `minPurchases`
 * purchase days use their segment's typical gap (or the whole base's, per `fallback`).
 *
 * @example
 * const rule: SilenceRule = { kind: "silence", atRisk: 2, defected: 4, floorDays: 14, minPurchases: 3, fallback: "segment" };
 */
export interface SilenceRule {
  readonly kind: "silence";
  /** Optional label reported as "the rule that fired"; default the kind. */
  readonly name?: string;
  /** Multiplier k of the typical gap for at risk (e.g. 2). */
  readonly atRisk: number;
  /** Multiplier k of the typical gap for defected (e.g. 4); at least `atRisk`. */
  readonly defected: number;
  /** Smallest threshold in days, so daily buyers are not flagged after a weekend. */
  readonly floorDays: number;
  /** Purchase days needed to trust the customer's own gap; fewer use the fallback. */
  readonly minPurchases: number;
  /** Whose typical gap a customer with too few purchases gets: its segment's (then the base's) or the base's. */
  readonly fallback: "segment" | "base";
}

/**
 * A drop in purchase frequency ("eats elsewhere half the time") or spend: the count (or spend) in the
 * recent window as a share of what the customer's rate over the baseline window predicts for it.
 * Fires when the share is ≤ the threshold (at or below). Needs `minBaselinePurchases` purchase days
 * in the baseline window and a baseline at least as long as the recent window.
 *
 * @example
 * const rule: DropRule = { kind: "frequency_drop", recentDays: 90, baselineDays: 270, atRisk: 0.5, defected: 0, minBaselinePurchases: 3 };
 */
export interface DropRule {
  readonly kind: "frequency_drop" | "spend_drop";
  readonly name?: string;
  /** Length of the recent window in days, ending on the as-of day. */
  readonly recentDays: number;
  /** Length of the baseline window in days, ending the day before the recent window starts. */
  readonly baselineDays: number;
  /** Share of the baseline at or below which the customer is at risk (e.g. 0.5). */
  readonly atRisk: number;
  /** Share at or below which the customer has defected (e.g. 0); at most `atRisk`. */
  readonly defected: number;
  readonly minBaselinePurchases: number;
}

/**
 * A purchase-model figure below a threshold (strictly below). `measure` picks the figure:
 * - `"p_alive"` (default): the probability that the customer is still alive — `customer_scores.p_alive`
 *   from `vafa clv score` in a live run; in a backtest, from a fit on the history up to the as-of day.
 * - `"p_purchase"`: the probability of at least one purchase in the next `horizonDays` days, from the
 *   purchase model (BG/NBD) fitted on the history up to the as-of day — the model's own forecast of
 *   "buys again soon", informative even where P(alive) is near 1 for everyone (a fit that finds
 *   almost no dropout, as on Online Retail).
 *
 * @example
 * const alive: ModelRule = { kind: "model", atRisk: 0.5, defected: 0.2 };
 * const buys: ModelRule = { kind: "model", measure: "p_purchase", horizonDays: 90, atRisk: 0.4, defected: 0.3 };
 */
export interface ModelRule {
  readonly kind: "model";
  readonly name?: string;
  /** Which model figure the thresholds apply to; default `"p_alive"`. */
  readonly measure?: ModelMeasure;
  /**
   * Days ahead for `"p_purchase"`; default 90. Every `"p_purchase"` rule of a rule set shares one
   * horizon (see `purchaseHorizon`).
   */
  readonly horizonDays?: number;
  readonly atRisk: number;
  /** At most `atRisk`. */
  readonly defected: number;
}

/** The figures a model rule can read: P(alive), or P(at least one purchase within the horizon). */
export type ModelMeasure = "p_alive" | "p_purchase";

/**
 * Contractual data: the customer's latest `contract_end` activity row is in the past and there is no
 * `renewal` activity row from `renewalWindowDays` before that end up to the as-of day. At risk when
 * more than `atRiskDays` have passed since the end, defected after more than `defectedDays`.
 *
 * @example
 * const rule: ContractRule = { kind: "contract", atRiskDays: 0, defectedDays: 30, renewalWindowDays: 90 };
 */
export interface ContractRule {
  readonly kind: "contract";
  readonly name?: string;
  readonly atRiskDays: number;
  readonly defectedDays: number;
  readonly renewalWindowDays: number;
}

/** One defection rule of a business's rule set. */
export type DefectionRule = SilenceRule | DropRule | ModelRule | ContractRule;

/** The kinds of rule, as written in configuration. */
export const DEFECTION_RULE_KINDS = ["silence", "frequency_drop", "spend_drop", "model", "contract"] as const;

/**
 * A business's definition of defection: its rules and how they combine. `any`: the most severe
 * status any rule gives (the usual early-warning setting). `all`: the least severe status among the
 * rules that have data for the customer (every applicable rule must agree).
 *
 * @example
 * const rules: DefectionRules = { combine: "any", rules: [silence, frequencyDrop] };
 */
export interface DefectionRules {
  readonly combine: "any" | "all";
  readonly rules: readonly DefectionRule[];
}

/** The label a rule is reported under: its `name`, else its kind. */
export function ruleName(rule: DefectionRule): string {
  return rule.name ?? rule.kind;
}
