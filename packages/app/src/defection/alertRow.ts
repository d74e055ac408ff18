import type { Row } from "@vafa/core";

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

/** The columns of `AlertRow`, as every store reads them (times as text). */
export const ALERT_ROW_COLUMNS = `id, customer_id, CAST(created_at AS VARCHAR) AS created_at, status, rule, reason,
  value_at_stake, value_basis, priority, p_alive, owner, branch, assignee, state,
  CAST(closed_at AS VARCHAR) AS closed_at, closed_reason`;

const numberOrNull = (r: Row, key: string) =>
  r[key] === null || r[key] === undefined ? null : Number(r[key]);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** A row of `ALERT_ROW_COLUMNS` as an `AlertRow`. */
export function toAlertRow(r: Row): AlertRow {
  return {
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
  };
}
