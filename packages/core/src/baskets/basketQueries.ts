import type { Dialect } from "../Dialect.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import type { BasketLevel } from "./BasketLevel.ts";

/**
 * The basket lines: one row per (basket, item) where a basket is an order id and only purchase
 * lines (amount > 0) count, so a return invoice is not a basket and a returned item is not "bought".
 * `level` is one of `basketLevels`, a whitelisted column.
 */
function basketLines(dialect: Dialect, level: BasketLevel): string {
  const item = dialect.quoteIdent(level);
  return `SELECT order_id AS basket, ${item} AS item, description FROM transactions
    WHERE order_id IS NOT NULL AND amount > 0 AND ${item} IS NOT NULL`;
}

/**
 * The number of baskets N and, per item, the number of baskets holding it (`baskets`) and a label
 * (the most common spelling's maximum description, for products). Rows: `{ item, label, baskets }`,
 * plus one row with `item` NULL whose `baskets` is N.
 *
 * @example
 * const rows = await client.all(basketItemCountsQuery(duckdbDialect, "product"));
 */
export function basketItemCountsQuery(dialect: Dialect, level: BasketLevel): SqlQuery {
  const lines = basketLines(dialect, level);
  const none = dialect.nullOf("VARCHAR");
  return {
    sql: `SELECT item, max(description) AS label, count(DISTINCT basket) AS baskets FROM (${lines}) AS l GROUP BY item
      UNION ALL
      SELECT ${none} AS item, ${none} AS label, count(DISTINCT basket) AS baskets FROM (${lines}) AS l`,
    params: [],
  };
}

/**
 * The distinct (basket, item) pairs of items held by at least `minCount` baskets, ordered by basket:
 * the only rows the FP-tree needs, so infrequent items never leave the engine.
 *
 * @example
 * basketPairsQuery(duckdbDialect, "product", 216); // rows { basket: "536365", item: "85123A" }, …
 */
export function basketPairsQuery(dialect: Dialect, level: BasketLevel, minCount: number): SqlQuery {
  const lines = basketLines(dialect, level);
  return {
    sql: `SELECT DISTINCT basket, item FROM (${lines}) AS l
      WHERE item IN (SELECT item FROM (${lines}) AS f GROUP BY item HAVING count(DISTINCT basket) >= ${dialect.param(1)})
      ORDER BY basket, item`,
    params: [Math.max(1, Math.ceil(minCount))],
  };
}

/**
 * The items one customer has bought (purchase lines only), to leave them out of recommendations.
 * The customer id is a bound parameter.
 *
 * @example
 * customerItemsQuery(duckdbDialect, "product", "17850"); // rows { item: "85123A" }, …
 */
export function customerItemsQuery(dialect: Dialect, level: BasketLevel, customerId: string): SqlQuery {
  const item = dialect.quoteIdent(level);
  return {
    sql: `SELECT DISTINCT ${item} AS item FROM transactions
      WHERE customer_id = ${dialect.param(1)} AND amount > 0 AND ${item} IS NOT NULL ORDER BY item`,
    params: [customerId],
  };
}
