import { existsSync } from "node:fs";
import {
  AppError,
  countFacts,
  duckdbDialect,
  type Engine,
  type Feature,
  features,
  type IngestRequest,
  type IngestResult,
  sessionQueue,
} from "@vafa/core";
import type { DuckDBClient } from "./DuckDBClient.ts";
import { duckdbCustomerFrame } from "./duckdbCustomerFrame.ts";
import { ingestFiles } from "./ingest/ingestFiles.ts";
import { openStore } from "./openStore.ts";
import { readFloatColumns } from "./readColumns.ts";

/** How to open the DuckDB engine. */
export interface DuckDBEngineOptions {
  /**
   * Create the file when it does not exist (loads, the demo, the server); default false, so a read
   * command given a mistyped `--db` says so instead of answering from a new empty file.
   */
  readonly create?: boolean;
}

/** The DuckDB engine: one file holds the facts and the operational state. */
export interface DuckDBEngine extends Engine {
  readonly name: "duckdb";
  /** The connection, for the use cases that read columns straight from DuckDB. */
  readonly client: DuckDBClient;
  /** Runs `work` alone on the connection (see `Engine.session`). */
  session<R>(work: (session: DuckDBEngine) => Promise<R>): Promise<R>;
}

/**
 * Opens the embedded engine on a DuckDB file (migrating its schema) and returns it as the `Engine`
 * every use case takes. DuckDB runs every feature.
 *
 * @throws AppError `not_found` when the file does not exist and `create` is not set; nothing is created.
 * @example
 * const engine = await openDuckDBEngine("./vafa.duckdb");
 * await engine.ingest({ kind: "transactions", files: ["sales.csv"] });
 * await engine.close();
 */
export async function openDuckDBEngine(
  path: string,
  options: DuckDBEngineOptions = {},
): Promise<DuckDBEngine> {
  if (path !== ":memory:" && options.create !== true && !existsSync(path))
    throw new AppError(
      "not_found",
      `there is no Vafa store at ${path} (nothing was created): load data first with "vafa ingest transactions FILE", or give the right --db`,
    );
  const store = await openStore(path);
  const client = store.client;
  const queue = sessionQueue();
  const engine: DuckDBEngine = {
    name: "duckdb",
    location: path,
    client,
    facts: client,
    dialect: duckdbDialect,
    state: client,
    features: new Set(Object.keys(features) as Feature[]),
    ingest: (request: IngestRequest): Promise<IngestResult> => ingestFiles(client, request),
    factCounts: () => countFacts(client),
    floatColumns: (query) => readFloatColumns(client, query),
    customerFrame: (query) => duckdbCustomerFrame(client, query),
    session: (work) => queue(() => work(inSession)),
    close: async () => store.close(),
  };
  // Inside a session, a nested session simply joins it.
  const inSession: DuckDBEngine = { ...engine, session: (work) => work(inSession) };
  return engine;
}
