import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ClickHouseSettings } from "@clickhouse/client";
import { type SqlClient, sql } from "@vafa/core";
import type { ClickHouseEngine } from "./connectClickHouse.ts";
import { type FactTable, factColumns } from "./schema.ts";

/** How many rows each fact table received. */
export type LoadSummary = Record<FactTable, number>;

const INSERT_SETTINGS: ClickHouseSettings = {
  // Wait until a Distributed insert reached every shard, so queries right after see all rows.
  insert_distributed_sync: 1,
};

/**
 * Streams a CSV file (no header, `\N` for NULL, timestamps "YYYY-MM-DD hh:mm:ss" UTC, the columns of
 * `factColumns(table)` in order, or `columns`) into a fact table over HTTP. Through the Distributed table on a
 * cluster, rows go to their customer's shard.
 *
 * @example
 * await loadCsv(engine, "transactions", "/tmp/transactions.csv");
 */
export async function loadCsv(
  engine: ClickHouseEngine,
  table: FactTable,
  file: string,
  columns?: readonly string[],
): Promise<void> {
  const [first, ...rest] = columns ?? [];
  await engine.client.http.insert({
    table: `${engine.database}.${table}`,
    values: createReadStream(file),
    format: "CSV",
    ...(first === undefined ? {} : { columns: [first, ...rest] }),
    clickhouse_settings: INSERT_SETTINGS,
  });
}

/**
 * Copies the fact tables (transactions, customers, activity) of a DuckDB store into ClickHouse:
 * DuckDB writes each as CSV (its COPY streams, so 20M rows need no memory), which is streamed into
 * ClickHouse. Target tables are emptied first, so a copy can be re-run. `duckdb` must be a DuckDB
 * client (`store.client` of `@vafa/duckdb`): the export uses DuckDB's COPY.
 *
 * @example
 * const store = await openStore("vafa.duckdb");
 * await copyFromDuckDB(store.client, engine); // { transactions: 541909, customers: 0, activity: 0 }
 */
export async function copyFromDuckDB(duckdb: SqlClient, engine: ClickHouseEngine): Promise<LoadSummary> {
  const dir = mkdtempSync(join(tmpdir(), "vafa-copy-"));
  const summary: LoadSummary = { transactions: 0, customers: 0, activity: 0 };
  try {
    for (const table of Object.keys(summary) as FactTable[]) {
      const columns = factColumns(table).map((c) =>
        c === "occurred_at" || c === "created_at" ? `strftime(${c}, '%Y-%m-%d %H:%M:%S') AS ${c}` : c,
      );
      const file = join(dir, `${table}.csv`);
      // The file name is generated here (a temp folder), never user input.
      await duckdb.run(
        sql(
          `COPY (SELECT ${columns.join(", ")} FROM ${table}) TO '${file}' (FORMAT CSV, HEADER false, NULLSTR '\\N')`,
        ),
      );
      const localTable = engine.cluster === null ? table : `${table}_local`;
      await engine.runOnEveryNode(`TRUNCATE TABLE IF EXISTS ${engine.database}.${localTable}`);
      await loadCsv(engine, table, file);
      const [row] = await duckdb.all(sql(`SELECT count(*) AS n FROM ${table}`));
      summary[table] = Number(row?.n ?? 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return summary;
}
