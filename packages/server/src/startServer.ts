import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { ClickHouseConfig } from "@vafa/clickhouse";
import { AppError, type SqlClient, sqlStateStore } from "@vafa/core";
import type { AppContext } from "./AppContext.ts";
import { LoginLimiter } from "./auth/LoginLimiter.ts";
import { warmDummyHash } from "./auth/passwords.ts";
import { createApp } from "./createApp.ts";
import { openServerEngine } from "./engine/openServerEngine.ts";
import { ReportCache } from "./facts/ReportCache.ts";
import { JobRunner } from "./jobs/JobRunner.ts";
import { ModelWork } from "./jobs/ModelWork.ts";
import { type ServerConfig, serverConfig } from "./ServerConfig.ts";
import { cachedStateStore } from "./state/cachedStateStore.ts";
import type { StateStore } from "./state/StateStore.ts";
import { defectionWorklist } from "./worklist/defectionWorklist.ts";

/** Where to listen and what to open. */
export interface StartOptions {
  /** The DuckDB file: the facts and the operational store, or only the latter with `clickhouse`. */
  readonly db: string;
  /**
   * Serve the facts from ClickHouse (`vafa serve --engine clickhouse`); the DuckDB file then holds
   * only the operational store (worklist, campaigns, …, and users and sessions unless `state` is
   * PostgreSQL). Default none: the DuckDB file holds everything.
   */
  readonly clickhouse?: ClickHouseConfig;
  /**
   * Where users, sessions and settings live: "duckdb" (default: the DuckDB file) or a `postgres://`
   * URL. With PostgreSQL the DuckDB file is opened read-only, so several API processes can share it
   * (loads into it then go through `vafa ingest` while no server holds the file).
   */
  readonly state?: string;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  readonly config?: Partial<ServerConfig>;
}

/** A listening server. */
export interface RunningServer {
  /** e.g. "http://127.0.0.1:51234". */
  readonly url: string;
  readonly port: number;
  readonly context: AppContext;
  close(): Promise<void>;
}

/** The state store `spec` names, over the DuckDB file's operational store when it is "duckdb". */
export async function openState(spec: string, duckdb: SqlClient): Promise<StateStore> {
  // The server is the DuckDB file's only writer, so its hot reads can be cached exactly.
  if (spec === "duckdb") return cachedStateStore(sqlStateStore(duckdb));
  if (/^postgres(ql)?:\/\//.test(spec)) return (await import("@vafa/postgres")).postgresStateStore(spec);
  throw new AppError("bad_input", `--state must be "duckdb" or a postgres:// URL, not "${spec}"`);
}

/**
 * Opens the engine (the DuckDB file, or ClickHouse with the file beside it) and the state store
 * and starts the HTTP server.
 *
 * @example
 * const server = await startServer({ db: "./vafa.duckdb", port: 8080 });
 * console.log(`Vafa serving ${server.url}`);
 * await server.close();
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const stateSpec = options.state ?? "duckdb";
  if (stateSpec !== "duckdb" && !/^postgres(ql)?:\/\//.test(stateSpec))
    throw new AppError("bad_input", `--state must be "duckdb" or a postgres:// URL, not "${stateSpec}"`);
  // With state in PostgreSQL the DuckDB file is shared read-only (loads go through `vafa ingest`).
  const fileReadOnly = stateSpec !== "duckdb";
  const { engine, operational } = await openServerEngine({
    db: options.db,
    readOnly: fileReadOnly,
    ...(options.clickhouse !== undefined ? { clickhouse: options.clickhouse } : {}),
  });
  const state = await openState(stateSpec, operational.state).catch(async (error: unknown) => {
    await engine.close();
    throw error;
  });
  const config = serverConfig(options.config);
  const cache = new ReportCache();
  const context: AppContext = {
    config,
    state,
    engine,
    readOnly: fileReadOnly && options.clickhouse === undefined,
    cache,
    jobs: new JobRunner(state, () => cache.clear()),
    models: new ModelWork(config.maxConcurrentFits),
    worklist: defectionWorklist(engine),
    limiter: new LoginLimiter(state, {
      perPair: config.loginMaxFailures,
      perAddress: config.loginMaxPerAddress,
      perAccount: config.loginMaxPerAccount,
      overall: config.loginMaxOverall,
      windowMs: config.loginWindowMs,
    }),
  };
  // The dummy hash behind constant-time unknown-account logins, made before the first request.
  await warmDummyHash();
  const app = createApp(context);
  const host = options.host ?? "127.0.0.1";
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 0 }, () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    context,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await state.close();
      await engine.close();
    },
  };
}
