import { RetentionError } from "./RetentionError.ts";

/** Where a dimension's value lives: on the customer (fixed) or on each transaction. */
export type DimensionSource = "customer" | "transaction";

/**
 * A validated group-by dimension. `column` is one of a fixed whitelist of canonical columns, so it is
 * safe to write into SQL text; user-supplied values never are.
 */
export interface Dimension {
  readonly source: DimensionSource;
  readonly column: string;
  /** Canonical name, e.g. "customer.branch", "transaction.category", "attr.contract". */
  readonly name: string;
  /**
   * A customer attribute (a column of a customers file, lower case, spaces as _): the group is its
   * value, read from `customer_attributes` by this name — bound as a parameter, never SQL text.
   * `column` is then "value".
   */
  readonly attribute?: string;
}

/** Options of `parseDimension`. */
export interface DimensionOptions {
  /** Accept customer attributes (`attr.contract`); default false, for callers that join only `customers`. */
  readonly attributes?: boolean;
}

const ATTRIBUTE = /^(?:attr|attribute)[._]([\p{L}\p{N}_ ]{1,64})$/u;

/** Customer columns one may group by (from the `customers` table). */
export const CUSTOMER_DIMENSIONS: readonly string[] = [
  "segment",
  "region",
  "country",
  "branch",
  "owner",
  "channel",
];

/** Transaction columns one may group by: a customer is active "in X" in P if it bought X in P. */
export const TRANSACTION_DIMENSIONS: readonly string[] = [
  "category",
  "product",
  "channel",
  "branch",
  "employee",
  "country",
];

/**
 * Parses a dimension name against the whitelist, or — with `attributes` — a customer attribute
 * written `attr.NAME` (any column a customers file kept as an attribute). A plain name means the customer's column when the
 * customer has one (`branch` = `customer.branch`), else the transaction's (`category`); prefix with
 * `customer.` or `transaction.` to choose.
 *
 * @throws RetentionError listing the accepted names.
 * @example
 * parseDimension("category"); // { source: "transaction", column: "category", name: "transaction.category" }
 * parseDimension("branch"); // { source: "customer", column: "branch", name: "customer.branch" }
 * parseDimension("attr.Contract", { attributes: true }); // { source: "customer", column: "value", name: "attr.contract", attribute: "contract" }
 */
export function parseDimension(text: string, options: DimensionOptions = {}): Dimension {
  const raw = text.trim().toLowerCase();
  const attribute = options.attributes === true ? ATTRIBUTE.exec(raw) : null;
  if (attribute) {
    const name = (attribute[1] ?? "").trim().replace(/ /g, "_");
    return { source: "customer", column: "value", name: `attr.${name}`, attribute: name };
  }
  const dot = raw.indexOf(".");
  const prefix = dot < 0 ? null : raw.slice(0, dot);
  const column = dot < 0 ? raw : raw.slice(dot + 1);
  const inCustomer = CUSTOMER_DIMENSIONS.includes(column);
  const inTransaction = TRANSACTION_DIMENSIONS.includes(column);
  let source: DimensionSource | null = null;
  if (prefix === null) source = inCustomer ? "customer" : inTransaction ? "transaction" : null;
  else if (prefix === "customer" && inCustomer) source = "customer";
  else if (prefix === "transaction" && inTransaction) source = "transaction";
  if (source === null) {
    const known = [
      ...CUSTOMER_DIMENSIONS.map((d) => `customer.${d}`),
      ...TRANSACTION_DIMENSIONS.map((d) => `transaction.${d}`),
    ];
    throw new RetentionError(
      `unknown dimension "${text}": use one of ${known.join(", ")}${options.attributes === true ? ", or attr.NAME for a customer attribute (a column of a customers file)" : ""} (a plain name means the customer's column if it has one)`,
    );
  }
  return { source, column, name: `${source}.${column}` };
}
