import type { Engine, SqlValue } from "@vafa/core";
import { ALERT_ROW_COLUMNS, type AlertRow, toAlertRow } from "./alertRow.ts";

/** Filters of `listAlerts`. */
export interface ListAlertsOptions {
  /** States to include; default open and in_progress. */
  readonly states?: readonly string[];
  /** The customer's account owner (employee, or the branch where it has none). */
  readonly owner?: string;
  readonly branch?: string;
  /** Who works the alert: the user who took it. */
  readonly assignee?: string;
  /**
   * An agent's view: the alerts one of `owners` took or owns, and those of `branch` (null: an agent
   * without a branch sees only its own).
   */
  readonly scope?: { readonly branch: string | null; readonly owners: readonly string[] };
  readonly limit?: number;
}

/**
 * Alerts, highest priority (value at risk) first: the daily worklist of customers about to defect
 * with the reason and the value at stake. Reads the operational store alone — an alert carries its
 * customer, branch, reason and value at stake — so the worklist is the same whatever engine holds
 * the facts. Filters are bound parameters.
 *
 * @example
 * const todo = await listAlerts(engine, { owner: "sara", limit: 20 });
 * const agent = await listAlerts(engine, { scope: { branch: "Leeds", owners: ["u7", "sara@shop.example"] } });
 */
export async function listAlerts(engine: Engine, options: ListAlertsOptions = {}): Promise<AlertRow[]> {
  const params: SqlValue[] = [];
  const bind = (v: SqlValue) => {
    params.push(v);
    return `$${params.length}`;
  };
  const states = options.states ?? ["open", "in_progress"];
  const where = [`state IN (${states.map(bind).join(", ")})`];
  if (options.owner !== undefined) where.push(`owner = ${bind(options.owner)}`);
  if (options.branch !== undefined) where.push(`branch = ${bind(options.branch)}`);
  if (options.assignee !== undefined) where.push(`assignee = ${bind(options.assignee)}`);
  const scope = options.scope;
  if (scope !== undefined) {
    const mine = scope.owners.flatMap((o) => [`assignee = ${bind(o)}`, `owner = ${bind(o)}`]);
    if (scope.branch !== null) mine.push(`branch = ${bind(scope.branch)}`);
    where.push(mine.length > 0 ? `(${mine.join(" OR ")})` : "false");
  }
  const limit = options.limit === undefined ? "" : `LIMIT ${bind(Math.max(0, Math.trunc(options.limit)))}`;
  const rows = await engine.state.all({
    sql: `SELECT ${ALERT_ROW_COLUMNS} FROM alerts WHERE ${where.join(" AND ")}
      ORDER BY priority DESC NULLS LAST, created_at, id ${limit}`,
    params,
  });
  return rows.map(toAlertRow);
}
