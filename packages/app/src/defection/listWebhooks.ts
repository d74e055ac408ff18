import { type Engine, sql } from "@vafa/core";

/** A webhook subscriber as admins see it: never its secret. */
export interface WebhookRow {
  readonly id: string;
  readonly url: string;
  readonly active: boolean;
  readonly created_at: string;
  /** Its deliveries by state. */
  readonly pending: number;
  readonly delivered: number;
  readonly failed: number;
}

/**
 * The webhook subscribers of new alerts with their deliveries counted by state, oldest first, from
 * the operational store.
 *
 * @example
 * const hooks = await listWebhooks(engine); // [{ id, url, active: true, pending: 2, delivered: 40, failed: 0, … }]
 */
export async function listWebhooks(engine: Engine): Promise<WebhookRow[]> {
  const rows = await engine.state.all(
    sql(`SELECT w.id, w.url, w.active, CAST(w.created_at AS VARCHAR) AS created_at,
           count(d.id) FILTER (WHERE d.state = 'pending') AS pending,
           count(d.id) FILTER (WHERE d.state = 'delivered') AS delivered,
           count(d.id) FILTER (WHERE d.state = 'failed') AS failed
         FROM webhooks w LEFT JOIN webhook_deliveries d ON d.webhook_id = w.id
         GROUP BY w.id, w.url, w.active, w.created_at ORDER BY w.created_at, w.id`),
  );
  return rows.map((r) => ({
    id: String(r.id),
    url: String(r.url),
    active: Boolean(r.active),
    created_at: String(r.created_at),
    pending: Number(r.pending),
    delivered: Number(r.delivered),
    failed: Number(r.failed),
  }));
}
