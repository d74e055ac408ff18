import type { DuckDBConnection } from "@duckdb/node-api";
import {
  duckdbDialect,
  getPreset,
  IngestError,
  type IngestMapping,
  type IngestRequest,
  type IngestResult,
  type Kind,
  kindTable,
  quoteIdent,
  type RowProblem,
  resolveMapping,
  sql,
} from "@vafa/core";
import type { DuckDBClient } from "../DuckDBClient.ts";
import { buildStage, type Stage } from "./buildStage.ts";
import { detectFormat } from "./detectFormat.ts";
import { openSource, type Source } from "./openSource.ts";

/** What to load and how (see `IngestRequest`). */
export type IngestOptions = IngestRequest;

/** The outcome of a load (see `IngestResult`). */
export type IngestSummary = IngestResult;

const strictProblemLimit = 20;

async function withProgress<T>(
  connection: DuckDBConnection,
  file: string,
  onProgress: IngestOptions["onProgress"],
  work: Promise<T>,
): Promise<T> {
  if (!onProgress) return work;
  const timer = setInterval(() => {
    const p = connection.progress.percentage;
    if (p >= 0) onProgress(Math.min(p, 100) / 100, file);
  }, 200);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    onProgress(1, file);
  }
}

async function changed(connection: DuckDBConnection, text: string, params: Stage["params"]["values"] = []) {
  const result = await connection.run(
    text,
    params.map((v) => (v instanceof Date ? v.toISOString() : v)),
  );
  return result.rowsChanged;
}

async function problemsOf(
  client: DuckDBClient,
  source: Source,
  stage: Stage,
  mapping: Map<string, string>,
  limit?: number,
) {
  await client.run(sql(`CREATE OR REPLACE TEMP TABLE _bad AS ${stage.bad}`, stage.params.values));
  const rows = await client.all(sql(`${stage.problems} ORDER BY _n, field${limit ? ` LIMIT ${limit}` : ""}`));
  await client.run(sql("DROP TABLE _bad"));
  return rows.map(
    (r): RowProblem => ({
      file: source.file,
      line: Number(r._n) + source.headerLines,
      field: String(r.field),
      column: mapping.get(String(r.field)) ?? "quantity × unit_price",
      value: r.value === null ? null : String(r.value),
      reason: String(r.reason),
    }),
  );
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
  // The last row wins when one file repeats an id; rows already stored are left alone. The window
  // that picks it costs more than the rest of a load, so it runs only for files that repeat ids.
  const fresh = `SELECT ${list} FROM _stage s WHERE _ok AND NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = s.id)
    ${repeatsIds ? "QUALIFY row_number() OVER (PARTITION BY s.id ORDER BY s.rowid DESC) = 1" : ""}`;
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

async function addCustomersOf(connection: DuckDBConnection, columns: readonly string[], loadId: number) {
  const country = columns.includes("country");
  await connection.run(
    `INSERT INTO customers (id, created_at${country ? ", country" : ""}, load_id)
     SELECT customer_id, min(occurred_at)${country ? ", any_value(country)" : ""}, ${loadId}
     FROM _stage WHERE _ok AND customer_id IS NOT NULL GROUP BY customer_id
     ON CONFLICT (id) DO UPDATE SET created_at = least(customers.created_at, excluded.created_at)
       ${country ? ", country = coalesce(customers.country, excluded.country)" : ""}`,
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
 * Loads files of one kind into the store, all or nothing: every file is read, converted and
 * validated inside one transaction, and any failure (a bad row in strict mode, an unreadable file,
 * the process being killed) leaves the database as it was. Loading the same rows again adds nothing:
 * rows are keyed on their id, or on a hash of their content and its occurrence number.
 *
 * @example
 * const summary = await ingestFiles(store.client, { kind: "transactions", files: ["online-retail.csv.gz"], preset: "online-retail" });
 * summary.rows_loaded; // 541909 on a fresh store
 */
export async function ingestFiles(client: DuckDBClient, options: IngestOptions): Promise<IngestSummary> {
  const { kind } = options;
  const preset = options.preset === undefined ? undefined : getPreset(options.preset);
  if (preset && preset.kind !== kind)
    throw new Error(`preset '${preset.name}' loads ${preset.kind}, not ${kind}`);
  const connection = client.connection;
  const totals = { rows_read: 0, rows_loaded: 0, rows_rejected: 0, customers: 0, rows_skipped: 0 };
  const problems: RowProblem[] = [];
  const set = options.set ?? {};
  const mappings: IngestMapping[] = [];
  await client.run(sql("BEGIN TRANSACTION"));
  try {
    for (const file of options.files) {
      const format = detectFormat(file, options.format ?? preset?.format);
      const source = await openSource(client, file, format, options.header ?? true);
      const columns = source.columns.map((c) => c.name);
      const mapping = new Map(
        resolveMapping(kind, columns, { ...preset?.map(columns), ...options.map }, file, set),
      );
      mappings.push({ file, columns: Object.fromEntries(mapping), set });
      const stage = buildStage(source, kind, mapping, preset, options.dateFormat, set);
      try {
        await withProgress(
          connection,
          file,
          options.onProgress,
          connection.run(
            `CREATE OR REPLACE TEMP TABLE _stage AS ${stage.select}`,
            stage.params.values.map(String),
          ),
        );
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
      const skipped =
        stage.unanswered === null
          ? 0
          : (await connection.run(`DELETE FROM _stage WHERE _ok AND ${stage.unanswered}`)).rowsChanged;
      const customerKey = kind === "customers" ? "id" : "customer_id";
      const [count] = await client.all(
        sql(`SELECT count(*) AS n, count(*) FILTER (WHERE NOT _ok) AS bad,
          count(DISTINCT ${customerKey}) FILTER (WHERE _ok) AS customers,
          count(*) FILTER (WHERE _ok) - count(DISTINCT id) FILTER (WHERE _ok) AS repeated FROM _stage`),
      );
      const bad = Number(count?.bad ?? 0);
      if (bad > 0) {
        const found = await problemsOf(
          client,
          source,
          stage,
          new Map([...mapping, ...Object.keys(set).map((f): [string, string] => [f, "--set"])]),
          options.skipBadRows ? undefined : strictProblemLimit,
        );
        if (!options.skipBadRows) throw new IngestError(found, bad);
        problems.push(...found);
      }
      const [next] = await client.all(sql("SELECT coalesce(max(id), 0) + 1 AS id FROM loads"));
      const loadId = Number(next?.id ?? 1);
      const repeatsIds = Number(count?.repeated ?? 0) > 0;
      const loaded = await insertRows(connection, kind, stage.columns, loadId, repeatsIds);
      if (kind === "transactions") {
        await addCustomersOf(connection, stage.columns, loadId);
        if (loaded > 0) await addCustomerDaysOf(connection, loadId);
      }
      const read = Number(count?.n ?? 0) + skipped;
      await client.run(
        sql("INSERT INTO loads VALUES ($1, $2, $3, current_timestamp, $4, $5, $6)", [
          loadId,
          kind,
          file,
          read,
          loaded,
          bad,
        ]),
      );
      totals.rows_read += read;
      totals.rows_loaded += loaded;
      totals.rows_rejected += bad;
      totals.customers += Number(count?.customers ?? 0);
      totals.rows_skipped += skipped;
      await connection.run("DROP TABLE _stage");
    }
    await client.run(sql("COMMIT"));
  } catch (error) {
    await client.run(sql("ROLLBACK"));
    throw error;
  }
  return { kind, ...totals, problems, mappings };
}
