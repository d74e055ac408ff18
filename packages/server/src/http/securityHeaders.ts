import type { MiddlewareHandler } from "hono";
import { contentSecurityPolicy } from "./contentSecurityPolicy.ts";
import { requestIsHttps } from "./requestIsHttps.ts";

const defaultPolicy = contentSecurityPolicy();

/** HSTS sent on HTTPS responses: one year, subdomains included. */
export const hstsValue = "max-age=31536000; includeSubDomains";

/**
 * Middleware setting the security headers on every response — API answers, errors, `/docs`, static
 * dashboard files, 404s: `Content-Security-Policy` (a handler may set a stricter or page-specific one
 * first, which is kept), `X-Frame-Options: DENY` (with CSP `frame-ancestors 'none'`: no site can frame
 * the admin pages), `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`,
 * `Cross-Origin-Opener-Policy: same-origin`, and `Strict-Transport-Security` when the request came
 * over HTTPS (or `secureCookies` forces it). API answers also get `Cache-Control: no-store` unless
 * they chose their own.
 *
 * @example
 * hono.use("*", securityHeaders({ trustProxy: false, secureCookies: false }));
 */
export function securityHeaders(options: { trustProxy: boolean; secureCookies: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has("content-security-policy")) h.set("content-security-policy", defaultPolicy);
    h.set("x-frame-options", "DENY");
    h.set("x-content-type-options", "nosniff");
    h.set("referrer-policy", "no-referrer");
    h.set("cross-origin-opener-policy", "same-origin");
    if (c.req.path.startsWith("/api/") && !h.has("cache-control")) h.set("cache-control", "no-store");
    if (options.secureCookies || requestIsHttps(c, options.trustProxy))
      h.set("strict-transport-security", hstsValue);
  };
}
