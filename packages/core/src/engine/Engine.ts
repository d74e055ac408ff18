import type { Dialect } from "../Dialect.ts";
import type { IngestedAttribute } from "../ingest/AttributeType.ts";
import type { Kind } from "../ingest/fields.ts";
import type { RowProblem } from "../ingest/IngestError.ts";
import type { SqlClient } from "../SqlClient.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import type { CustomerFrame } from "./CustomerFrame.ts";
import type { Feature } from "./Feature.ts";

export type { RowProblem };

/** The analytic stores Vafa runs on. */
export type EngineName = "duckdb" | "clickhouse";

/** Rows in the canonical fact tables. */
export interface FactCounts {
  readonly transactions: number;
  readonly customers: number;
  readonly activity: number;
}

/** What to load and how. Only `kind` and `files` are required. */
export interface IngestRequest {
  readonly kind: Kind;
  readonly files: readonly string[];
  /** field → column overrides (`--map amount=Sales`). */
  readonly map?: Readonly<Record<string, string>>;
  /** field → one value for every row (`--set survey=exit`), for a field the files lack. */
  readonly set?: Readonly<Record<string, string>>;
  /** A bundled data set's recipe: `online-retail` or `cdnow`. */
  readonly preset?: string;
  /** Force the format instead of guessing it from the extension. */
  readonly format?: string;
  /** strptime format for dates that are neither ISO nor `YYYYMMDD`, e.g. `%d/%m/%Y`. */
  readonly dateFormat?: string;
  /** Whether CSV/TSV files start with a header line; default true. */
  readonly header?: boolean;
  /** Load the good rows and report the bad ones instead of loading nothing; default false. */
  readonly skipBadRows?: boolean;
  /**
   * Customers files: the status values that mean defected (`["Churned"]`); every other value is
   * active. Default: the words of `STATUS_WORDS` (churned, yes, left, … / stayed, no, joined, …).
   */
  readonly defectedValues?: readonly string[];
  /** Called with the fraction done of the current file while it is read. */
  readonly onProgress?: (fraction: number, file: string) => void;
}

/** Which column of a file fed each field, and which fields took a constant. */
export interface IngestMapping {
  readonly file: string;
  /** field → the file's column (as the file names it, trimmed). */
  readonly columns: Readonly<Record<string, string>>;
  /** field → the constant given with `set`. */
  readonly set: Readonly<Record<string, string>>;
  /** Customers files: every other column, kept as a typed customer attribute. */
  readonly attributes?: readonly IngestedAttribute[];
}

/** The outcome of a load. */
export interface IngestResult {
  readonly kind: Kind;
  readonly rows_read: number;
  readonly rows_loaded: number;
  readonly rows_rejected: number;
  /** Distinct customers among the accepted rows. */
  readonly customers: number;
  /** With `skipBadRows`: every rejected value. */
  readonly problems: readonly RowProblem[];
  /** Survey rows with no answer at all (no score, reason, category or text): not loaded. */
  readonly rows_skipped?: number;
  /** Per file, what was matched; engines that report it. */
  readonly mappings?: readonly IngestMapping[];
}

/**
 * Where Vafa's data lives, chosen once at the edge (flag, config or `VAFA_ENGINE`) and passed to
 * every use case: the analytic store (facts and what is derived from them: summaries, scores,
 * statuses) and the operational store (what people change row by row: worklist, alerts, campaigns,
 * targets, webhooks). On DuckDB both are the one file; on ClickHouse the facts are in ClickHouse and
 * the operational store is the DuckDB file (or PostgreSQL for the server's users and sessions).
 * A use case the engine cannot run is refused with `requireFeature`, never answered from another store.
 *
 * @example
 * const engine = await openDuckDBEngine("./vafa.duckdb", { create: false });
 * const rows = await runRetention(engine.facts, engine.dialect, { period: { unit: "month" } });
 * await engine.close();
 */
export interface Engine {
  readonly name: EngineName;
  /** The analytic store as a user would name it: a file path, or a URL and database. */
  readonly location: string;
  /** The analytic store. */
  readonly facts: SqlClient;
  /** The SQL dialect of `facts`. */
  readonly dialect: Dialect;
  /** The operational store (DuckDB SQL). */
  readonly state: SqlClient;
  /** The use cases this engine runs; the others are refused. */
  readonly features: ReadonlySet<Feature>;
  /** Loads files of one kind into the facts: validated, idempotent, and as atomic as the store allows. */
  ingest(request: IngestRequest): Promise<IngestResult>;
  /** Rows in the fact tables, to tell an empty store from a quiet one. */
  factCounts(): Promise<FactCounts>;
  /**
   * Runs an analytic query whose columns are all numeric and returns them as Float64Arrays (null →
   * NaN): model inputs of hundreds of thousands of rows, read without an object per row (DuckDB
   * reads its vectors, ClickHouse streams text).
   *
   * @example
   * const { x, n } = await engine.floatColumns(compressedSummaryQuery(engine.dialect, { unit: "week" }));
   */
  floatColumns(query: SqlQuery): Promise<Record<string, Float64Array>>;
  /**
   * Materialises a per-customer analytic query (first column `customer_id`, the rest numeric) for
   * one use case: its columns as typed arrays, and a way to store a result per customer (see
   * `CustomerFrame`). Release it when done.
   *
   * @example
   * const frame = await engine.customerFrame(scoreFrameQuery(engine.dialect, options));
   */
  customerFrame(query: SqlQuery): Promise<CustomerFrame>;
  /**
   * Runs `work` on one session of the stores, alone: its statements see the temporary tables they
   * create (the retention family's period map, model summaries), and no other session's statements
   * run between them. A server shares one engine between concurrent requests and runs each
   * multi-statement use case in a session; nested calls join the session they are in.
   *
   * @example
   * const rows = await engine.session((s) => runRetention(s.facts, s.dialect, { period: { unit: "month" } }));
   */
  session<R>(work: (session: Engine) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}
