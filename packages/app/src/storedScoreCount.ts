import { type SqlClient, sql } from "@vafa/core";

/**
 * How many customers have stored scores (`vafa clv score`) in the analytic store, or null when it
 * has no `customer_scores` table. Asked by reading the table, which every engine answers alike
 * (ClickHouse 18.16 has no `information_schema`): a missing table is an error, read as null.
 *
 * @example
 * const n = await storedScoreCount(engine.facts); // null before the first scoring on ClickHouse
 */
export async function storedScoreCount(facts: SqlClient): Promise<number | null> {
  try {
    const [row] = await facts.all(sql("SELECT count(*) AS n FROM customer_scores"));
    return Number(row?.n ?? 0);
  } catch {
    return null;
  }
}
