import { rm } from "node:fs/promises";
import { DuckDBInstance } from "@duckdb/node-api";

function quoteSql(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Converts a CSV file (header, comma-separated, no quoting, timestamps "YYYY-MM-DD hh:mm:ss") to a
 * zstd-compressed Parquet file with the given DuckDB column types, so the Parquet file gets exact
 * types rather than sniffed ones, and removes the CSV. DuckDB streams it: large files need little memory.
 *
 * @example
 * await csvToParquet("out/customers.csv", "out/customers.parquet", { customer_id: "BIGINT", created_at: "TIMESTAMP" });
 */
export async function csvToParquet(
  csv: string,
  parquet: string,
  columns: Readonly<Record<string, string>>,
): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const spec = Object.entries(columns)
      .map(([column, type]) => `${quoteSql(column)}: ${quoteSql(type)}`)
      .join(", ");
    await connection.run(
      `COPY (SELECT * FROM read_csv(${quoteSql(csv)}, header = true, delim = ',', quote = '', ` +
        `timestampformat = '%Y-%m-%d %H:%M:%S', columns = {${spec}})) ` +
        `TO ${quoteSql(parquet)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    await rm(csv);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
