import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext } from "../AppContext.ts";
import type { User } from "../state/StateStore.ts";
import type { Principal } from "./Principal.ts";
import { hashToken, randomToken } from "./secrets.ts";

/** The session cookie's name. */
export const sessionCookie = "vafa_session";

// Slide the expiry at most once a minute, so busy clients do not write the store on every request.
const slideEveryMs = 60_000;

function writeCookie(app: AppContext, c: Context, token: string) {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: app.config.secureCookies,
    maxAge: Math.max(1, Math.floor(app.config.sessionTtlMs / 1000)),
  });
}

/**
 * Signs `user` in: stores a new session (its token hashed), sets the HTTP-only cookie, and returns
 * the session's CSRF token for the client to echo in `X-CSRF-Token`.
 *
 * @example
 * const csrfToken = await startSession(app, c, user);
 */
export async function startSession(app: AppContext, c: Context, user: User): Promise<string> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = Date.now();
  await app.state.createSession({
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken,
    createdAt: now,
    expiresAt: now + app.config.sessionTtlMs,
  });
  writeCookie(app, c, token);
  return csrfToken;
}

/** Ends the caller's session, if any, and clears the cookie. */
export async function endSession(app: AppContext, c: Context): Promise<void> {
  const token = getCookie(c, sessionCookie);
  if (token !== undefined) await app.state.deleteSession(hashToken(token));
  deleteCookie(c, sessionCookie, { path: "/" });
}

/**
 * Who is calling: an `Authorization: Bearer vafa_…` API token, else the session cookie (expired
 * sessions are deleted; live ones slide forward). Disabled users are nobody.
 */
export async function resolvePrincipal(app: AppContext, c: Context): Promise<Principal | null> {
  const auth = c.req.header("authorization");
  if (auth?.startsWith("Bearer ")) {
    const userId = await app.state.findApiToken(hashToken(auth.slice(7).trim()));
    const user = userId === null ? null : await app.state.getUser(userId);
    return user && !user.disabled ? { user, via: "token", session: null } : null;
  }
  const token = getCookie(c, sessionCookie);
  if (token === undefined) return null;
  const tokenHash = hashToken(token);
  const session = await app.state.getSession(tokenHash);
  if (session === null) return null;
  const now = Date.now();
  if (session.expiresAt <= now) {
    await app.state.deleteSession(tokenHash);
    return null;
  }
  const user = await app.state.getUser(session.userId);
  if (user === null || user.disabled) return null;
  const expiresAt = now + app.config.sessionTtlMs;
  if (expiresAt - session.expiresAt >= Math.min(slideEveryMs, app.config.sessionTtlMs / 2)) {
    await app.state.extendSession(tokenHash, expiresAt);
    writeCookie(app, c, token);
  }
  return { user, via: "session", session: { ...session, expiresAt } };
}
