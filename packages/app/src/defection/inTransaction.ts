import { type SqlClient, sql } from "@vafa/core";

/**
 * Runs `work` in one transaction of a store that has them (the operational store, the DuckDB file):
 * committed when it returns, rolled back when it throws. Call it inside `engine.session`, so no
 * other statement joins the transaction.
 *
 * @example
 * await engine.session((s) => inTransaction(s.state, () => s.state.run(sql("DELETE FROM alerts"))));
 */
export async function inTransaction<T>(client: SqlClient, work: () => Promise<T>): Promise<T> {
  await client.run(sql("BEGIN TRANSACTION"));
  try {
    const result = await work();
    await client.run(sql("COMMIT"));
    return result;
  } catch (error) {
    await client.run(sql("ROLLBACK"));
    throw error;
  }
}
