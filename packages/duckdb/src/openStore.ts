import { DuckDBInstance } from "@duckdb/node-api";
import { migrations, sql } from "@vafa/core";
import { DuckDBClient } from "./DuckDBClient.ts";

/** An open embedded store: one DuckDB file holding every table of the canonical schema. */
export interface Store {
  readonly path: string;
  readonly client: DuckDBClient;
  /** The schema version after migrations ran. */
  readonly schemaVersion: number;
  close(): void;
}

/**
 * Opens (creating if needed) the DuckDB file at `path` and brings its schema up to date, running
 * each pending migration in its own transaction. `":memory:"` gives a throw-away store for tests.
 *
 * @example
 * const store = await openStore("./vafa.duckdb");
 * console.log(store.schemaVersion);
 * store.close();
 */
export async function openStore(path: string): Promise<Store> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  const client = new DuckDBClient(connection);
  // Timestamps are stored as UTC; text with an offset is converted on the way in.
  await client.run(sql("SET TimeZone = 'UTC'"));
  await client.run(
    sql(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)`),
  );
  const applied = new Set(
    (await client.all(sql("SELECT version FROM schema_migrations"))).map((r) => Number(r.version)),
  );
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await client.run(sql("BEGIN TRANSACTION"));
    try {
      for (const statement of m.statements) await client.run(sql(statement));
      await client.run(
        sql("INSERT INTO schema_migrations VALUES ($1, $2, current_timestamp)", [m.version, m.name]),
      );
      await client.run(sql("COMMIT"));
    } catch (error) {
      await client.run(sql("ROLLBACK"));
      throw new Error(`migration ${m.version} (${m.name}) failed on ${path}: ${(error as Error).message}`);
    }
  }
  const latest = migrations.at(-1)?.version ?? 0;
  return {
    path,
    client,
    schemaVersion: latest,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
