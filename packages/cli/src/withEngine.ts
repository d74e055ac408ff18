import { AppError, type Engine, type Feature, featureLabel, requireFeature } from "@vafa/core";
import type { DuckDBClient } from "@vafa/duckdb";
import type { VafaConfig } from "./config.ts";

/** How a command uses the engine. */
export interface EngineUse {
  /** The use case, refused up front where the engine lacks it. */
  readonly feature: Feature;
  /** May create the DuckDB file (loads, the demo); default false: a read never creates a store. */
  readonly create?: boolean;
  /** Needs loaded facts; default true: an empty store is an error that points to `vafa ingest`. */
  readonly needsData?: boolean;
}

/** The engine as the commands see it: the embedded one exposes its DuckDB connection. */
export type CliEngine = Engine & { readonly client?: DuckDBClient };

/** The use cases that have not been written for every engine yet read the DuckDB connection itself. */
export interface EmbeddedStore {
  readonly client: DuckDBClient;
  readonly engine: CliEngine;
}

async function open(config: VafaConfig, use: EngineUse): Promise<CliEngine> {
  if (config.engine === "clickhouse") {
    // Refuse before connecting, so the answer does not depend on the server being up.
    const { clickhouseFeatures } = await import("@vafa/clickhouse");
    requireFeature({ name: "clickhouse", features: clickhouseFeatures }, use.feature);
    const c = config.clickhouse;
    if (c === null)
      throw new AppError(
        "bad_input",
        'no ClickHouse connection: set "clickhouse": { "url": … } in vafa.config.json or VAFA_CLICKHOUSE_URL',
      );
    const [ch, duckdb] = await Promise.all([import("@vafa/clickhouse"), import("@vafa/duckdb")]);
    let state: Awaited<ReturnType<typeof duckdb.openStore>> | null = null;
    const store = async () => {
      state ??= await duckdb.openStore(config.db);
      return state.client;
    };
    // The operational store opens on first use, so a read on ClickHouse never creates the DuckDB file.
    return ch.openClickHouseEngine(
      {
        url: c.url,
        database: c.database,
        cluster: c.cluster,
        ...(c.nodes === null ? {} : { nodes: c.nodes }),
      },
      {
        client: { all: async (q) => (await store()).all(q), run: async (q) => (await store()).run(q) },
        close: () => state?.close(),
      },
    );
  }
  const { openDuckDBEngine } = await import("@vafa/duckdb");
  return openDuckDBEngine(config.db, { create: use.create === true });
}

/**
 * Opens the configured engine for one command, refuses a use case it cannot run (before
 * connecting), refuses an empty store for a use case that reads facts, runs `work`, and always
 * closes the engine.
 *
 * @throws AppError `not_supported`, `not_found` (no store, or no data yet) or whatever `work` throws.
 * @example
 * const rows = await withEngine(config, { feature: "retention" }, (e) => runRetention(e.facts, e.dialect, options));
 */
export async function withEngine<T>(
  config: VafaConfig,
  use: EngineUse,
  work: (engine: CliEngine) => Promise<T>,
): Promise<T> {
  const engine = await open(config, use);
  try {
    requireFeature(engine, use.feature);
    if (use.needsData !== false) {
      const counts = await engine.factCounts();
      if (counts.transactions === 0 && counts.customers === 0)
        throw new AppError(
          "not_found",
          `${engine.location} holds no data yet: load it with "vafa ingest transactions FILE"${engine.name === "duckdb" ? "" : ` --engine ${engine.name}`}`,
        );
    }
    return await work(engine);
  } finally {
    await engine.close();
  }
}

/**
 * Like `withEngine`, for use cases that still read the DuckDB connection directly: they run on the
 * embedded engine and are refused elsewhere (their feature is not in the other engines' lists).
 *
 * @example
 * const rules = await withEmbedded(config, { feature: "causes-drivers" }, (store) => defectionDrivers(store.client, {}));
 */
export function withEmbedded<T>(
  config: VafaConfig,
  use: EngineUse,
  work: (store: EmbeddedStore) => Promise<T>,
): Promise<T> {
  return withEngine(config, use, (engine) => {
    if (engine.client === undefined)
      throw new AppError("not_supported", `${featureLabel(use.feature)} is not available on ClickHouse yet`);
    return work({ client: engine.client, engine });
  });
}
