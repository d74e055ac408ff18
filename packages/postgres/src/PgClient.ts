import type { Row, SqlClient, SqlQuery } from "@vafa/core";
import type pg from "pg";

/**
 * The `SqlClient` over a `pg` pool: `$n` parameters as PostgreSQL binds them, rows as the driver
 * parses them (see `postgresStateStore` for BIGINT as numbers).
 *
 * @example
 * const client = new PgClient(new pg.Pool({ connectionString: "postgres://postgres@127.0.0.1/vafa" }));
 * await client.all(sql("SELECT count(*) AS n FROM users"));
 */
export class PgClient implements SqlClient {
  constructor(readonly pool: pg.Pool) {}

  async all(query: SqlQuery): Promise<Row[]> {
    const result = await this.pool.query(query.sql, [...query.params]);
    return result.rows as Row[];
  }

  async run(query: SqlQuery): Promise<void> {
    await this.pool.query(query.sql, [...query.params]);
  }
}
