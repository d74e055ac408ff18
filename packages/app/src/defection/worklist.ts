import { randomUUID } from "node:crypto";
import {
  type ContactOutcome,
  DEFAULT_EXIT_REASONS,
  DefectionError,
  type Engine,
  parseExitReason,
  type SqlClient,
  sql,
  timestampText,
  toEpochDay,
} from "@vafa/core";
import { inTransaction } from "./inTransaction.ts";

/** The alert's customer, state and assignee, from the operational store. */
async function alertOf(
  client: SqlClient,
  alertId: string,
): Promise<{ customerId: string; state: string; assignee: string | null }> {
  const [row] = await client.all(
    sql("SELECT customer_id, state, assignee FROM alerts WHERE id = $1", [alertId]),
  );
  if (row === undefined) throw new DefectionError(`no alert ${alertId}`);
  return {
    customerId: String(row.customer_id),
    state: String(row.state),
    assignee: row.assignee === null || row.assignee === undefined ? null : String(row.assignee),
  };
}

/**
 * Takes an open alert: it moves to `in_progress`, assigned to `user`. Taking an alert already in
 * progress reassigns it; a closed alert cannot be taken. Writes the operational store only.
 *
 * @throws DefectionError for an unknown or closed alert.
 * @example
 * await takeAlert(engine, alertId, "sara");
 */
export async function takeAlert(
  engine: Engine,
  alertId: string,
  user: string,
  now: Date = new Date(),
): Promise<void> {
  const client = engine.state;
  const alert = await alertOf(client, alertId);
  if (alert.state === "closed") throw new DefectionError(`alert ${alertId} is closed`);
  await client.run(
    sql("UPDATE alerts SET state = 'in_progress', assignee = $1, taken_at = $2 WHERE id = $3", [
      user,
      timestampText(now),
      alertId,
    ]),
  );
}

/**
 * Closes an alert with a reason (an outcome, or e.g. "duplicate").
 *
 * @throws DefectionError for an unknown alert.
 * @example
 * await closeAlert(engine, alertId, "saved");
 */
export async function closeAlert(
  engine: Engine,
  alertId: string,
  reason: string,
  now: Date = new Date(),
): Promise<void> {
  const client = engine.state;
  await alertOf(client, alertId);
  await client.run(
    sql(
      "UPDATE alerts SET state = 'closed', closed_at = $1, closed_reason = $2 WHERE id = $3 AND state <> 'closed'",
      [timestampText(now), reason, alertId],
    ),
  );
}

/** A contact attempt on an alert. */
export interface ContactRecord {
  readonly alertId: string;
  readonly outcome: ContactOutcome;
  /** From the taxonomy (default `DEFAULT_EXIT_REASONS`); free text goes in `note`. */
  readonly exitReason?: string;
  readonly note?: string;
  /** "YYYY-MM-DD": when to try again (an unreachable customer, a promise to call back). */
  readonly followUp?: string;
  /** Who made the contact; default the alert's assignee. */
  readonly employee?: string;
  readonly channel?: string;
  readonly exitReasons?: readonly string[];
  readonly now?: Date;
}

/**
 * Records a contact attempt in `contacts` and moves the alert on: `unreachable` leaves it in
 * progress (with the follow-up date), any other outcome closes it with that outcome as the reason.
 * Both writes are one transaction of the operational store.
 *
 * @throws DefectionError for an unknown or closed alert, or an exit reason outside the taxonomy.
 * @example
 * await recordContact(engine, { alertId, outcome: "lost", exitReason: "price", note: "found it 20% cheaper" });
 */
export async function recordContact(
  engine: Engine,
  record: ContactRecord,
): Promise<{ contactId: string; state: string }> {
  return engine.session((session) => writeContact(session.state, record));
}

async function writeContact(
  client: SqlClient,
  record: ContactRecord,
): Promise<{ contactId: string; state: string }> {
  const alert = await alertOf(client, record.alertId);
  if (alert.state === "closed") throw new DefectionError(`alert ${record.alertId} is closed`);
  const reason =
    record.exitReason === undefined
      ? null
      : parseExitReason(record.exitReason, record.exitReasons ?? DEFAULT_EXIT_REASONS);
  if (record.followUp !== undefined) toEpochDay(record.followUp);
  const now = record.now ?? new Date();
  const contactId = randomUUID();
  const state = record.outcome === "unreachable" ? "in_progress" : "closed";
  const employee = record.employee ?? alert.assignee;
  await inTransaction(client, async () => {
    await client.run(
      sql(
        `INSERT INTO contacts (id, customer_id, alert_id, occurred_at, channel, employee, outcome, exit_reason, note, follow_up_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          contactId,
          alert.customerId,
          record.alertId,
          timestampText(now),
          record.channel ?? null,
          employee,
          record.outcome,
          reason,
          record.note ?? null,
          record.followUp ?? null,
        ],
      ),
    );
    await client.run(
      sql(
        `UPDATE alerts SET state = $1, assignee = coalesce(assignee, $2),
           closed_at = CASE WHEN $1 = 'closed' THEN CAST($3 AS TIMESTAMP) END,
           closed_reason = CASE WHEN $1 = 'closed' THEN $4 END WHERE id = $5`,
        [state, employee, timestampText(now), record.outcome, record.alertId],
      ),
    );
  });
  return { contactId, state };
}
