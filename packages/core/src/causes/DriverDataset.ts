/**
 * A categorical column: each customer's level (null = unknown, reported as "(none)"). Encoded as one
 * indicator per level except the reference level, which is the most frequent one unless given.
 */
export interface CategoryColumn {
  readonly kind: "category";
  readonly name: string;
  readonly values: readonly (string | null)[];
  /** The level the others are compared with; default the most frequent. */
  readonly reference?: string;
}

/** A yes/no column (1 = the customer has the driver), e.g. "had a complaint about late delivery". */
export interface FlagColumn {
  readonly kind: "flag";
  readonly name: string;
  /** How the driver reads in a sentence: "a complaint about late delivery". */
  readonly label: string;
  readonly values: Uint8Array;
}

/** One candidate driver column. */
export type DriverColumn = CategoryColumn | FlagColumn;

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
  readonly columns: readonly DriverColumn[];
}
