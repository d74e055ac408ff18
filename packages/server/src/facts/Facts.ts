import { DuckDBInstance } from "@duckdb/node-api";
import type { Row, SqlClient, SqlQuery } from "@vafa/core";
import { sql } from "@vafa/core";
import { DuckDBClient, openStore } from "@vafa/duckdb";
import { ConnectionPool } from "./ConnectionPool.ts";

/**
 * The facts database (the DuckDB file) as the server uses it: a pool of connections for reads and
 * short writes, and fresh dedicated connections for long loads, so a load's transaction never
 * captures another request's statements.
 */
export interface Facts {
  readonly path: string;
  readonly readOnly: boolean;
  /** A `SqlClient` that borrows a pooled connection per statement. */
  readonly client: SqlClient;
  /** Runs `work` on one pooled connection (for temp-table reports and multi-statement work). */
  use<R>(work: (client: DuckDBClient) => Promise<R>): Promise<R>;
  /** A fresh connection for a long job; the caller closes it. */
  connect(): Promise<DuckDBClient & { close(): void }>;
  /** Whether a table exists (tables of migrations written by other parts may be missing). */
  hasTable(name: string): boolean;
  close(): void;
}

/** How to open the facts file. */
export interface FactsOptions {
  /** Open without the write lock, so several processes may share the file; default false. */
  readonly readOnly?: boolean;
  /** Pooled connections; default 4. */
  readonly connections?: number;
}

/**
 * Opens the facts file: first through `openStore` (which brings the schema up to date, unless
 * read-only), then as a long-lived instance the server owns.
 *
 * @example
 * const facts = await openFacts("./vafa.duckdb");
 * await facts.client.all(sql("SELECT count(*) AS n FROM customers"));
 */
export async function openFacts(path: string, options: FactsOptions = {}): Promise<Facts> {
  const readOnly = options.readOnly ?? false;
  if (path === ":memory:") throw new Error("the server needs a DuckDB file, not :memory: (use a temp file)");
  if (!readOnly) (await openStore(path)).close();
  const instance = await DuckDBInstance.create(path, readOnly ? { access_mode: "READ_ONLY" } : {});
  const connect = async () => {
    const connection = await instance.connect();
    const client = new DuckDBClient(connection);
    await client.run(sql("SET TimeZone = 'UTC'"));
    return Object.assign(client, { close: () => connection.closeSync() });
  };
  const clients = await Promise.all(Array.from({ length: options.connections ?? 4 }, connect));
  const pool = new ConnectionPool(clients);
  const tables = new Set(
    (
      await pool.use((c) =>
        c.all(sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")),
      )
    ).map((r) => String(r.table_name)),
  );
  const client: SqlClient = {
    all: (q: SqlQuery): Promise<Row[]> => pool.use((c) => c.all(q)),
    run: (q: SqlQuery): Promise<void> => pool.use((c) => c.run(q)),
  };
  return {
    path,
    readOnly,
    client,
    use: (work) => pool.use(work),
    connect,
    hasTable: (name) => tables.has(name),
    close() {
      for (const c of clients) c.close();
      instance.closeSync();
    },
  };
}
