import type { Command } from "commander";

/** Options every command takes. */
export interface GlobalOptions {
  /** Path of the DuckDB file; default `./vafa.duckdb`. */
  readonly db: string;
  /** Print one JSON document on stdout and nothing else there. */
  readonly json: boolean;
}

/** Reads the global options seen by `command`, wherever on the line the user wrote them. */
export function globalOptions(command: Command): GlobalOptions {
  const o = command.optsWithGlobals<{ db?: string; json?: boolean }>();
  return { db: o.db ?? "./vafa.duckdb", json: o.json === true };
}
