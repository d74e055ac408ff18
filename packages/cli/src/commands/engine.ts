import type { ClickHouseEngine } from "@vafa/clickhouse";
import { Command } from "commander";
import { ConfigError, type VafaConfig } from "../config.ts";
import { globalOptions } from "../globalOptions.ts";
import { printJson, printTable } from "../output.ts";
import { withEngine } from "../withEngine.ts";
import { withStore } from "../withStore.ts";

/** The ClickHouse engine package, loaded only by commands that use it, so others start faster. */
export type ClickHouseModule = typeof import("@vafa/clickhouse");

/**
 * Connects to the configured ClickHouse, runs `work` with the engine and its package, and always
 * closes the connection.
 *
 * @throws ConfigError when no ClickHouse connection is configured.
 * @example
 * const copied = await withClickHouse(config, (engine, ch) => ch.copyFromDuckDB(store.client, engine));
 */
export async function withClickHouse<T>(
  config: VafaConfig,
  work: (engine: ClickHouseEngine, ch: ClickHouseModule) => Promise<T>,
): Promise<T> {
  const c = config.clickhouse;
  if (c === null)
    throw new ConfigError(
      'no ClickHouse connection: set "clickhouse": { "url": … } in vafa.config.json or VAFA_CLICKHOUSE_URL',
    );
  const ch = await import("@vafa/clickhouse");
  const engine = await ch.connectClickHouse({
    url: c.url,
    database: c.database,
    cluster: c.cluster,
    ...(c.nodes === null ? {} : { nodes: c.nodes }),
  });
  try {
    return await work(engine, ch);
  } finally {
    await engine.close();
  }
}

/** `vafa engine copy`: copies the facts from the DuckDB file into the configured ClickHouse. */
export function engineCommand(): Command {
  const engine = new Command("engine").description(
    "the configured engine: its stores and their rows; move facts from the DuckDB file into ClickHouse",
  );
  engine
    .command("copy")
    .description(
      "copy transactions, customers and activity from the DuckDB file (--db) into the configured ClickHouse, replacing what is there",
    )
    .action(async (_opts: unknown, command: Command) => {
      const { config, json } = globalOptions(command);
      const summary = await withStore(config.db, (store) =>
        withClickHouse(config, (engine, ch) => ch.copyFromDuckDB(store.client, engine)),
      );
      if (json) {
        printJson({ from: config.db, to: config.clickhouse?.url ?? null, copied: summary });
        return;
      }
      printTable(
        Object.entries(summary).map(([table, rows]) => ({ table, rows })),
        [
          ["table", "table"],
          ["rows", "rows"],
        ],
      );
    });
  engine
    .command("status")
    .description("which engine and stores are configured, and how many rows each fact table holds")
    .action(async (_opts: unknown, command: Command) => {
      const { config, json } = globalOptions(command);
      const status = await withEngine(config, { feature: "ingest", needsData: false }, async (e) => ({
        engine: e.name,
        facts: e.location,
        operational: config.db,
        rows: await e.factCounts(),
        features: [...e.features],
      }));
      if (json) return printJson(status);
      process.stdout.write(
        `engine ${status.engine}\nfacts (transactions, customers, activity, scores, statuses): ${status.facts}\noperational (worklist, alerts, campaigns, targets, webhooks): ${status.operational}\n`,
      );
      printTable(
        Object.entries(status.rows).map(([table, rows]) => ({ table, rows })),
        [
          ["table", "table"],
          ["rows", "rows"],
        ],
      );
    });
  return engine;
}
