import type { IngestedAttribute, Kind } from "@vafa/core";
import type { DuckDBClient } from "../DuckDBClient.ts";

/** One validated file, its rows in the temp table `_stage` (with `_ok` per row) of the loading connection. */
export interface StagedFile {
  readonly kind: Kind;
  readonly file: string;
  /** The canonical columns of `_stage`, in order. */
  readonly columns: readonly string[];
  /** Whether the file repeats an id (the last row of an id wins). */
  readonly repeatsIds: boolean;
  readonly rowsRead: number;
  readonly rowsRejected: number;
  /**
   * Customers files: the columns kept as typed attributes (none empty); their rows are in the temp
   * table `_attributes (customer_id, name, type, value, number)`.
   */
  readonly attributes?: readonly IngestedAttribute[];
}

/**
 * Where a load's validated rows go. Files are read and validated in DuckDB whatever the engine (its
 * reader handles every format); the sink writes the rows not stored yet: into the same DuckDB file
 * inside the load's transaction (`duckdbSink`), or into another engine.
 *
 * @example
 * const summary = await ingestFiles(scratch, request, clickhouseSink(engine));
 */
export interface IngestSink {
  /** Writes the `_stage` rows that are not stored yet; returns how many were loaded. */
  write(client: DuckDBClient, staged: StagedFile): Promise<number>;
  /** Undoes every `write` of this load when a later step fails (a no-op inside a transaction). */
  undo(): Promise<void>;
}
