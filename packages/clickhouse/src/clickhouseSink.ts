import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { AppError, kindTable, quoteIdent, sql } from "@vafa/core";
import { type DuckDBClient, freshRowsSql, type IngestSink, type StagedFile } from "@vafa/duckdb";
import type { ClickHouseEngine } from "./connectClickHouse.ts";
import { loadCsv } from "./loadFacts.ts";
import { type FactTable, factColumns, factColumnTypes } from "./schema.ts";

const TIMESTAMPS = new Set(["occurred_at", "created_at"]);

function factTable(staged: StagedFile): FactTable {
  const table = kindTable[staged.kind];
  if (table === "transactions" || table === "customers" || table === "activity") return table;
  throw new AppError("not_supported", `loading ${staged.kind} into ClickHouse is not available yet`);
}

/** A table of the engine on every node (local tables under a cluster). */
function localName(engine: ClickHouseEngine, table: string): string {
  return `${engine.database}.${engine.cluster === null ? table : `${table}_local`}`;
}

/** Streams `query`'s result as CSV into a file, so a large id list never sits in memory. */
async function queryToCsv(engine: ClickHouseEngine, query: string, file: string): Promise<void> {
  const result = await engine.client.http.exec({ query: `${query} FORMAT CSV` });
  await pipeline(result.stream, createWriteStream(file));
}

/** Exports a DuckDB SELECT as ClickHouse-readable CSV (`\N` nulls, timestamps in seconds, UTC). */
async function exportCsv(client: DuckDBClient, columns: readonly string[], from: string, file: string) {
  const list = columns.map((c) =>
    TIMESTAMPS.has(c) ? `strftime(${quoteIdent(c)}, '%Y-%m-%d %H:%M:%S') AS ${quoteIdent(c)}` : quoteIdent(c),
  );
  // `file` is a path in a folder made here, never user input.
  await client.run(
    sql(
      `COPY (SELECT ${list.join(", ")} FROM ${from}) TO '${file}' (FORMAT CSV, HEADER false, NULLSTR '\\N')`,
    ),
  );
}

async function readIds(client: DuckDBClient, engine: ClickHouseEngine, table: string, dir: string) {
  const file = join(dir, `${table}-ids.csv`);
  await queryToCsv(engine, `SELECT id FROM ${engine.database}.${table}`, file);
  await client.run(
    sql(
      `CREATE OR REPLACE TEMP TABLE _stored_${table} AS SELECT * FROM read_csv('${file}', header = false, columns = {'id': 'VARCHAR'})`,
    ),
  );
}

async function count(client: DuckDBClient, from: string): Promise<number> {
  const [row] = await client.all(sql(`SELECT count(*) AS n FROM ${from}`));
  return Number(row?.n ?? 0);
}

/** Waits until the mutations on `table` finished on every node (18.16 has no synchronous mutations). */
async function awaitMutations(engine: ClickHouseEngine, table: string): Promise<void> {
  const name = engine.cluster === null ? table : `${table}_local`;
  for (let i = 0; i < 600; i++) {
    const [row] = await engine.client.all(
      sql(
        `SELECT count() AS n FROM system.mutations WHERE database = '${engine.database}' AND table = '${name}' AND is_done = 0`,
      ),
    );
    if (Number(row?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Refuses a customers file that would change customers already stored: ClickHouse keeps facts
 * append-only here, and a silent skip would leave the old attributes in place. Rows equal to the
 * stored ones (the same file loaded again) pass.
 */
async function refuseChangedCustomers(
  client: DuckDBClient,
  engine: ClickHouseEngine,
  staged: StagedFile,
  dir: string,
): Promise<void> {
  const types = factColumnTypes("customers");
  const columns = staged.columns.filter((c) => types.has(c));
  const file = join(dir, "customers-stored.csv");
  await queryToCsv(engine, `SELECT ${columns.join(", ")} FROM ${engine.database}.customers`, file);
  // No customer stored yet: nothing to change (and DuckDB cannot read an empty typed CSV back).
  if (statSync(file).size === 0) return;
  const spec = columns.map((c) => `'${c}': '${types.get(c)}'`).join(", ");
  await client.run(
    sql(
      `CREATE OR REPLACE TEMP TABLE _stored_rows AS SELECT * FROM read_csv('${file}', header = false, nullstr = '\\N', columns = {${spec}})`,
    ),
  );
  const attributes = columns.filter((c) => c !== "id");
  if (attributes.length === 0) return;
  const differs = attributes
    .map((c) => `(s.${quoteIdent(c)} IS NOT NULL AND s.${quoteIdent(c)} IS DISTINCT FROM t.${quoteIdent(c)})`)
    .join(" OR ");
  const changed = await count(
    client,
    `_stage s JOIN _stored_rows t ON t.id = s.id WHERE s._ok AND (${differs})`,
  );
  if (changed > 0)
    throw new AppError(
      "not_supported",
      `${staged.file}: changing customers already stored (${changed} here) is not available on ClickHouse yet; nothing was loaded`,
    );
}

/**
 * Deletes the rows of loads that never finished (a load killed mid-insert leaves rows whose
 * `load_id` has no `loads` record), so a store is as it was before such a load.
 */
export async function removeUnfinishedLoads(engine: ClickHouseEngine): Promise<number[]> {
  const done = new Set(
    (await engine.client.all(sql(`SELECT id FROM ${engine.database}.loads`))).map((r) => Number(r.id)),
  );
  const removed = new Set<number>();
  for (const table of ["transactions", "customers", "activity"] as const) {
    const ids = (
      await engine.client.all(
        sql(`SELECT DISTINCT load_id FROM ${engine.database}.${table} WHERE load_id IS NOT NULL`),
      )
    )
      .map((r) => Number(r.load_id))
      .filter((id) => !done.has(id));
    for (const id of ids) {
      await engine.runOnEveryNode(`ALTER TABLE ${localName(engine, table)} DELETE WHERE load_id = ${id}`);
      removed.add(id);
    }
    if (ids.length > 0) await awaitMutations(engine, table);
  }
  return [...removed];
}

/**
 * The sink that writes a load into ClickHouse. The files are read and validated in a scratch DuckDB
 * first, so nothing is written unless the whole file is good (strict mode). The ids already stored
 * are read back, and only new rows are sent, in one streamed insert per table: loading the same file
 * twice adds nothing. ClickHouse has no transactions: a load that fails after writing deletes its
 * rows (by `load_id`), and one killed mid-insert is removed by the next load (its rows have no
 * `loads` record). A customers file may add customers but not change stored ones on ClickHouse.
 *
 * @example
 * const summary = await ingestFiles(scratch.client, request, clickhouseSink(engine));
 */
export function clickhouseSink(engine: ClickHouseEngine): IngestSink {
  const written: { loadId: number; tables: FactTable[] }[] = [];
  let cleaned = false;
  return {
    async write(client: DuckDBClient, staged: StagedFile): Promise<number> {
      const table = factTable(staged);
      const attributes = staged.attributes ?? [];
      if (attributes.length > 0)
        throw new AppError(
          "not_supported",
          `${staged.file}: customer attributes (${attributes.map((a) => a.name).join(", ")}) cannot be stored on ClickHouse yet; nothing was loaded — load the file on the DuckDB engine, or keep only the canonical columns`,
        );
      const known = new Set(factColumns(table));
      const missing = staged.columns.filter((c) => !known.has(c));
      if (missing.length > 0)
        throw new AppError(
          "not_supported",
          `${staged.file}: column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of ${table} cannot be stored on ClickHouse yet`,
        );
      if (!cleaned) {
        await removeUnfinishedLoads(engine);
        cleaned = true;
      }
      const dir = mkdtempSync(join(tmpdir(), "vafa-ch-load-"));
      try {
        const [next] = await engine.client.all(
          sql(`SELECT toInt32(greatest((SELECT max(id) FROM ${engine.database}.loads),
            (SELECT ifNull(max(load_id), 0) FROM ${engine.database}.${table})) + 1) AS id`),
        );
        const loadId = Number(next?.id ?? 1);
        await readIds(client, engine, table, dir);
        if (table === "customers") await refuseChangedCustomers(client, engine, staged, dir);
        await client.run(
          sql(
            `CREATE OR REPLACE TEMP TABLE _fresh AS SELECT *, ${loadId} AS load_id FROM (${freshRowsSql(staged.columns, `_stored_${table}`, staged.repeatsIds)})`,
          ),
        );
        const loaded = await count(client, "_fresh");
        const entry = { loadId, tables: [] as FactTable[] };
        written.push(entry);
        if (loaded > 0) {
          const file = join(dir, `${table}.csv`);
          const columns = [...staged.columns, "load_id"];
          await exportCsv(client, columns, "_fresh", file);
          entry.tables.push(table);
          await loadCsv(engine, table, file, columns);
        }
        if (table === "transactions") {
          await readIds(client, engine, "customers", dir);
          const country = staged.columns.includes("country");
          await client.run(
            sql(`CREATE OR REPLACE TEMP TABLE _new_customers AS
              SELECT customer_id AS id, min(occurred_at) AS created_at${country ? ", arg_min(country, (occurred_at, id)) AS country" : ""}, ${loadId} AS load_id
              FROM _stage WHERE _ok AND customer_id IS NOT NULL
                AND customer_id NOT IN (SELECT id FROM _stored_customers) GROUP BY customer_id`),
          );
          if ((await count(client, "_new_customers")) > 0) {
            const file = join(dir, "customers.csv");
            const columns = ["id", "created_at", ...(country ? ["country"] : []), "load_id"];
            await exportCsv(client, columns, "_new_customers", file);
            entry.tables.push("customers");
            await loadCsv(engine, "customers", file, columns);
          }
        }
        await engine.client.run(
          sql(`INSERT INTO ${engine.database}.loads VALUES ({p1}, {p2}, {p3}, now(), {p4}, {p5}, {p6})`, [
            loadId,
            staged.kind,
            staged.file,
            staged.rowsRead,
            loaded,
            staged.rowsRejected,
          ]),
        );
        return loaded;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async undo(): Promise<void> {
      for (const { loadId, tables } of written) {
        for (const table of tables)
          await engine.runOnEveryNode(
            `ALTER TABLE ${localName(engine, table)} DELETE WHERE load_id = ${loadId}`,
          );
        for (const table of tables) await awaitMutations(engine, table);
      }
      written.length = 0;
    },
  };
}
