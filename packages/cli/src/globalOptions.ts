import type { Command } from "commander";
import { resolveConfig, type VafaConfig } from "./config.ts";

/** Options every command takes. */
export interface GlobalOptions {
  /** Path of the DuckDB file: `--db`, else `VAFA_DB`, else the config file's `db`, else `./vafa.duckdb`. */
  readonly db: string;
  /** Print one JSON document on stdout and nothing else there. */
  readonly json: boolean;
  /** The whole resolved configuration (engine, ClickHouse connection, state). */
  readonly config: VafaConfig;
}

/**
 * Reads the global options seen by `command`, wherever on the line the user wrote them, and resolves
 * the configuration (`--config FILE` or `./vafa.config.json`, then the environment, then flags).
 *
 * @throws ConfigError for a malformed configuration, naming the file or variable and the field.
 */
export function globalOptions(command: Command): GlobalOptions {
  const o = command.optsWithGlobals<{ db?: string; json?: boolean; config?: string; engine?: string }>();
  const config = resolveConfig({
    configFile: o.config,
    cwd: process.cwd(),
    env: process.env,
    flags: { db: o.db, engine: o.engine },
  });
  return { db: config.db, json: o.json === true, config };
}
