import { randomUUID } from "node:crypto";
import {
  DefectionError,
  defaultRetryPolicy,
  type Engine,
  type RetryPolicy,
  retryDelay,
  sql,
  timestampText,
  webhookSignature,
} from "@vafa/core";
import { checkOutboundTarget, outboundAllowlist } from "./outboundTarget.ts";

/**
 * Subscribes a URL to new alerts, in the operational store. Each delivery is signed with `secret`
 * (see `webhookSignature`).
 *
 * @throws DefectionError for a URL that is not http(s), a short secret, or a target refused by
 *   `checkOutboundTarget` (link-local or cloud-metadata addresses; hosts off the admin's allowlist).
 * @example
 * const { id } = await addWebhook(engine, { url: "https://crm.example.com/vafa", secret: "s3cret" });
 */
export async function addWebhook(
  engine: Engine,
  hook: { url: string; secret: string },
): Promise<{ id: string }> {
  const client = engine.state;
  let url: URL;
  try {
    url = new URL(hook.url);
  } catch {
    throw new DefectionError(`webhook URL "${hook.url}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new DefectionError(`webhook URL must be http or https, got ${url.protocol}`);
  }
  if (hook.secret.length < 8) throw new DefectionError("webhook secret must be at least 8 characters");
  await checkOutboundTarget(url, await outboundAllowlist(client));
  const id = randomUUID();
  await client.run(
    sql("INSERT INTO webhooks (id, url, secret, active, created_at) VALUES ($1, $2, $3, true, $4)", [
      id,
      url.toString(),
      hook.secret,
      timestampText(new Date()),
    ]),
  );
  return { id };
}

/** Options of `deliverWebhooks`. */
export interface DeliverOptions {
  readonly policy?: RetryPolicy;
  /** Per-request timeout in ms; default 10000. */
  readonly timeoutMs?: number;
  /** Most deliveries attempted in one pass; default 100. */
  readonly limit?: number;
  readonly now?: () => Date;
  readonly fetch?: typeof fetch;
}

/** What one pass did. */
export interface DeliveryPass {
  readonly attempted: number;
  readonly delivered: number;
  readonly retrying: number;
  readonly failed: number;
  /** Pending deliveries left (due later). */
  readonly pending: number;
}

/**
 * One pass of the delivery worker: POSTs every due pending delivery (oldest first) as JSON with
 * `X-Vafa-Timestamp` and `X-Vafa-Signature: sha256=<hex>`; a 2xx marks it delivered, anything else
 * (or a network error or timeout) schedules the next attempt with exponential back-off and jitter in
 * `next_attempt_at`, until `maxAttempts` marks it failed. State lives only in the operational store's
 * `webhook_deliveries` table, so a worker
 * killed mid-way resumes the pending deliveries when started again (a delivery whose 2xx arrived just
 * before the kill may be sent twice: receivers de-duplicate by the `X-Vafa-Delivery` id).
 *
 * @example
 * const pass = await deliverWebhooks(engine);
 */
export async function deliverWebhooks(engine: Engine, options: DeliverOptions = {}): Promise<DeliveryPass> {
  const client = engine.state;
  const policy = options.policy ?? defaultRetryPolicy;
  const now = options.now ?? (() => new Date());
  const post = options.fetch ?? fetch;
  const due = await client.all(
    sql(
      `SELECT d.id, d.payload, d.attempts, d.event, w.url, w.secret FROM webhook_deliveries d
       JOIN webhooks w ON w.id = d.webhook_id
       WHERE d.state = 'pending' AND d.next_attempt_at <= $1 ORDER BY d.next_attempt_at, d.created_at LIMIT $2`,
      [timestampText(now()), options.limit ?? 100],
    ),
  );
  let delivered = 0;
  let retrying = 0;
  let failed = 0;
  const allowHosts = due.length > 0 ? await outboundAllowlist(client) : null;
  for (const d of due) {
    const body = String(d.payload);
    // Checked before every attempt (DNS or the allowlist may have changed since the URL was saved):
    // a refused target fails at once, without a request and without retries.
    const refused = await checkOutboundTarget(new URL(String(d.url)), allowHosts).then(
      () => null,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    if (refused !== null) {
      failed++;
      await client.run(
        sql(
          "UPDATE webhook_deliveries SET state = 'failed', attempts = $1, last_status = NULL, last_error = $2 WHERE id = $3",
          [Number(d.attempts) + 1, refused, String(d.id)],
        ),
      );
      continue;
    }
    const timestamp = String(Math.floor(now().getTime() / 1000));
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await post(String(d.url), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "vafa-webhooks",
          "x-vafa-event": String(d.event),
          "x-vafa-delivery": String(d.id),
          "x-vafa-timestamp": timestamp,
          "x-vafa-signature": webhookSignature(String(d.secret), timestamp, body),
        },
        body,
        // A redirect is an answer, not an instruction: following it could reach a refused address.
        redirect: "manual",
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      status = response.status;
      await response.body?.cancel();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const attempts = Number(d.attempts) + 1;
    const at = now();
    if (status !== null && status >= 200 && status < 300) {
      delivered++;
      await client.run(
        sql(
          "UPDATE webhook_deliveries SET state = 'delivered', attempts = $1, last_status = $2, last_error = NULL, delivered_at = $3 WHERE id = $4",
          [attempts, status, timestampText(at), String(d.id)],
        ),
      );
      continue;
    }
    const give = attempts >= policy.maxAttempts;
    if (give) failed++;
    else retrying++;
    const next = new Date(at.getTime() + retryDelay(attempts, policy));
    await client.run(
      sql(
        "UPDATE webhook_deliveries SET state = $1, attempts = $2, last_status = $3, last_error = $4, next_attempt_at = $5 WHERE id = $6",
        [
          give ? "failed" : "pending",
          attempts,
          status,
          error ?? `HTTP ${status}`,
          timestampText(next),
          String(d.id),
        ],
      ),
    );
  }
  const [left] = await client.all(
    sql("SELECT count(*) AS n FROM webhook_deliveries WHERE state = 'pending'"),
  );
  return { attempted: due.length, delivered, retrying, failed, pending: Number(left?.n ?? 0) };
}
