import type { SqlClient } from "../SqlClient.ts";
import { sql } from "../SqlQuery.ts";
import type { FactCounts } from "./Engine.ts";

/**
 * Counts the rows of the fact tables, in plain SQL every engine reads alike.
 *
 * @example
 * await countFacts(engine.facts); // { transactions: 541909, customers: 4372, activity: 0 }
 */
export async function countFacts(client: SqlClient): Promise<FactCounts> {
  const [row] = await client.all(
    sql(`SELECT (SELECT count(*) FROM transactions) AS transactions,
      (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM activity) AS activity`),
  );
  return {
    transactions: Number(row?.transactions ?? 0),
    customers: Number(row?.customers ?? 0),
    activity: Number(row?.activity ?? 0),
  };
}
