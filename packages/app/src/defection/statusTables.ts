import {
  type DefectionStatus,
  dayText,
  type Engine,
  insertRows,
  type SqlValue,
  sql,
  toEpochDay,
} from "@vafa/core";

/** A customer's stored status: since which epoch day, and the run version that wrote it. */
export interface StoredStatusRow {
  readonly status: DefectionStatus;
  readonly sinceDay: number;
  readonly version: number;
}

const STATUS_COLUMNS = [
  "customer_id",
  "status",
  "since",
  "rule",
  "reason",
  "as_of",
  "updated_at",
  "version",
] as const;

const HISTORY_COLUMNS = [
  "customer_id",
  "status",
  "previous_status",
  "changed_on",
  "rule",
  "as_of",
  "recorded_at",
] as const;

/**
 * Every customer's current defection status from the analytic store, by customer id. A store that
 * appends a newer row instead of updating (ClickHouse, until its merges) may hold several rows of a
 * customer: the highest version wins.
 *
 * @example
 * const current = await readStatuses(engine); // Map { "17850" => { status: "at_risk", sinceDay: 15218, version: 3 } }
 */
export async function readStatuses(engine: Engine): Promise<Map<string, StoredStatusRow>> {
  const out = new Map<string, StoredStatusRow>();
  for (const r of await engine.facts.all(
    sql("SELECT customer_id, status, since, version FROM customer_status"),
  )) {
    const id = String(r.customer_id);
    const version = Number(r.version ?? 0);
    const seen = out.get(id);
    if (seen !== undefined && seen.version > version) continue;
    out.set(id, {
      status: r.status as DefectionStatus,
      sinceDay: toEpochDay(dayText(r.since)),
      version,
    });
  }
  return out;
}

/**
 * A version above every stored one: the run's clock in milliseconds, or one more than the highest
 * stored version when the clock is behind it (two runs in one millisecond, a clock set back).
 */
export async function nextStatusVersion(engine: Engine, now: Date): Promise<number> {
  const [row] = await engine.facts.all(sql("SELECT max(version) AS v FROM customer_status"));
  const stored = row?.v === null || row?.v === undefined ? 0 : Number(row.v);
  return Math.max(now.getTime(), stored + 1);
}

/**
 * Writes status changes to the analytic store: the history entries first, then the current
 * statuses (replacing each customer's row, `dialect.replaceOnKey`), so a run cut short between the
 * two repeats a history entry at worst and never loses one. Rows are in `STATUS_COLUMNS` order
 * without the version, and in `HISTORY_COLUMNS` order.
 */
export async function writeStatuses(
  engine: Engine,
  statusRows: readonly (readonly SqlValue[])[],
  historyRows: readonly (readonly SqlValue[])[],
  version: number,
): Promise<void> {
  const { facts, dialect } = engine;
  await insertRows(facts, dialect.param, "status_history", HISTORY_COLUMNS, historyRows);
  await insertRows(
    facts,
    dialect.param,
    "customer_status",
    STATUS_COLUMNS,
    statusRows.map((r) => [...r, version]),
    dialect.replaceOnKey("customer_id", STATUS_COLUMNS),
  );
}
