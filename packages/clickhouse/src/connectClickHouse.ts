import { randomUUID } from "node:crypto";
import { ClickHouseLogLevel, createClient } from "@clickhouse/client";
import {
  clickhouseCapabilities,
  clickhouseDialectFor,
  type Dialect,
  type DialectCapabilities,
} from "@vafa/core";
import { ClickHouseClient } from "./ClickHouseClient.ts";
import { checkName, schemaStatements } from "./schema.ts";

/** Where the ClickHouse store is. */
export interface ClickHouseConfig {
  /** HTTP URL of the node queries go to, e.g. "http://127.0.0.1:8123". */
  readonly url: string;
  /** Database holding the fact tables; created if missing. Default "vafa". */
  readonly database?: string;
  /** Cluster name (from the servers' `remote_servers`) for sharded Distributed tables; default none. */
  readonly cluster?: string | null;
  /** HTTP URLs of every node, to create the local tables on each (default: `[url]`). */
  readonly nodes?: readonly string[];
  readonly username?: string;
  readonly password?: string;
}

/** An open ClickHouse engine: a client with its own session, the dialect for its server version. */
export interface ClickHouseEngine {
  readonly client: ClickHouseClient;
  readonly dialect: Dialect;
  readonly capabilities: DialectCapabilities;
  readonly version: string;
  readonly database: string;
  readonly cluster: string | null;
  /** Runs a statement on every node (DDL of local tables, TRUNCATE): 18.16 has no ON CLUSTER without ZooKeeper. */
  runOnEveryNode(statement: string): Promise<void>;
  close(): Promise<void>;
}

function http(config: ClickHouseConfig, url: string, database?: string) {
  return createClient({
    url,
    username: config.username ?? "default",
    password: config.password ?? "",
    ...(database === undefined ? {} : { database }),
    session_id: randomUUID(),
    request_timeout: 3_600_000,
    // Servers before 23.11 close an idle connection after 3 s; a socket reused just then fails with
    // "socket hang up". Drop idle sockets well before, and at once when the event loop was busy.
    keep_alive: { idle_socket_ttl: 1_500, eagerly_destroy_stale_sockets: true },
    log: { level: ClickHouseLogLevel.OFF },
  });
}

/**
 * Connects to ClickHouse, detects what the server can do (`SELECT version()`), creates the database
 * and fact tables when missing (local MergeTree tables on every node and Distributed ones over them
 * when a cluster is given), and returns a client with its own session (temporary tables live in it).
 *
 * @example
 * const engine = await connectClickHouse({ url: "http://127.0.0.1:8123", database: "vafa", cluster: "vafa",
 *   nodes: ["http://127.0.0.1:8123", "http://127.0.0.1:8124"] });
 * const rows = await retention(engine, { period: { unit: "month" } });
 * await engine.close();
 */
export async function connectClickHouse(config: ClickHouseConfig): Promise<ClickHouseEngine> {
  const database = checkName("database", config.database ?? "vafa");
  const cluster = config.cluster ?? null;
  const ddl = schemaStatements(database, cluster);
  const runOnEveryNode = async (...statements: string[]) => {
    for (const url of config.nodes ?? [config.url]) {
      const admin = http(config, url);
      try {
        for (const statement of statements) await admin.command({ query: statement });
      } finally {
        await admin.close();
      }
    }
  };
  await runOnEveryNode(...ddl.local);
  const raw = http(config, config.url, database);
  const versionResult = await raw.query({ query: "SELECT version() AS v", format: "JSONEachRow" });
  const [row] = (await versionResult.json()) as { v: string }[];
  const version = row?.v ?? "0";
  const capabilities = clickhouseCapabilities(version);
  const client = new ClickHouseClient(raw, capabilities);
  for (const statement of ddl.distributed) await raw.command({ query: statement });
  return {
    client,
    dialect: clickhouseDialectFor(capabilities),
    capabilities,
    version,
    database,
    cluster,
    runOnEveryNode: (statement) => runOnEveryNode(statement),
    close: () => client.close(),
  };
}
