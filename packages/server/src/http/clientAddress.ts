import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The caller's network address, for the login limits and the audit trail. Without `trustProxy` it
 * is the socket's peer address (a client cannot forge it). With `trustProxy` it is the last entry of
 * `X-Forwarded-For` — the one the trusted proxy appended; earlier entries are the client's own
 * claims. Default "unknown" when neither is available (e.g. `app.request` in tests).
 *
 * @example
 * clientAddress(c, false); // "127.0.0.1"
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    const last = forwarded?.split(",").at(-1)?.trim();
    if (last !== undefined && last !== "") return last;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
