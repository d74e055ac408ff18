import { CausesError, type ComplaintStatus, type SqlClient, sql, timestampText } from "@vafa/core";

/** A status change of a complaint. */
export interface ComplaintUpdate {
  readonly status: ComplaintStatus;
  /** How it was resolved (kept when not given). */
  readonly resolution?: string;
  readonly assignee?: string;
  readonly now?: Date;
}

/**
 * Moves a complaint on: `in_progress`, `resolved` or `closed` (or back to `open`). Resolving or
 * closing sets `resolved_at` to now unless it is already set, so the resolution time counts from
 * the complaint to its first resolution; reopening clears it.
 *
 * @throws CausesError for an unknown complaint.
 * @example
 * await updateComplaint(store.client, id, { status: "resolved", resolution: "refunded the delivery fee" });
 */
export async function updateComplaint(client: SqlClient, id: string, update: ComplaintUpdate): Promise<void> {
  const [row] = await client.all(sql("SELECT count(*) AS n FROM complaints WHERE id = $1", [id]));
  if (Number(row?.n ?? 0) === 0) throw new CausesError(`no complaint ${id}`);
  const now = timestampText(update.now ?? new Date());
  const done = update.status === "resolved" || update.status === "closed";
  await client.run(
    sql(
      `UPDATE complaints SET status = $1,
         resolved_at = CASE WHEN $2 THEN coalesce(resolved_at, CAST($3 AS TIMESTAMP)) WHEN $1 = 'open' THEN NULL ELSE resolved_at END,
         resolution = coalesce($4, resolution), assignee = coalesce($5, assignee), updated_at = CAST($3 AS TIMESTAMP)
       WHERE id = $6`,
      [update.status, done, now, update.resolution ?? null, update.assignee ?? null, id],
    ),
  );
}
