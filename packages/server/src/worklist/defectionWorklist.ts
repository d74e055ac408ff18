import {
  closeAlert,
  type AlertRow as LibraryAlertRow,
  listAlerts,
  recordContact,
  takeAlert,
} from "@vafa/app";
import { ALERT_STATES, type Engine, type Row, type SqlValue, sql } from "@vafa/core";
import type { AlertFilter, AlertRow, Worklist } from "./Worklist.ts";

// The library's columns; the ORDER BY … LIMIT reads the alerts table alone (it is small).
const columns = `id, customer_id, CAST(created_at AS VARCHAR) AS created_at, status, rule, reason, value_at_stake,
  value_basis, priority, p_alive, owner, branch, assignee, state, CAST(closed_at AS VARCHAR) AS closed_at, closed_reason`;
const order = "ORDER BY priority DESC NULLS LAST, created_at, id";

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function fromRow(r: Row): LibraryAlertRow {
  return {
    id: String(r.id),
    customer_id: String(r.customer_id),
    created_at: String(r.created_at),
    status: String(r.status),
    rule: text(r.rule),
    reason: text(r.reason),
    value_at_stake: num(r.value_at_stake),
    value_basis: text(r.value_basis),
    priority: num(r.priority),
    p_alive: num(r.p_alive),
    owner: text(r.owner),
    branch: text(r.branch),
    assignee: text(r.assignee),
    state: String(r.state),
    closed_at: text(r.closed_at),
    closed_reason: text(r.closed_reason),
  };
}

/** The library's row as the API shows it: `owner` is who works it, `account_owner` the customer's. */
function toApi(a: LibraryAlertRow, branch: string | null = a.branch): AlertRow {
  return {
    id: a.id,
    customer_id: a.customer_id,
    created_at: a.created_at,
    status: a.status,
    rule: a.rule,
    reason: a.reason,
    value_at_stake: a.value_at_stake,
    value_basis: a.value_basis,
    priority: a.priority,
    p_alive: a.p_alive,
    owner: a.assignee,
    account_owner: a.owner,
    state: a.state,
    closed_at: a.closed_at,
    closed_reason: a.closed_reason,
    branch,
  };
}

/** The WHERE terms of a listing (bound parameters), shared by the page and its count. */
function whereOf(filter: AlertFilter) {
  const params: SqlValue[] = [];
  const bind = (v: SqlValue) => {
    params.push(v);
    return `$${params.length}`;
  };
  // "active": the working states (open and in progress).
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
    where.push(`lower(customer_id) LIKE ${bind(`%${filter.search.toLowerCase().replace(/[%_\\]/g, "")}%`)}`);
  const scope = filter.scope;
  if (scope !== undefined) {
    const mine = scope.owners.flatMap((o) => [`assignee = ${bind(o)}`, `owner = ${bind(o)}`]);
    if (scope.branch !== null) {
      const b = bind(scope.branch);
      mine.push(
        `branch = ${b}`,
        `(branch IS NULL AND customer_id IN (SELECT id FROM customers WHERE branch = ${b}))`,
      );
    }
    where.push(mine.length > 0 ? `(${mine.join(" OR ")})` : "false");
  }
  return { where, params, bind };
}

/**
 * The worklist over the defection library. Listing without an agent's scope or an assignee filter
 * is `listAlerts` itself; the agent's "mine or my branch" and the assignee filter are one query on
 * the alerts table with the library's columns and order. Branches come from the alert (written by
 * `runDefection`); only alerts without one (raised before the branch column existed) fall back to
 * the customer's, and only for agents — for the filter and for the page's rows, never per alert of
 * the whole table. Contacts run on one pinned connection, since the library wraps them in a
 * transaction.
 *
 * @example
 * const worklist = defectionWorklist(engine);
 * await worklist.list({ state: "open", limit: 50 });
 */
export function defectionWorklist(engine: Engine): Worklist {
  // Alerts live in the operational store, whatever engine holds the facts.
  const client = engine.state;
  const customerBranches = async (ids: readonly string[]): Promise<Map<string, string | null>> => {
    if (ids.length === 0) return new Map();
    const rows = await client.all(
      sql(`SELECT id, branch FROM customers WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(", ")})`, [
        ...ids,
      ]),
    );
    return new Map(rows.map((r) => [String(r.id), text(r.branch)]));
  };
  const get = async (id: string): Promise<AlertRow | null> => {
    const [r] = await client.all(sql(`SELECT ${columns} FROM alerts WHERE id = $1`, [id]));
    if (r === undefined) return null;
    const alert = fromRow(r);
    if (alert.branch !== null) return toApi(alert);
    const branches = await customerBranches([alert.customer_id]);
    return toApi(alert, branches.get(alert.customer_id) ?? null);
  };
  return {
    async list(filter) {
      const states = filter.state === undefined ? [...ALERT_STATES] : [filter.state];
      const plain =
        filter.scope === undefined &&
        filter.owner === undefined &&
        filter.status === undefined &&
        filter.branch === undefined &&
        filter.minPriority === undefined &&
        filter.search === undefined &&
        filter.first === undefined &&
        (filter.offset ?? 0) === 0;
      if (plain && filter.state !== "active")
        return (await listAlerts(engine, { states, limit: filter.limit })).map((a) => toApi(a));
      const { where, params, bind } = whereOf(filter);
      let orderBy = order;
      if (filter.first !== undefined) {
        const mine = filter.first.owners.flatMap((o) => [`assignee = ${bind(o)}`, `owner = ${bind(o)}`]);
        const rank = [`WHEN ${mine.length > 0 ? mine.join(" OR ") : "false"} THEN 0`];
        if (filter.first.branch !== null) rank.push(`WHEN branch = ${bind(filter.first.branch)} THEN 1`);
        orderBy = `ORDER BY CASE ${rank.join(" ")} ELSE 2 END, priority DESC NULLS LAST, created_at, id`;
      }
      const rows = (
        await client.all(
          sql(
            `SELECT ${columns} FROM alerts WHERE ${where.join(" AND ")} ${orderBy} LIMIT ${bind(filter.limit)} OFFSET ${bind(filter.offset ?? 0)}`,
            params,
          ),
        )
      ).map(fromRow);
      if (filter.scope === undefined) return rows.map((a) => toApi(a));
      const missing = [...new Set(rows.filter((a) => a.branch === null).map((a) => a.customer_id))];
      const branches = await customerBranches(missing);
      return rows.map((a) => toApi(a, a.branch ?? branches.get(a.customer_id) ?? null));
    },
    async count(filter) {
      const { where, params } = whereOf(filter);
      const [r] = await client.all(
        sql(`SELECT count(*) AS n FROM alerts WHERE ${where.join(" AND ")}`, params),
      );
      return Number(r?.n ?? 0);
    },
    get,
    async take(id, owner) {
      await takeAlert(engine, id, owner);
      return get(id);
    },
    async recordContact(id, contact) {
      // One transaction in one session of the engine (recordContact opens it).
      const { contactId } = await recordContact(engine, {
        alertId: id,
        outcome: contact.outcome,
        employee: contact.employee,
        channel: "worklist",
        ...(contact.exitReason !== null ? { exitReason: contact.exitReason } : {}),
        ...(contact.note !== null ? { note: contact.note } : {}),
        ...(contact.followUpAt !== null ? { followUp: contact.followUpAt.slice(0, 10) } : {}),
      });
      return { alert: await get(id), contactId };
    },
    async close(id, reason) {
      await closeAlert(engine, id, reason);
      return get(id);
    },
  };
}
