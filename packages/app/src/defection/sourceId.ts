import { createHash } from "node:crypto";

/**
 * An id derived from the rows a record comes from, not drawn at random: the alert raised for a
 * customer's status change is `sourceId("alert", customer, status, since)`, its delivery to a webhook
 * `sourceId("delivery", webhook, alert)`. A defection run repeated after it wrote its alerts but not
 * its statuses (the two live in different stores) raises the same ids, and the operational store
 * keeps the first (`ON CONFLICT (id) DO NOTHING`). UUID-shaped, from SHA-256 of the parts.
 *
 * @example
 * sourceId("alert", "17850", "at_risk", "2011-09-01"); // the same UUID-shaped text on every run
 */
export function sourceId(kind: string, ...parts: readonly string[]): string {
  const h = createHash("sha256")
    .update([kind, ...parts].join("\u0000"))
    .digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
