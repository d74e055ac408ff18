import type { Row, SqlClient, SqlValue } from "@vafa/core";
import { sql } from "@vafa/core";
import type { AlertRow, Worklist } from "./Worklist.ts";

// The branch comes from a lookup per alert, not a join: a join would build a hash of every customer
// for each page of alerts.
const alertSelect = `SELECT a.id, a.customer_id, a.created_at, a.status, a.rule, a.reason, a.value_at_stake,
  a.priority, a.owner, a.state, (SELECT c.branch FROM customers c WHERE c.id = a.customer_id LIMIT 1) AS branch
  FROM alerts a`;

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

function toAlert(r: Row): AlertRow {
  return {
    id: String(r.id),
    customer_id: String(r.customer_id),
    created_at: String(r.created_at),
    status: String(r.status),
    rule: str(r.rule),
    reason: str(r.reason),
    value_at_stake: num(r.value_at_stake),
    priority: num(r.priority),
    owner: str(r.owner),
    state: String(r.state),
    branch: str(r.branch),
  };
}

/**
 * The worklist as plain SQL on the `alerts` and `contacts` tables of the canonical schema; all user
 * values are bound parameters.
 *
 * @example
 * const worklist = sqlWorklist(facts.client);
 * await worklist.list({ state: "open", limit: 50 });
 */
export function sqlWorklist(client: SqlClient): Worklist {
  const get = async (id: string) => {
    const [r] = await client.all(sql(`${alertSelect} WHERE a.id = $1`, [id]));
    return r ? toAlert(r) : null;
  };
  return {
    async list(filter) {
      const where: string[] = [];
      const params: SqlValue[] = [];
      const bind = (v: SqlValue) => {
        params.push(v);
        return `$${params.length}`;
      };
      if (filter.state !== undefined) where.push(`a.state = ${bind(filter.state)}`);
      if (filter.owner !== undefined) where.push(`a.owner = ${bind(filter.owner)}`);
      if (filter.scope) {
        const mine = filter.scope.owners.map((o) => `a.owner = ${bind(o)}`);
        if (filter.scope.branch !== null)
          mine.push(
            `a.customer_id IN (SELECT id FROM customers WHERE branch = ${bind(filter.scope.branch)})`,
          );
        where.push(mine.length > 0 ? `(${mine.join(" OR ")})` : "false");
      }
      const rows = await client.all(
        sql(
          `${alertSelect} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
           ORDER BY a.priority DESC NULLS LAST, a.value_at_stake DESC NULLS LAST, a.id LIMIT ${bind(filter.limit)}`,
          params,
        ),
      );
      return rows.map(toAlert);
    },
    get,
    async take(id, owner) {
      await client.run(
        sql("UPDATE alerts SET owner = $1, state = 'in_progress' WHERE id = $2 AND state <> 'closed'", [
          owner,
          id,
        ]),
      );
      return get(id);
    },
    async recordContact(id, contact) {
      const alert = await get(id);
      const contactId = crypto.randomUUID();
      const now = new Date().toISOString();
      await client.run(
        sql(
          `INSERT INTO contacts (id, customer_id, alert_id, occurred_at, channel, employee, outcome, exit_reason, note, follow_up_at)
           VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), 'worklist', $5, $6, $7, $8, CAST($9 AS TIMESTAMP))`,
          [
            contactId,
            alert?.customer_id ?? "",
            id,
            now,
            contact.employee,
            contact.outcome,
            contact.exitReason,
            contact.note,
            contact.followUpAt,
          ],
        ),
      );
      const closes = contact.outcome !== "unreachable";
      await client.run(
        sql(
          closes
            ? "UPDATE alerts SET state = 'closed', closed_at = CAST($2 AS TIMESTAMP) WHERE id = $1"
            : "UPDATE alerts SET state = 'in_progress' WHERE id = $1 AND state = 'open'",
          closes ? [id, now] : [id],
        ),
      );
      return { alert: await get(id), contactId };
    },
  };
}
