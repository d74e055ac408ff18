import { ALERT_STATES, type Engine, type SqlValue, sql } from "@vafa/core";
import { ALERT_ROW_COLUMNS, type AlertRow, toAlertRow } from "./alertRow.ts";

/** Which alerts a worklist page shows. Only `limit` is required. */
export interface AlertPageFilter {
  /** Default: every state; "active" is open and in progress. */
  readonly state?: string;
  /** Who works the alert (the assignee). */
  readonly owner?: string;
  /** Page size. */
  readonly limit: number;
  /** Rows to skip (paging); default 0. */
  readonly offset?: number;
  /** The customer's defection status (at_risk, defected, …). */
  readonly status?: string;
  /** The customer's branch. */
  readonly branch?: string;
  /** Priority at least this. */
  readonly minPriority?: number;
  /** Customer ids containing this (literally: `%` and `_` match themselves). */
  readonly search?: string;
  /** Alerts worked by (or owned by) these users come first, then those of `branch`: "my queue first". */
  readonly first?: { readonly owners: readonly string[]; readonly branch: string | null };
  /** An agent's view: alerts of its branch, or worked or owned by these users; nothing else. */
  readonly scope?: { readonly branch: string | null; readonly owners: readonly string[] };
}

/** The WHERE terms of a page and its count, with their bound parameters. */
function whereOf(filter: AlertPageFilter) {
  const params: SqlValue[] = [];
  const bind = (v: SqlValue) => {
    params.push(v);
    return `$${params.length}`;
  };
  const states =
    filter.state === undefined
      ? [...ALERT_STATES]
      : filter.state === "active"
        ? ["open", "in_progress"]
        : [filter.state];
  const where = [`state IN (${states.map(bind).join(", ")})`];
  if (filter.owner !== undefined) where.push(`assignee = ${bind(filter.owner)}`);
  if (filter.status !== undefined) where.push(`status = ${bind(filter.status)}`);
  if (filter.branch !== undefined) where.push(`branch = ${bind(filter.branch)}`);
  if (filter.minPriority !== undefined) where.push(`priority >= ${bind(filter.minPriority)}`);
  if (filter.search !== undefined)
    where.push(`contains(lower(customer_id), ${bind(filter.search.toLowerCase())})`);
  if (filter.scope !== undefined) {
    const mine = filter.scope.owners.flatMap((o) => [`assignee = ${bind(o)}`, `owner = ${bind(o)}`]);
    // Every alert carries its customer's branch (migration 14 gave it to older ones).
    if (filter.scope.branch !== null) mine.push(`branch = ${bind(filter.scope.branch)}`);
    where.push(mine.length > 0 ? `(${mine.join(" OR ")})` : "false");
  }
  return { where, params, bind };
}

/**
 * A page of the worklist from the operational store, filtered, in the worklist's order (highest
 * priority first, then oldest) or with "my queue first", and the total the filter matches. Alerts
 * carry everything the page shows, so no other store is read.
 *
 * @example
 * const { rows, total } = await alertPage(engine, { state: "active", branch: "France", limit: 25 });
 */
export async function alertPage(
  engine: Pick<Engine, "state">,
  filter: AlertPageFilter,
): Promise<{ rows: AlertRow[]; total: number }> {
  const { where, params, bind } = whereOf(filter);
  const [counted] = await engine.state.all(
    sql(`SELECT count(*) AS n FROM alerts WHERE ${where.join(" AND ")}`, [...params]),
  );
  let order = "ORDER BY priority DESC NULLS LAST, created_at, id";
  if (filter.first !== undefined) {
    const mine = filter.first.owners.flatMap((o) => [`assignee = ${bind(o)}`, `owner = ${bind(o)}`]);
    const rank = [`WHEN ${mine.length > 0 ? mine.join(" OR ") : "false"} THEN 0`];
    if (filter.first.branch !== null) rank.push(`WHEN branch = ${bind(filter.first.branch)} THEN 1`);
    order = `ORDER BY CASE ${rank.join(" ")} ELSE 2 END, priority DESC NULLS LAST, created_at, id`;
  }
  const rows = await engine.state.all(
    sql(
      `SELECT ${ALERT_ROW_COLUMNS} FROM alerts WHERE ${where.join(" AND ")} ${order}
       LIMIT ${bind(filter.limit)} OFFSET ${bind(filter.offset ?? 0)}`,
      params,
    ),
  );
  return { rows: rows.map(toAlertRow), total: Number(counted?.n ?? 0) };
}
