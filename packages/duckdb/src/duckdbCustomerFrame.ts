import { randomUUID } from "node:crypto";
import { type CustomerFrame, type CustomerScores, type SqlQuery, sql } from "@vafa/core";
import { appendFloatColumns } from "./appendFloatColumns.ts";
import type { DuckDBClient } from "./DuckDBClient.ts";
import { readFloatColumns } from "./readColumns.ts";

/** The per-customer score columns of `customer_scores`, in table order. */
const SCORE_COLUMNS = ["p_alive", "expected_purchases", "expected_spend", "clv", "historical_value"] as const;

/**
 * The DuckDB `CustomerFrame`: the query goes into a temporary table (in the query's order), its
 * numeric columns are read straight from the vectors, and scores come back through the appender into
 * a second temporary table joined to the first by position — the customer ids never leave DuckDB.
 * A million customers read, append and store in about a second.
 *
 * @example
 * const frame = await duckdbCustomerFrame(client, sql("SELECT customer_id, x FROM s ORDER BY x"));
 */
export async function duckdbCustomerFrame(client: DuckDBClient, query: SqlQuery): Promise<CustomerFrame> {
  // A fresh name per frame, so two frames of one connection never meet; only hex and _ reach SQL.
  const name = `vafa_frame_${randomUUID().replaceAll("-", "")}`;
  const values = `${name}_scores`;
  await client.run(sql(`CREATE TEMP TABLE ${name} AS ${query.sql}`, query.params));
  const release = async () => {
    await client.run(sql(`DROP TABLE IF EXISTS ${values}`));
    await client.run(sql(`DROP TABLE IF EXISTS ${name}`));
  };
  try {
    const described = await client.all(sql(`DESCRIBE ${name}`));
    const numeric = described.map((r) => String(r.column_name)).filter((c) => c !== "customer_id");
    if (numeric.length === described.length) throw new Error("a customer frame needs a customer_id column");
    const columns = await readFloatColumns(
      client,
      // Table scans keep insertion order, which POSITIONAL JOIN below relies on too.
      sql(`SELECT ${numeric.map((c) => `"${c.replaceAll('"', '""')}"`).join(", ")} FROM ${name}`),
    );
    const size = columns[numeric[0] ?? ""]?.length ?? 0;
    return {
      size,
      columns,
      async replaceScores(scores: CustomerScores): Promise<void> {
        const arrays = SCORE_COLUMNS.map((c) => scores[c]);
        if (arrays.some((a) => a.length !== size))
          throw new RangeError(`scores for ${arrays[0]?.length} customers, the frame has ${size}`);
        await client.run(
          sql(
            `CREATE OR REPLACE TEMP TABLE ${values} (${SCORE_COLUMNS.map((c) => `${c} DOUBLE`).join(", ")})`,
          ),
        );
        await appendFloatColumns(client, values, arrays);
        await client.run(sql("BEGIN TRANSACTION"));
        try {
          await client.run(sql("DELETE FROM customer_scores"));
          await client.run(
            sql(
              `INSERT INTO customer_scores (customer_id, model, scored_at, calibration_end, horizon_days,
                 ${SCORE_COLUMNS.join(", ")})
               SELECT f.customer_id, $1, CAST($2 AS TIMESTAMP), CAST($3 AS DATE), $4, ${SCORE_COLUMNS.map((c) => `v.${c}`).join(", ")}
               FROM ${name} f POSITIONAL JOIN ${values} v`,
              [scores.model, scores.scoredAt, scores.calibrationEnd, scores.horizonDays],
            ),
          );
          await client.run(sql("COMMIT"));
        } catch (error) {
          await client.run(sql("ROLLBACK"));
          throw error;
        }
        await client.run(sql(`DROP TABLE IF EXISTS ${values}`));
      },
      release,
    };
  } catch (error) {
    await release();
    throw error;
  }
}
