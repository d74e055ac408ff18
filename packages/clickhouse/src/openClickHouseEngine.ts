import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  countFacts,
  type Engine,
  type Feature,
  type IngestRequest,
  type IngestResult,
  type SqlClient,
  sessionQueue,
} from "@vafa/core";
import { ingestFiles, openStore } from "@vafa/duckdb";
import { clickhouseCustomerFrame } from "./clickhouseCustomerFrame.ts";
import { clickhouseSink } from "./clickhouseSink.ts";
import { type ClickHouseConfig, type ClickHouseEngine, connectClickHouse } from "./connectClickHouse.ts";
import { parseTabSeparated } from "./tabSeparated.ts";

/**
 * What runs on ClickHouse today. The contract suite proves each equal to DuckDB on the same data;
 * everything else is refused (`requireFeature`), never answered from the DuckDB file.
 */
export const clickhouseFeatures: ReadonlySet<Feature> = new Set<Feature>([
  "ingest",
  "retention",
  "cohorts",
  "lifecycle",
  "repurchase-cycle",
  "profitability",
  "baskets",
  "clv-fit",
  "clv-score",
  "clv-check",
  "overview",
  "customers",
  "defection-run",
  "defection-rate",
  "defection-backtest",
  "worklist",
  "webhooks",
  "segments-rfm",
  "segments-saved",
  "segments-clusters",
  "causes-drivers",
  "causes-profiles",
]);

/** The operational store beside ClickHouse: a DuckDB file's client and how to close it. */
export interface OperationalStore {
  readonly client: SqlClient;
  /**
   * Runs `work` on one connection of the store, alone (a pooled store lends one, so a transaction's
   * statements stay together); default: `client` itself, for a store with one connection.
   */
  session?<R>(work: (client: SqlClient) => Promise<R>): Promise<R>;
  close(): Promise<void> | void;
}

/** The ClickHouse engine: facts in ClickHouse, the operational store beside it. */
export interface ClickHouseAnalyticEngine extends Engine {
  readonly name: "clickhouse";
  /** The connection, for adapter-level work (copying facts, DDL on every node). */
  readonly connection: ClickHouseEngine;
}

/**
 * Loads files into ClickHouse: each file is read and validated in a scratch DuckDB file in the
 * system's temp folder (removed afterwards), then only new rows are streamed across (see
 * `clickhouseSink`).
 */
async function ingestInto(connection: ClickHouseEngine, request: IngestRequest): Promise<IngestResult> {
  const dir = mkdtempSync(join(tmpdir(), "vafa-ch-ingest-"));
  const scratch = await openStore(join(dir, "scratch.duckdb"));
  try {
    return await ingestFiles(scratch.client, request, clickhouseSink(connection));
  } finally {
    scratch.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Connects the ClickHouse engine (creating the database and fact tables when missing) with its
 * operational store.
 *
 * @example
 * const engine = await openClickHouseEngine({ url: "http://127.0.0.1:8123" }, state);
 * await engine.ingest({ kind: "transactions", files: ["online-retail.csv.gz"], preset: "online-retail" });
 */
export async function openClickHouseEngine(
  config: ClickHouseConfig,
  state: OperationalStore,
): Promise<ClickHouseAnalyticEngine> {
  const connection = await connectClickHouse(config);
  // One connection (one ClickHouse session): sessions run one after the other.
  const queue = sessionQueue();
  const engine: ClickHouseAnalyticEngine = {
    name: "clickhouse",
    location: `${config.url} (database ${connection.database})`,
    connection,
    facts: connection.client,
    dialect: connection.dialect,
    state: state.client,
    features: clickhouseFeatures,
    ingest: (request) => ingestInto(connection, request),
    factCounts: () => countFacts(connection.client),
    floatColumns: async (query) => parseTabSeparated(await connection.client.tabSeparated(query)).numbers,
    customerFrame: (query) => clickhouseCustomerFrame(connection, query),
    session: (work) =>
      queue(() => (state.session === undefined ? work(inSession) : state.session((c) => work(sessionOn(c))))),
    async close() {
      await connection.close();
      await state.close();
    },
  };
  // Inside a session, a nested session joins it; the operational store is the connection it lent.
  const sessionOn = (stateClient: SqlClient): ClickHouseAnalyticEngine => {
    const view: ClickHouseAnalyticEngine = { ...engine, state: stateClient, session: (work) => work(view) };
    return view;
  };
  const inSession = sessionOn(state.client);
  return engine;
}
