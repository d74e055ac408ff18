import type { Engine, Row, SqlValue } from "@vafa/core";

/** One alert as the worklist shows it. */
export interface AlertRow {
  readonly id: string;
  readonly customer_id: string;
  readonly created_at: string;
  readonly status: string;
  readonly rule: string | null;
  readonly reason: string | null;
  readonly value_at_stake: number | null;
  readonly value_basis: string | null;
  readonly priority: number | null;
  readonly p_alive: number | null;
  readonly owner: string | null;
  readonly branch: string | null;
  readonly assignee: string | null;
  readonly state: string;
  readonly closed_at: string | null;
  readonly closed_reason: string | null;
}

/** Filters of `listAlerts`. */
export interface ListAlertsOptions {
  /** States to include; default open and in_progress. */
  readonly states?: readonly string[];
  readonly owner?: string;
  readonly branch?: string;
  readonly limit?: number;
}

const numberOrNull = (r: Row, key: string) =>
  r[key] === null || r[key] === undefined ? null : Number(r[key]);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * Alerts, highest priority (value at risk) first: the daily worklist of customers about to defect
 * with the reason and the value at stake. Reads the operational store alone — an alert carries its
 * customer, branch, reason and value at stake — so the worklist is the same whatever engine holds
 * the facts. Filters are bound parameters.
 *
 * @example
 * const todo = await listAlerts(engine, { owner: "sara", limit: 20 });
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
  const limit = options.limit === undefined ? "" : `LIMIT ${bind(Math.max(0, Math.trunc(options.limit)))}`;
  const rows = await engine.state.all({
    sql: `SELECT id, customer_id, CAST(created_at AS VARCHAR) AS created_at, status, rule, reason, value_at_stake,
        value_basis, priority, p_alive, owner, branch, assignee, state, CAST(closed_at AS VARCHAR) AS closed_at, closed_reason
      FROM alerts WHERE ${where.join(" AND ")} ORDER BY priority DESC NULLS LAST, created_at, id ${limit}`,
    params,
  });
  return rows.map((r) => ({
    id: String(r.id),
    customer_id: String(r.customer_id),
    created_at: String(r.created_at),
    status: String(r.status),
    rule: text(r.rule),
    reason: text(r.reason),
    value_at_stake: numberOrNull(r, "value_at_stake"),
    value_basis: text(r.value_basis),
    priority: numberOrNull(r, "priority"),
    p_alive: numberOrNull(r, "p_alive"),
    owner: text(r.owner),
    branch: text(r.branch),
    assignee: text(r.assignee),
    state: String(r.state),
    closed_at: text(r.closed_at),
    closed_reason: text(r.closed_reason),
  }));
}
