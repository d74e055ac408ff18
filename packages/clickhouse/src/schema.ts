/** Canonical fact columns as ClickHouse types: the DuckDB schema's columns, timestamps DateTime('UTC'). */
export const FACT_TABLES = {
  transactions: {
    columns: `id String, customer_id Nullable(String), occurred_at DateTime('UTC'), amount Float64,
      cost Nullable(Float64), quantity Nullable(Float64), unit_price Nullable(Float64), product Nullable(String),
      description Nullable(String), category Nullable(String), channel Nullable(String), branch Nullable(String),
      employee Nullable(String), country Nullable(String), discount Nullable(Float64), payment_status Nullable(String),
      order_id Nullable(String), load_id Nullable(Int32)`,
    order: "occurred_at",
    // Anonymous lines (no customer) all go to one shard; a customer's lines are together.
    shardKey: "cityHash64(ifNull(customer_id, ''))",
  },
  customers: {
    columns: `id String, created_at Nullable(DateTime('UTC')), segment Nullable(String), region Nullable(String),
      country Nullable(String), branch Nullable(String), owner Nullable(String), channel Nullable(String),
      acquisition_cost Nullable(Float64), category_budget Nullable(Float64), tags Nullable(String),
      status Nullable(String), defected_at Nullable(DateTime('UTC')), exit_reason Nullable(String),
      reason_category Nullable(String), load_id Nullable(Int32)`,
    order: "id",
    shardKey: "cityHash64(id)",
  },
  activity: {
    columns:
      "id String, customer_id String, occurred_at DateTime('UTC'), type String, load_id Nullable(Int32)",
    order: "(customer_id, occurred_at)",
    shardKey: "cityHash64(customer_id)",
  },
} as const;

/**
 * Tables derived from the facts by the use cases, kept beside them: every customer's CLV scores,
 * sharded by customer like the facts, so a customer's scores sit on the shard of their
 * transactions. Same columns as DuckDB's `customer_scores`.
 */
export const SCORE_TABLE = {
  columns: `customer_id String, model String, scored_at DateTime('UTC'), calibration_end Nullable(Date),
    horizon_days Int32, p_alive Float64, expected_purchases Float64, expected_spend Float64, clv Float64,
    historical_value Float64`,
  order: "customer_id",
  shardKey: "cityHash64(customer_id)",
} as const;

/**
 * Defection statuses, derived from the facts by `runDefection` and sharded by customer like them:
 * the current status (one row per customer once merged: a newer `version` replaces an older one,
 * and readers take the highest version meanwhile) and the history of changes. Same columns as
 * DuckDB's tables.
 */
export const STATUS_TABLES = {
  customer_status: {
    columns: `customer_id String, status String, since Date, rule Nullable(String), reason Nullable(String),
      as_of Date, updated_at DateTime('UTC'), version UInt64`,
    engine: "ReplacingMergeTree(version)",
    order: "customer_id",
    shardKey: "cityHash64(customer_id)",
  },
  status_history: {
    columns: `customer_id String, status String, previous_status Nullable(String), changed_on Date,
      rule Nullable(String), as_of Date, recorded_at DateTime('UTC')`,
    engine: "MergeTree()",
    order: "(customer_id, recorded_at)",
    shardKey: "cityHash64(customer_id)",
  },
} as const;

/**
 * Any other column of a customers file, as a typed attribute (same columns as DuckDB's), sharded by
 * customer. Loading attributes into ClickHouse is refused for now; the table exists so that readers
 * (drivers, profiles) find none rather than fail.
 */
export const ATTRIBUTE_TABLES = {
  customer_attributes: {
    columns: `customer_id String, name String, type String, value String, number Nullable(Float64),
      load_id Nullable(Int32)`,
    engine: "MergeTree()",
    order: "(customer_id, name)",
    shardKey: "cityHash64(customer_id)",
  },
} as const;

/** A fact table's name. */
export type FactTable = keyof typeof FACT_TABLES;

/** Column names of a fact table, in order (as loaded). */
export function factColumns(table: FactTable): string[] {
  return FACT_TABLES[table].columns.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "");
}

/**
 * The DuckDB type of each column of a fact table, read from its ClickHouse type, for reading an
 * export of it back into DuckDB.
 *
 * @example
 * factColumnTypes("customers").get("acquisition_cost"); // "DOUBLE"
 */
export function factColumnTypes(table: FactTable): Map<string, string> {
  const types = new Map<string, string>();
  for (const column of FACT_TABLES[table].columns.split(/,(?![^(]*\))/)) {
    const [name = "", ...type] = column.trim().split(/\s+/);
    const t = type.join(" ");
    types.set(
      name,
      t.includes("DateTime")
        ? "TIMESTAMP"
        : t.includes("Float")
          ? "DOUBLE"
          : t.includes("Int")
            ? "INTEGER"
            : "VARCHAR",
    );
  }
  return types;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Checks a database or cluster name before it is written into DDL. */
export function checkName(kind: string, name: string): string {
  if (!NAME.test(name)) throw new Error(`invalid ClickHouse ${kind} name "${name}" (letters, digits, _)`);
  return name;
}

/**
 * The DDL of the fact tables. Without a cluster: MergeTree tables `transactions`, `customers`,
 * `activity`. With one: `<table>_local` MergeTree tables (to run on every node) and, on the node
 * queries go to, Distributed tables of the canonical names over them, sharded by customer
 * (`cityHash64(customer_id)`), so per-customer aggregation is shard-local. The `loads` record is
 * one table on the node queries go to.
 *
 * @example
 * schemaStatements("vafa", "vafa").local; // CREATE TABLE IF NOT EXISTS vafa.transactions_local …
 */
export function schemaStatements(
  database: string,
  cluster: string | null,
): { local: string[]; distributed: string[] } {
  const db = checkName("database", database);
  const local: string[] = [`CREATE DATABASE IF NOT EXISTS ${db}`];
  const distributed: string[] = [];
  for (const [name, t] of Object.entries(FACT_TABLES)) {
    const localName = cluster === null ? name : `${name}_local`;
    local.push(
      `CREATE TABLE IF NOT EXISTS ${db}.${localName} (${t.columns}) ENGINE = MergeTree() ORDER BY ${t.order}`,
    );
    if (cluster !== null) {
      distributed.push(
        `CREATE TABLE IF NOT EXISTS ${db}.${name} AS ${db}.${localName} ENGINE = Distributed(${checkName("cluster", cluster)}, ${db}, ${localName}, ${t.shardKey})`,
      );
    }
  }
  const scores = cluster === null ? "customer_scores" : "customer_scores_local";
  local.push(
    `CREATE TABLE IF NOT EXISTS ${db}.${scores} (${SCORE_TABLE.columns}) ENGINE = MergeTree() ORDER BY ${SCORE_TABLE.order}`,
  );
  if (cluster !== null)
    distributed.push(
      `CREATE TABLE IF NOT EXISTS ${db}.customer_scores AS ${db}.${scores} ENGINE = Distributed(${checkName("cluster", cluster)}, ${db}, ${scores}, ${SCORE_TABLE.shardKey})`,
    );
  for (const [name, t] of Object.entries({ ...STATUS_TABLES, ...ATTRIBUTE_TABLES })) {
    const localName = cluster === null ? name : `${name}_local`;
    local.push(
      `CREATE TABLE IF NOT EXISTS ${db}.${localName} (${t.columns}) ENGINE = ${t.engine} ORDER BY ${t.order}`,
    );
    if (cluster !== null)
      distributed.push(
        `CREATE TABLE IF NOT EXISTS ${db}.${name} AS ${db}.${localName} ENGINE = Distributed(${checkName("cluster", cluster)}, ${db}, ${localName}, ${t.shardKey})`,
      );
  }
  // Model fits are few and small: one plain table on the node queries go to, as the loads.
  (cluster === null ? local : distributed).push(
    `CREATE TABLE IF NOT EXISTS ${db}.model_fits (id String, model String, fitted_at DateTime('UTC'),
      params String, std_errors String, log_likelihood Float64, n Int64, calibration_end Nullable(Date),
      unit String, data_version String, settings String) ENGINE = MergeTree() ORDER BY (model, fitted_at)`,
  );
  // The record of loads is small and read only by ingest: one plain table on the node queries go to.
  (cluster === null ? local : distributed).push(
    `CREATE TABLE IF NOT EXISTS ${db}.loads (id Int32, kind String, file String, loaded_at DateTime('UTC'),
      rows_read UInt64, rows_loaded UInt64, rows_rejected UInt64) ENGINE = MergeTree() ORDER BY id`,
  );
  return { local, distributed };
}
