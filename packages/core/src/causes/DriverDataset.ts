/**
 * What a candidate driver is: a *service* issue the business can act on (complaint categories,
 * survey answers, contract type, tech support, an offer), or a *descriptor* of the customer (tenure,
 * region, value band, demographics) that nobody can remove. Drivers ranks service issues, adjusted
 * for descriptors; descriptors go to the profiles.
 */
export type DriverRole = "service" | "descriptor";

/**
 * A categorical column: each customer's level (null = unknown, reported as "(none)"). Encoded as one
 * indicator per level except the reference level, which is the largest one unless given.
 */
export interface CategoryColumn {
  readonly kind: "category";
  readonly name: string;
  readonly values: readonly (string | null)[];
  /** The level the others are compared with; default the largest (most customers). */
  readonly reference?: string;
  /** Default "service". */
  readonly role?: DriverRole;
}

/** A yes/no column (1 = the customer has the driver), e.g. "had a complaint about late delivery". */
export interface FlagColumn {
  readonly kind: "flag";
  readonly name: string;
  /** How the driver reads in a sentence: "a complaint about late delivery". */
  readonly label: string;
  readonly values: Uint8Array;
  /** Default "service". */
  readonly role?: DriverRole;
}

/** One candidate driver column. */
export type DriverColumn = CategoryColumn | FlagColumn;

/** A column kept out of the analysis, and why (reported so that nothing disappears silently). */
export interface LeftOutColumn {
  readonly column: string;
  /** "leak": it records the outcome; the others: it labels the customer rather than describing it. */
  readonly kind: "leak" | "identifier" | "postal code" | "coordinate" | "numeric code";
  /** The evidence in words, e.g. "filled only for defected customers (57 of 57), blank for all 143 others". */
  readonly detail: string;
}

/** What the value column is: profit (costs known), revenue (a charge or sales), or a count of customers. */
export type ValueKind = "profit" | "revenue" | "customers";

/**
 * One row per customer for the driver analysis: the outcome (1 = defected in the window, or has the
 * defection status), the customer's value (what its loss costs) and the candidate drivers. Built from
 * the store (`toDriverDataset`) or from a flat file (`tableDriverDataset`).
 *
 * @example
 * const d: DriverDataset = { ids: ["a", "b"], outcome: Uint8Array.from([1, 0]), value: Float64Array.from([120, 80]),
 *   valueBasis: "profit_12m", columns: [{ kind: "category", name: "channel", values: ["web", "store"] }] };
 */
export interface DriverDataset {
  readonly ids: readonly string[];
  readonly outcome: Uint8Array;
  readonly value: Float64Array;
  /** What `value` is: "clv", "profit_12m", "sales_12m", "MonthlyCharges × 12", … */
  readonly valueBasis: string;
  /** What the value is; default "profit" (the store's value when costs are known). */
  readonly valueKind?: ValueKind;
  readonly columns: readonly DriverColumn[];
  /** Who is counted, e.g. "Customerstatus = Churned against Stayed (Joined left out: 20 rows)". */
  readonly population?: string;
  /** Columns the reader left out (identifiers, coordinates), with the reason. */
  readonly leftOut?: readonly LeftOutColumn[];
  /** What the reader did that the reader of the report should know (a column matched by another spelling). */
  readonly notes?: readonly string[];
}
