import { existsSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import {
  AppError,
  countFacts,
  duckdbDialect,
  type Engine,
  type Feature,
  features,
  type IngestRequest,
  type IngestResult,
  type Row,
  type SqlClient,
  type SqlQuery,
  sql,
} from "@vafa/core";
import { ConnectionPool } from "./ConnectionPool.ts";
import { DuckDBClient } from "./DuckDBClient.ts";
import { duckdbCustomerFrame } from "./duckdbCustomerFrame.ts";
import { ingestFiles } from "./ingest/ingestFiles.ts";
import type { DuckDBEngine } from "./openDuckDBEngine.ts";
import { openStore } from "./openStore.ts";
import { readFloatColumns } from "./readColumns.ts";

/** How to open the pooled DuckDB engine. */
export interface PooledDuckDBOptions {
  /** Open without the write lock, so several processes may share the file; default false. */
  readonly readOnly?: boolean;
  /** Pooled connections, i.e. sessions running at once; default 4. */
  readonly connections?: number;
  /** Create the file when it does not exist; default true (a server may start before the first load). */
  readonly create?: boolean;
}

/** The DuckDB engine for a server: a pool of connections to one file, shared by concurrent requests. */
export interface PooledDuckDBEngine extends Engine {
  readonly name: "duckdb";
  /** The file is open read-only: loads and other writes are refused. */
  readonly readOnly: boolean;
  /** Runs `work` on one pooled connection, alone (see `Engine.session`); it waits for a free one. */
  session<R>(work: (session: DuckDBEngine) => Promise<R>): Promise<R>;
}

const readOnlyError = () =>
  new AppError("conflict", "the DuckDB file is open read-only in this mode (state in PostgreSQL)");

/**
 * Opens the embedded engine for a server: the file's schema is brought up to date (unless
 * read-only), then a pool of `connections` connections serves the requests. `facts` and `state`
 * borrow a connection per statement; `session` lends one connection for a whole use case (temporary
 * tables are per connection); a load runs on a fresh connection of its own, so its transaction never
 * captures another request's statements and it holds no pooled connection.
 *
 * @throws AppError `not_found` when the file does not exist and `create` is false or the file is read-only.
 * @example
 * const engine = await openPooledDuckDBEngine("./vafa.duckdb");
 * const rows = await engine.session((s) => runRetention(s.facts, s.dialect, { period: { unit: "month" } }));
 * await engine.close();
 */
export async function openPooledDuckDBEngine(
  path: string,
  options: PooledDuckDBOptions = {},
): Promise<PooledDuckDBEngine> {
  const readOnly = options.readOnly ?? false;
  if (path === ":memory:")
    throw new AppError("bad_input", "a shared engine needs a DuckDB file, not :memory: (use a temp file)");
  if ((readOnly || options.create === false) && !existsSync(path))
    throw new AppError(
      "not_found",
      `there is no Vafa store at ${path} (nothing was created): load data first with "vafa ingest transactions FILE", or give the right --db`,
    );
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
  const pooled: SqlClient = {
    all: (q: SqlQuery): Promise<Row[]> => pool.use((c) => c.all(q)),
    run: (q: SqlQuery): Promise<void> => pool.use((c) => c.run(q)),
  };
  const allFeatures: ReadonlySet<Feature> = new Set(Object.keys(features) as Feature[]);
  const ingest = async (request: IngestRequest): Promise<IngestResult> => {
    if (readOnly) throw readOnlyError();
    const client = await connect();
    try {
      return await ingestFiles(client, request);
    } finally {
      client.close();
    }
  };
  /** One pooled connection seen as an engine, for the length of a session. */
  const sessionOn = (client: DuckDBClient): DuckDBEngine => {
    const view: DuckDBEngine = {
      name: "duckdb",
      location: path,
      client,
      facts: client,
      dialect: duckdbDialect,
      state: client,
      features: allFeatures,
      ingest,
      factCounts: () => countFacts(client),
      floatColumns: (query) => readFloatColumns(client, query),
      customerFrame: (query) => duckdbCustomerFrame(client, query),
      session: (work) => work(view),
      close: async () => {},
    };
    return view;
  };
  return {
    name: "duckdb",
    location: path,
    readOnly,
    facts: pooled,
    dialect: duckdbDialect,
    state: pooled,
    features: allFeatures,
    ingest,
    factCounts: () => countFacts(pooled),
    floatColumns: (query) => pool.use((client) => readFloatColumns(client, query)),
    // A frame's temporary tables live on one connection: outside a session, one is held until released.
    customerFrame: async (query) => {
      const client = await connect();
      const frame = await duckdbCustomerFrame(client, query).catch((error: unknown) => {
        client.close();
        throw error;
      });
      return {
        ...frame,
        release: async () => {
          await frame.release();
          client.close();
        },
      };
    },
    session: (work) => pool.use((client) => work(sessionOn(client))),
    async close() {
      for (const c of clients) c.close();
      instance.closeSync();
    },
  };
}
