import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { AppContext } from "../AppContext.ts";
import { requestIsHttps } from "../http/requestIsHttps.ts";
import { hashToken, randomToken } from "./secrets.ts";

/** The device cookie's name: sent only to the login route. */
export const deviceCookie = "vafa_device";

/** How long a browser stays a known device of an account after its last sign-in: 180 days. */
export const deviceTtlMs = 180 * 24 * 60 * 60_000;

const deviceKey = (email: string, token: string) =>
  `login:device:${email.trim().toLowerCase()}:${hashToken(token)}`;

/**
 * Whether this browser signed in to `email` before (within 180 days): its `vafa_device` cookie is
 * remembered in the state store for that account. Known devices pass the per-account and overall
 * login limits, so a distributed attack cannot lock the user out of the devices they use.
 *
 * @example
 * const known = await isKnownDevice(app, c, body.email);
 */
export async function isKnownDevice(app: AppContext, c: Context, email: string): Promise<boolean> {
  const token = getCookie(c, deviceCookie);
  if (token === undefined || token.length > 200) return false;
  return (await app.state.readCounter(deviceKey(email, token), Date.now())) > 0;
}

/**
 * After a successful sign-in: remembers this browser as a device of `email` (reusing its cookie, or
 * setting a new HTTP-only one scoped to `/api/login`).
 */
export async function rememberDevice(app: AppContext, c: Context, email: string): Promise<void> {
  const existing = getCookie(c, deviceCookie);
  const token = existing !== undefined && existing.length <= 200 ? existing : randomToken();
  const key = deviceKey(email, token);
  await app.state.deleteCounter(key);
  await app.state.incrementCounter(key, deviceTtlMs, Date.now());
  setCookie(c, deviceCookie, token, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/api/login",
    secure: app.config.secureCookies || requestIsHttps(c, app.config.trustProxy),
    maxAge: Math.floor(deviceTtlMs / 1000),
  });
}
