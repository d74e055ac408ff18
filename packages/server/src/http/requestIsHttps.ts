import type { Context } from "hono";

/**
 * Whether the browser reached us over HTTPS: the request URL's scheme (a TLS listener), or, behind a
 * trusted proxy, its `X-Forwarded-Proto` (the first value, set by the proxy the client talked to).
 * Decides `Secure` cookies and HSTS without the operator having to remember a flag.
 *
 * @example
 * requestIsHttps(c, true); // true behind nginx with `proxy_set_header X-Forwarded-Proto https`
 */
export function requestIsHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  if (!trustProxy) return false;
  const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}
