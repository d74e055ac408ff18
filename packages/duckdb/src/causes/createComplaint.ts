import { randomUUID } from "node:crypto";
import { CausesError, type SqlClient, sql, timestampText, toEpochDay } from "@vafa/core";

/** A new complaint. */
export interface NewComplaint {
  readonly customerId: string;
  /** What it is about ("late_delivery", "billing_error", …); lower-cased, the driver analysis groups on it. */
  readonly category: string;
  /** "YYYY-MM-DD" or an ISO timestamp; default now. */
  readonly occurredAt?: string;
  readonly channel?: string;
  readonly severity?: string;
  readonly employee?: string;
  readonly branch?: string;
  readonly text?: string;
  /** Default a new UUID. */
  readonly id?: string;
  readonly now?: Date;
}

/**
 * Records a complaint with status `open` (for the API and `vafa complaints add`; files go through
 * `ingestFiles(client, { kind: "complaints", … })`).
 *
 * @throws CausesError for an empty customer or category, or an unreadable date.
 * @example
 * const id = await createComplaint(store.client, { customerId: "17850", category: "late_delivery", text: "3 days late" });
 */
export async function createComplaint(client: SqlClient, complaint: NewComplaint): Promise<string> {
  const customerId = complaint.customerId.trim();
  const category = complaint.category.trim().toLowerCase();
  if (customerId === "" || category === "")
    throw new CausesError("a complaint needs a customer and a category");
  const now = complaint.now ?? new Date();
  let occurred = timestampText(now);
  if (complaint.occurredAt !== undefined) {
    const at = complaint.occurredAt.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(at)) {
      toEpochDay(at);
      occurred = at;
    } else if (Number.isFinite(Date.parse(at))) occurred = timestampText(new Date(at));
    else
      throw new CausesError(`complaint date "${complaint.occurredAt}" is not YYYY-MM-DD or an ISO timestamp`);
  }
  const id = complaint.id ?? randomUUID();
  await client.run(
    sql(
      `INSERT INTO complaints (id, customer_id, occurred_at, channel, category, severity, employee, branch, status, text, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10)`,
      [
        id,
        customerId,
        occurred,
        complaint.channel ?? null,
        category,
        complaint.severity ?? null,
        complaint.employee ?? null,
        complaint.branch ?? null,
        complaint.text ?? null,
        timestampText(now),
      ],
    ),
  );
  return id;
}
