import type { ClickHouseConfig } from "@vafa/clickhouse";
import type { Engine } from "@vafa/core";
import { openPooledDuckDBEngine, type PooledDuckDBEngine } from "@vafa/duckdb";

/** What the server opens. */
export interface ServerEngineOptions {
  /** The DuckDB file. */
  readonly db: string;
  /** Open the DuckDB file read-only (state in PostgreSQL); default false. */
  readonly readOnly?: boolean;
  /** Facts in ClickHouse; default none (the DuckDB file holds everything). */
  readonly clickhouse?: ClickHouseConfig;
}

/** The engine the routes run on, and the DuckDB file that holds the operational store. */
export interface ServerEngine {
  readonly engine: Engine;
  /** The DuckDB file, for the state store and the worklist; closed with `engine`. */
  readonly operational: PooledDuckDBEngine;
}

/**
 * Opens the server's one engine: by default the DuckDB file (a pool of connections, so requests run
 * in parallel) holding facts and operational store; with `clickhouse`, ClickHouse for the facts
 * and the same file beside it as the operational store. Nothing is ever read from the file in place
 * of ClickHouse: what ClickHouse cannot run is refused (its `features`).
 *
 * @example
 * const { engine } = await openServerEngine({ db: "./vafa.duckdb", clickhouse: { url: "http://127.0.0.1:8123" } });
 */
export async function openServerEngine(options: ServerEngineOptions): Promise<ServerEngine> {
  const operational = await openPooledDuckDBEngine(options.db, { readOnly: options.readOnly ?? false });
  if (options.clickhouse === undefined) return { engine: operational, operational };
  try {
    const { openClickHouseEngine } = await import("@vafa/clickhouse");
    const engine = await openClickHouseEngine(options.clickhouse, {
      client: operational.state,
      session: (work) => operational.session((s) => work(s.state)),
      close: () => operational.close(),
    });
    return { engine, operational };
  } catch (error) {
    await operational.close();
    throw error;
  }
}
