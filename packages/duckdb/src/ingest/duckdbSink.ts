import type { DuckDBConnection } from "@duckdb/node-api";
import { duckdbDialect, type Kind, kindTable, quoteIdent, sql } from "@vafa/core";
import type { DuckDBClient } from "../DuckDBClient.ts";
import { freshRowsSql } from "./freshRowsSql.ts";
import type { IngestSink, StagedFile } from "./IngestSink.ts";

async function changed(connection: DuckDBConnection, text: string): Promise<number> {
  return (await connection.run(text)).rowsChanged;
}

async function insertRows(
  connection: DuckDBConnection,
  kind: Kind,
  columns: readonly string[],
  loadId: number,
  repeatsIds: boolean,
) {
  const table = kindTable[kind];
  const list = columns.map(quoteIdent).join(", ");
  const fresh = freshRowsSql(columns, table, repeatsIds);
  if (kind !== "customers") {
    return changed(connection, `INSERT INTO ${table} (${list}, load_id) SELECT *, ${loadId} FROM (${fresh})`);
  }
  const attributes = columns.filter((c) => c !== "id");
  let updated = 0;
  if (attributes.length > 0) {
    const differs = attributes.map(
      (c) => `(s.${quoteIdent(c)} IS NOT NULL AND s.${quoteIdent(c)} IS DISTINCT FROM c.${quoteIdent(c)})`,
    );
    updated = await changed(
      connection,
      `UPDATE customers c SET ${attributes.map((a) => `${quoteIdent(a)} = coalesce(s.${quoteIdent(a)}, c.${quoteIdent(a)})`).join(", ")}, load_id = ${loadId}
       FROM (SELECT * FROM _stage WHERE _ok QUALIFY row_number() OVER (PARTITION BY id ORDER BY rowid DESC) = 1) s
       WHERE c.id = s.id AND (${differs.join(" OR ")})`,
    );
  }
  const inserted = await changed(
    connection,
    `INSERT INTO customers (${list}, load_id) SELECT *, ${loadId} FROM (${fresh})`,
  );
  return inserted + updated;
}

/**
 * Adds the customers a transactions file names. A customer's country is the one of its first line
 * (by time, then id), so it does not depend on the order in which an engine reads the file.
 */
async function addCustomersOf(connection: DuckDBConnection, columns: readonly string[], loadId: number) {
  const country = columns.includes("country");
  await connection.run(
    `INSERT INTO customers (id, created_at${country ? ", country" : ""}, load_id)
     SELECT customer_id, min(occurred_at)${country ? ", arg_min(country, (occurred_at, id))" : ""}, ${loadId}
     FROM _stage WHERE _ok AND customer_id IS NOT NULL GROUP BY customer_id
     ON CONFLICT (id) DO UPDATE SET created_at = least(customers.created_at, excluded.created_at)
       ${country ? ", country = coalesce(customers.country, excluded.country)" : ""}`,
  );
}

/**
 * Stores a customers file's typed attributes (the temp table `_attributes`): a customer's value of
 * an attribute replaces the stored one; an empty cell leaves the stored value as it was.
 */
async function addAttributesOf(connection: DuckDBConnection, loadId: number) {
  await connection.run(
    `INSERT INTO customer_attributes SELECT customer_id, name, type, value, number, ${loadId} FROM _attributes
     ON CONFLICT (customer_id, name) DO UPDATE SET type = excluded.type, value = excluded.value,
       number = excluded.number, load_id = excluded.load_id
     WHERE customer_attributes.value IS DISTINCT FROM excluded.value OR customer_attributes.type IS DISTINCT FROM excluded.type`,
  );
}

/**
 * Adds the transactions of one load to the purchase-day table (see `Dialect.customerDays`): days a
 * customer already has are merged in place, new days are appended. Reads the load's rows back from
 * `transactions`, so lines skipped as already stored are not counted twice.
 */
async function addCustomerDaysOf(connection: DuckDBConnection, loadId: number) {
  const day = duckdbDialect.epochDay("occurred_at", null);
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE _days AS
     SELECT customer_id, ${day} AS day, sum(amount) AS spend, max(amount) AS top
     FROM transactions WHERE load_id = ${loadId} AND customer_id IS NOT NULL GROUP BY ALL`,
  );
  await connection.run(
    `UPDATE customer_days SET spend = customer_days.spend + n.spend, top = greatest(customer_days.top, n.top)
     FROM _days n WHERE customer_days.customer_id = n.customer_id AND customer_days.day = n.day`,
  );
  await connection.run(
    `INSERT INTO customer_days SELECT * FROM _days n
     WHERE NOT EXISTS (SELECT 1 FROM customer_days d WHERE d.customer_id = n.customer_id AND d.day = n.day)`,
  );
  await connection.run("DROP TABLE _days");
}

/**
 * The sink of the embedded engine: new rows go into the same DuckDB file inside the load's
 * transaction (so a failure rolls everything back), with the customers a transactions file names,
 * the purchase-day table and the `loads` record.
 */
export const duckdbSink: IngestSink = {
  async write(client: DuckDBClient, staged: StagedFile): Promise<number> {
    const connection = client.connection;
    const [next] = await client.all(sql("SELECT coalesce(max(id), 0) + 1 AS id FROM loads"));
    const loadId = Number(next?.id ?? 1);
    const loaded = await insertRows(connection, staged.kind, staged.columns, loadId, staged.repeatsIds);
    if (staged.kind === "customers" && (staged.attributes ?? []).length > 0)
      await addAttributesOf(connection, loadId);
    if (staged.kind === "transactions") {
      await addCustomersOf(connection, staged.columns, loadId);
      if (loaded > 0) await addCustomerDaysOf(connection, loadId);
    }
    await client.run(
      sql("INSERT INTO loads VALUES ($1, $2, $3, current_timestamp, $4, $5, $6)", [
        loadId,
        staged.kind,
        staged.file,
        staged.rowsRead,
        loaded,
        staged.rowsRejected,
      ]),
    );
    return loaded;
  },
  async undo(): Promise<void> {},
};
