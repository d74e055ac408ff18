import type { Dialect } from "../Dialect.ts";
import type { SqlValue } from "../SqlQuery.ts";

/**
 * Collects bound parameters while a query is written: `add(value)` returns the placeholder to put
 * in the text, so user values never enter it.
 *
 * @example
 * const p = new SqlParams(duckdbDialect);
 * const text = `SELECT * FROM customers WHERE segment = ${p.add("gold")}`; // "... = $1", p.values = ["gold"]
 */
export class SqlParams {
  readonly values: SqlValue[] = [];
  constructor(private readonly dialect: Dialect) {}

  /** Binds `value` and returns its placeholder. */
  add(value: SqlValue): string {
    this.values.push(value);
    return this.dialect.param(this.values.length);
  }
}
