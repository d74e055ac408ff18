import type { DuckDBConnection } from "@duckdb/node-api";
import {
  getPreset,
  IngestError,
  type IngestMapping,
  type IngestRequest,
  type IngestResult,
  type RowProblem,
  resolveMapping,
  sql,
} from "@vafa/core";
import type { DuckDBClient } from "../DuckDBClient.ts";
import { buildStage, type Stage } from "./buildStage.ts";
import { detectFormat } from "./detectFormat.ts";
import { duckdbSink } from "./duckdbSink.ts";
import type { IngestSink } from "./IngestSink.ts";
import { openSource, type Source } from "./openSource.ts";
import { stageAttributes } from "./stageAttributes.ts";

/** What to load and how (see `IngestRequest`). */
export type IngestOptions = IngestRequest;

/** The outcome of a load (see `IngestResult`). */
export type IngestSummary = IngestResult;

const strictProblemLimit = 20;

async function withProgress<T>(
  connection: DuckDBConnection,
  file: string,
  onProgress: IngestOptions["onProgress"],
  work: Promise<T>,
): Promise<T> {
  if (!onProgress) return work;
  const timer = setInterval(() => {
    const p = connection.progress.percentage;
    if (p >= 0) onProgress(Math.min(p, 100) / 100, file);
  }, 200);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    onProgress(1, file);
  }
}

async function problemsOf(
  client: DuckDBClient,
  source: Source,
  stage: Stage,
  mapping: Map<string, string>,
  limit?: number,
) {
  await client.run(sql(`CREATE OR REPLACE TEMP TABLE _bad AS ${stage.bad}`, stage.params.values));
  const rows = await client.all(sql(`${stage.problems} ORDER BY _n, field${limit ? ` LIMIT ${limit}` : ""}`));
  await client.run(sql("DROP TABLE _bad"));
  return rows.map(
    (r): RowProblem => ({
      file: source.file,
      line: Number(r._n) + source.headerLines,
      field: String(r.field),
      column: mapping.get(String(r.field)) ?? "quantity × unit_price",
      value: r.value === null ? null : String(r.value),
      reason: String(r.reason),
    }),
  );
}

/**
 * Loads files of one kind into the store, all or nothing: every file is read, converted and
 * validated inside one transaction, and any failure (a bad row in strict mode, an unreadable file,
 * the process being killed) leaves the database as it was. Loading the same rows again adds nothing:
 * rows are keyed on their id, or on a hash of their content and its occurrence number. Rows go to
 * `sink`: by default this DuckDB file, inside the transaction.
 *
 * @example
 * const summary = await ingestFiles(store.client, { kind: "transactions", files: ["online-retail.csv.gz"], preset: "online-retail" });
 * summary.rows_loaded; // 541909 on a fresh store
 */
export async function ingestFiles(
  client: DuckDBClient,
  options: IngestOptions,
  sink: IngestSink = duckdbSink,
): Promise<IngestSummary> {
  const { kind } = options;
  const preset = options.preset === undefined ? undefined : getPreset(options.preset);
  if (preset && preset.kind !== kind)
    throw new Error(`preset '${preset.name}' loads ${preset.kind}, not ${kind}`);
  const connection = client.connection;
  const totals = { rows_read: 0, rows_loaded: 0, rows_rejected: 0, customers: 0, rows_skipped: 0 };
  const problems: RowProblem[] = [];
  const set = options.set ?? {};
  const mappings: IngestMapping[] = [];
  await client.run(sql("BEGIN TRANSACTION"));
  try {
    for (const file of options.files) {
      const format = detectFormat(file, options.format ?? preset?.format);
      const source = await openSource(client, file, format, options.header ?? true);
      const columns = source.columns.map((c) => c.name);
      const mapping = new Map(
        resolveMapping(kind, columns, { ...preset?.map(columns), ...options.map }, file, set),
      );
      // Every other column of a customers file is kept as a typed attribute.
      const used = new Set(mapping.values());
      const attributeColumns = kind === "customers" ? columns.filter((c) => !used.has(c)) : [];
      const stage = buildStage(source, kind, mapping, preset, options.dateFormat, set, {
        attributes: attributeColumns,
        ...(options.defectedValues === undefined ? {} : { defectedValues: options.defectedValues }),
      });
      try {
        await withProgress(
          connection,
          file,
          options.onProgress,
          connection.run(
            `CREATE OR REPLACE TEMP TABLE _stage AS ${stage.select}`,
            stage.params.values.map(String),
          ),
        );
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
      const skipped =
        stage.unanswered === null
          ? 0
          : (await connection.run(`DELETE FROM _stage WHERE _ok AND ${stage.unanswered}`)).rowsChanged;
      const customerKey = kind === "customers" ? "id" : "customer_id";
      const [count] = await client.all(
        sql(`SELECT count(*) AS n, count(*) FILTER (WHERE NOT _ok) AS bad,
          count(DISTINCT ${customerKey}) FILTER (WHERE _ok) AS customers,
          count(*) FILTER (WHERE _ok) - count(DISTINCT id) FILTER (WHERE _ok) AS repeated FROM _stage`),
      );
      const bad = Number(count?.bad ?? 0);
      if (bad > 0) {
        const found = await problemsOf(
          client,
          source,
          stage,
          new Map([...mapping, ...Object.keys(set).map((f): [string, string] => [f, "--set"])]),
          options.skipBadRows ? undefined : strictProblemLimit,
        );
        if (!options.skipBadRows) throw new IngestError(found, bad);
        problems.push(...found);
      }
      const attributes = await stageAttributes(
        client,
        stage.attributes,
        options.dateFormat ?? preset?.dateFormat,
      );
      mappings.push({
        file,
        columns: Object.fromEntries(mapping),
        set,
        ...(kind === "customers" ? { attributes } : {}),
      });
      const read = Number(count?.n ?? 0) + skipped;
      const loaded = await sink.write(client, {
        kind,
        file,
        columns: stage.columns,
        repeatsIds: Number(count?.repeated ?? 0) > 0,
        rowsRead: read,
        rowsRejected: bad,
        attributes: attributes.filter((a) => a.type !== "empty"),
      });
      totals.rows_read += read;
      totals.rows_loaded += loaded;
      totals.rows_rejected += bad;
      totals.customers += Number(count?.customers ?? 0);
      totals.rows_skipped += skipped;
      await connection.run("DROP TABLE _stage");
      await connection.run("DROP TABLE IF EXISTS _attributes");
    }
    await client.run(sql("COMMIT"));
  } catch (error) {
    await client.run(sql("ROLLBACK"));
    await sink.undo();
    throw error;
  }
  return { kind, ...totals, problems, mappings };
}
