import { customerSummaryQuery, duckdbDialect, type SummaryOptions, sql } from "@vafa/core";
import type { GammaGammaData, RfmData } from "@vafa/models";
import type { DuckDBClient } from "../DuckDBClient.ts";
import { readFloatColumns } from "./readColumns.ts";

/** The per-customer summary materialised once, with the compressed inputs of both fits. */
export interface SummaryTable {
  /** Name of the temporary table (the columns of customerSummaryQuery), for scoring. */
  readonly table: string;
  /** Distinct (x, t_x, T) patterns with their customer counts, sorted by (x, T, t_x), for the purchase models. */
  readonly patterns: RfmData & { x: Float64Array; tx: Float64Array; T: Float64Array; count: Float64Array };
  /** Distinct (x, monetary) of customers with x > 0 and positive spend, for Gamma-Gamma. */
  readonly spend: GammaGammaData & { x: Float64Array; m: Float64Array; count: Float64Array };
  /** Drops the temporary table. */
  drop(): Promise<void>;
}

/**
 * Builds the customer summary once into a temporary table and reads both compressed model inputs from
 * it, so the purchase-model input, the spend input and the scoring share one pass. Pass it to
 * {@link scoreCustomers} as `summary` to score from the same rows and patterns.
 *
 * @example
 * const s = await createSummaryTable(store.client, { unit: "week" });
 * const fit = fitBgNbd(s.patterns);
 * await s.drop();
 */
export async function createSummaryTable(
  client: DuckDBClient,
  options: SummaryOptions = {},
  table = "clv_summary",
): Promise<SummaryTable> {
  const summary = customerSummaryQuery(duckdbDialect, options);
  await client.run(sql(`CREATE OR REPLACE TEMP TABLE ${table} AS ${summary.sql}`, summary.params));
  const patterns = await readPatterns(client, table);
  const spend = await readFloatColumns(
    client,
    // Rounded as compressedSpendQuery does, so sums added up in another order group alike.
    sql(`SELECT CAST(x AS DOUBLE) AS x, CAST(round(monetary, 6) AS DOUBLE) AS monetary,
           CAST(count(*) AS DOUBLE) AS n
         FROM ${table} WHERE x > 0 AND monetary > 0 GROUP BY x, round(monetary, 6) ORDER BY x, monetary`),
  );
  const column = (cols: Record<string, Float64Array>, name: string): Float64Array => {
    const c = cols[name];
    if (c === undefined) throw new Error(`missing column '${name}'`);
    return c;
  };
  return {
    table,
    patterns,
    spend: { x: column(spend, "x"), m: column(spend, "monetary"), count: column(spend, "n") },
    drop: () => client.run(sql(`DROP TABLE IF EXISTS ${table}`)),
  };
}

/**
 * The distinct (x, t_x, T) patterns of a summary table with their customer counts, sorted by
 * (x, T, t_x), read straight into typed arrays.
 *
 * @example
 * const { x, tx, T, count } = await readPatterns(client, "clv_summary");
 */
export async function readPatterns(client: DuckDBClient, table: string): Promise<SummaryTable["patterns"]> {
  const cols = await readFloatColumns(
    client,
    sql(`SELECT CAST(x AS DOUBLE) AS x, CAST(t_x AS DOUBLE) AS t_x, CAST("T" AS DOUBLE) AS "T",
           CAST(count(*) AS DOUBLE) AS n
         FROM ${table} GROUP BY x, t_x, "T" ORDER BY x, "T", t_x`),
  );
  const column = (name: string): Float64Array => {
    const c = cols[name];
    if (c === undefined) throw new Error(`missing column '${name}'`);
    return c;
  };
  return { x: column("x"), tx: column("t_x"), T: column("T"), count: column("n") };
}
