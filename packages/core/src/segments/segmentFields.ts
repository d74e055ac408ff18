import { rfmSegmentIds } from "./rfmGrid.ts";

/**
 * The type of a rule field: `text` (=, !=, in), `number` (comparisons, in), `date` (comparisons with
 * "YYYY-MM-DD"), `list` (`contains` one value: a customer's tags, or the categories they bought),
 * `attribute` (a customer attribute from a customers file: compared as a number with a number, as
 * text with quoted text — yes/no reads "yes"/"no", a date "YYYY-MM-DD").
 */
export type SegmentFieldType = "text" | "number" | "date" | "list" | "attribute";

/**
 * What a field needs joined in: the customer row, the RFM scores, model scores
 * (`customer_scores`), spend in a recent window, or the categories bought.
 */
export type SegmentFieldSource = "customer" | "rfm" | "scores" | "spend" | "categories" | "attribute";

/** One field a segment rule may use. */
export interface SegmentField {
  readonly name: string;
  readonly type: SegmentFieldType;
  readonly source: SegmentFieldSource;
  /** The column in its source relation (a constant of this file, safe in SQL text). */
  readonly column: string;
  /** Accepted values, when the field is an enumeration (checked at parse time). */
  readonly values?: readonly string[];
  readonly description: string;
}

const attribute = (name: string, description: string): SegmentField => ({
  name,
  type: "text",
  source: "customer",
  column: name,
  description,
});

const measure = (name: string, source: "rfm" | "scores", description: string): SegmentField => ({
  name,
  type: "number",
  source,
  column: name,
  description,
});

/**
 * Every field of the rule language: customer attributes and computed measures. This list is the one
 * place to extend (a defection `status` measure adds one entry and its source's join), and the
 * whitelist that keeps field names out of user control: only `column`s from here reach SQL text.
 * `spend_<N>d` (spend in the last N days, e.g. `spend_90d`) and `attr_<name>` (a customer attribute,
 * e.g. `attr_contract`, `attr_tenure`; spaces in its name written as _) are matched by pattern in
 * `findField`.
 */
export const segmentFields: readonly SegmentField[] = [
  attribute("segment", "the customer's segment attribute"),
  attribute("region", "region"),
  attribute("country", "country"),
  attribute("branch", "branch"),
  attribute("owner", "account owner / employee"),
  attribute("channel", "acquisition channel"),
  {
    name: "tags",
    type: "list",
    source: "customer",
    column: "tags",
    description: "comma-separated role tags",
  },
  {
    name: "created_at",
    type: "date",
    source: "customer",
    column: "created_at",
    description: "customer since",
  },
  {
    name: "rfm_segment",
    type: "text",
    source: "rfm",
    column: "rfm_segment",
    values: rfmSegmentIds,
    description: "named RFM segment as of the last transaction day",
  },
  measure("recency_days", "rfm", "days since the last purchase"),
  measure("frequency", "rfm", "orders (or purchase days)"),
  measure("monetary", "rfm", "net sales to date"),
  measure("r_score", "rfm", "recency score 1–5"),
  measure("f_score", "rfm", "frequency score 1–5"),
  measure("m_score", "rfm", "monetary score 1–5"),
  measure("clv", "scores", "predicted lifetime value (customer_scores; null before scoring)"),
  measure("p_alive", "scores", "probability the customer is still active (customer_scores)"),
  {
    name: "categories",
    type: "list",
    source: "categories",
    column: "category",
    description: "categories the customer has bought",
  },
];

const SPEND = /^spend_([1-9][0-9]{0,4})d$/;
const ATTRIBUTE = /^attr_([a-z0-9_]{1,64})$/;

/**
 * The field named `name` (case-insensitive), or undefined.
 *
 * @example
 * findField("spend_90d"); // { name: "spend_90d", type: "number", source: "spend", column: "spend_90d", … }
 * findField("attr_Contract"); // { name: "attr_contract", type: "attribute", source: "attribute", column: "contract", … }
 */
export function findField(name: string): SegmentField | undefined {
  const n = name.toLowerCase();
  const known = segmentFields.find((f) => f.name === n);
  if (known) return known;
  const attribute = ATTRIBUTE.exec(n);
  if (attribute) {
    // `column` is the attribute's name as typed (lower case, spaces as _): bound as a parameter, never SQL text.
    return {
      name: n,
      type: "attribute",
      source: "attribute",
      column: attribute[1] ?? "",
      description: `the customer attribute ${attribute[1]} (a column of a customers file)`,
    };
  }
  const spend = SPEND.exec(n);
  return spend
    ? {
        name: n,
        type: "number",
        source: "spend",
        column: n,
        description: `net spend in the last ${spend[1]} days`,
      }
    : undefined;
}

/** The window in days of a `spend_<N>d` field. */
export function spendDays(field: SegmentField): number {
  return Number(SPEND.exec(field.name)?.[1]);
}
