/** A cut-off given either as a quantile of all customers (0.8 = the top 20%) or as an absolute value. */
export type Threshold = { readonly quantile: number } | { readonly value: number };

/**
 * The rules of "whom to retain" (seed 001). Every field has a default in
 * `defaultClassificationRules`; a JSON file may override any of them.
 *
 * @example
 * const rules: ClassificationRules = { ...defaultClassificationRules, highValue: { value: 5000 } };
 */
export interface ClassificationRules {
  /** Value (CLV, else historical sales or profit) at or above which a customer is high value. Default top 20%. */
  readonly highValue: Threshold;
  /** Purchases at or above which a customer is high volume (counts as high value too). Default top 20%. */
  readonly highVolume: Threshold;
  /** P(alive) below this is at risk. Default 0.5. */
  readonly lowPAlive: number;
  /** Defection statuses that are at risk. Default at_risk, defected. */
  readonly riskStatuses: readonly string[];
  /** Without P(alive) or a status: silent longer than this many days is at risk. Default 180. */
  readonly silentDays: number;
  /** Tags (customers.tags) that mark a strategic role. Default benchmark, inspiration, door_opener, technology_partner. */
  readonly strategicTags: readonly string[];
  /** A segment rule (or saved segment name) whose members are strategic too; default none. */
  readonly strategicRule: string | null;
  /** Complaints at or above which a customer is costly to serve. Default 3. */
  readonly complaintsAtLeast: number;
  /** Returned sales ÷ gross sales above which a customer is costly to serve. Default 0.2. */
  readonly returnsShareAbove: number;
  /** Cost to serve ÷ sales above which a customer is costly to serve (when cost-to-serve data exists). Default 0.3. */
  readonly costToServeShareAbove: number;
  /** Share of purchases made on discount at or above which a customer is a deal seeker. Default 0.5. */
  readonly dealSeekerShare: number;
  /** Fewest purchases before the deal-seeker share is judged. Default 3. */
  readonly dealSeekerMinPurchases: number;
  /** payment_status values that count as paid badly. Default late, failed, overdue, unpaid, defaulted. */
  readonly badPaymentStatuses: readonly string[];
  /** Share of payments paid badly at or above which a customer is a bad payer. Default 0.2. */
  readonly badPayerShare: number;
  /** Fewest payments with a known status before judging. Default 2. */
  readonly badPayerMinPayments: number;
}

/** The defaults of every classification rule. */
export const defaultClassificationRules: ClassificationRules = {
  highValue: { quantile: 0.8 },
  highVolume: { quantile: 0.8 },
  lowPAlive: 0.5,
  riskStatuses: ["at_risk", "defected"],
  silentDays: 180,
  strategicTags: ["benchmark", "inspiration", "door_opener", "technology_partner"],
  strategicRule: null,
  complaintsAtLeast: 3,
  returnsShareAbove: 0.2,
  costToServeShareAbove: 0.3,
  dealSeekerShare: 0.5,
  dealSeekerMinPurchases: 3,
  badPaymentStatuses: ["late", "failed", "overdue", "unpaid", "defaulted"],
  badPayerShare: 0.2,
  badPayerMinPayments: 2,
};
