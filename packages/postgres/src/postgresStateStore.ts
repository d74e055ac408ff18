import { type Migration, migrations, type StateStore, sqlStateStore } from "@vafa/core";
import pg from "pg";
import { PgClient } from "./PgClient.ts";

/**
 * The state tables' migrations for PostgreSQL: the `users` statement of migration 1 and all of
 * migration 5, taken verbatim from the canonical list so both engines share one DDL.
 */
export function postgresStateMigrations(): Migration[] {
  const first = migrations.find((m) => m.version === 1);
  const users = first?.statements.find((s) => /CREATE TABLE users\b/.test(s));
  const state = migrations.find((m) => m.version === 5);
  if (users === undefined || state === undefined)
    throw new Error("the canonical schema lacks the state tables");
  return [
    { version: 1, name: "users", statements: [users] },
    { version: 5, name: state.name, statements: state.statements },
  ];
}

// int8 (BIGINT) and count(*) arrive as text by default; every value we store fits a double exactly.
const int8 = 20;

/**
 * Opens the state store on PostgreSQL (`postgres://user@host:port/db`), creating the state tables
 * on first use. Several API processes may share it: sessions, users and settings are then the same
 * for all of them. An advisory lock makes concurrent first starts run the migrations once.
 *
 * @example
 * const state = await postgresStateStore("postgres://postgres@127.0.0.1:5432/vafa");
 */
export async function postgresStateStore(url: string): Promise<StateStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: { getTypeParser: typeParser } });
  // An idle connection dropped by the server (a restart, a failover) is replaced on next use; without
  // a listener its error would end the whole process.
  pool.on("error", (error) => console.warn(`PostgreSQL state: idle connection lost: ${error.message}`));
  const client = new PgClient(pool);
  const conn = await pool.connect();
  try {
    await conn.query("SELECT pg_advisory_lock(7465666)");
    await conn.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)",
    );
    const applied = new Set(
      (await conn.query("SELECT version FROM schema_migrations")).rows.map((r) => Number(r.version)),
    );
    for (const m of postgresStateMigrations()) {
      if (applied.has(m.version)) continue;
      await conn.query("BEGIN");
      try {
        for (const s of m.statements) await conn.query(s);
        await conn.query("INSERT INTO schema_migrations VALUES ($1, $2, now())", [m.version, m.name]);
        await conn.query("COMMIT");
      } catch (error) {
        await conn.query("ROLLBACK");
        throw new Error(`state migration ${m.version} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await conn.query("SELECT pg_advisory_unlock(7465666)");
    conn.release();
  }
  return sqlStateStore(client, () => pool.end());
}

function typeParser(oid: number, format?: string) {
  if (oid === int8) return (value: string) => Number(value);
  return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
}
