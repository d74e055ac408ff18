import type { Dialect } from "../Dialect.ts";

/**
 * A condition keeping rows whose `column` (a customer id) is a customer of the branch bound at
 * `placeholder`; with a null placeholder (no branch) it keeps nothing. ClickHouse says `GLOBAL IN`,
 * so over a Distributed fact table the branch's customers are read once and shipped to every shard.
 * The branch is a bound parameter, never SQL text.
 *
 * @example
 * branchCustomerFilter(duckdbDialect, "t.customer_id", "$3");
 * // "t.customer_id IN (SELECT id FROM customers WHERE branch = $3)"
 */
export function branchCustomerFilter(dialect: Dialect, column: string, placeholder: string | null): string {
  if (placeholder === null) return "1 = 0";
  const keyword = dialect.name === "clickhouse" ? "GLOBAL IN" : "IN";
  return `${column} ${keyword} (SELECT id FROM customers WHERE branch = ${placeholder})`;
}
