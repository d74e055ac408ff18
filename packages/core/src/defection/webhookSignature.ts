import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The `X-Vafa-Signature` header value of a webhook delivery: `sha256=` and the hex HMAC-SHA256, keyed
 * by the subscriber's secret, of `"<timestamp>.<body>"` — the timestamp (Unix seconds, also sent as
 * `X-Vafa-Timestamp`) is signed so a captured request cannot be replayed later with a new one.
 *
 * @example
 * webhookSignature("s3cret", "1700000000", '{"event":"alert.created"}'); // "sha256=5f…"
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * Checks a received signature in constant time, as a subscriber would.
 *
 * @example
 * verifyWebhookSignature("s3cret", req.headers["x-vafa-timestamp"], body, req.headers["x-vafa-signature"]);
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
