import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppContext } from "../AppContext.ts";
import { requestIsHttps } from "../http/requestIsHttps.ts";
import type { User } from "../state/StateStore.ts";
import type { Principal } from "./Principal.ts";
import { SlideGuard } from "./SlideGuard.ts";
import { hashToken, randomToken } from "./secrets.ts";

/** The session cookie's name. */
export const sessionCookie = "vafa_session";

// Slide the expiry at most once a minute, so busy clients do not write the store on every request.
const slideEveryMs = 60_000;

// Per store (so per server), the sessions this process slid and when: one request per session and
// interval writes, the others in flight read on.
const slides = new WeakMap<object, SlideGuard>();

function writeCookie(app: AppContext, c: Context, token: string) {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: app.config.secureCookies || requestIsHttps(c, app.config.trustProxy),
    maxAge: Math.max(1, Math.floor(app.config.sessionTtlMs / 1000)),
  });
}

/**
 * Slides a live session's expiry, at most once per interval per process (an in-memory claim taken
 * before the write, so 50 requests in flight on one session make one UPDATE, not 50), with a
 * conditional UPDATE that never moves an expiry back. A write conflict (another process sliding the
 * same row) is not the reader's problem: the session is valid either way, so it is swallowed, and
 * the next interval slides again.
 */
async function slide(app: AppContext, c: Context, token: string, tokenHash: string, storedExpiry: number) {
  const now = Date.now();
  const every = Math.min(slideEveryMs, app.config.sessionTtlMs / 2);
  const expiresAt = now + app.config.sessionTtlMs;
  if (expiresAt - storedExpiry < every) return storedExpiry;
  let guard = slides.get(app.state);
  if (guard === undefined) {
    guard = new SlideGuard();
    slides.set(app.state, guard);
  }
  if (!guard.claim(tokenHash, now, every)) return storedExpiry;
  try {
    await app.state.extendSession(tokenHash, expiresAt);
    writeCookie(app, c, token);
    return expiresAt;
  } catch (error) {
    guard.release(tokenHash);
    console.warn(`session slide skipped: ${(error as Error).message}`);
    return storedExpiry;
  }
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
    // Several requests may find it expired at once; whichever deletes it, it is gone for all.
    await app.state.deleteSession(tokenHash).catch(() => {});
    return null;
  }
  const user = await app.state.getUser(session.userId);
  if (user === null || user.disabled) return null;
  const expiresAt = await slide(app, c, token, tokenHash, session.expiresAt);
  return { user, via: "session", session: { ...session, expiresAt } };
}

/**
 * Ends every session of `userId` after its password, role, branch or disabled flag changed, so
 * nobody keeps the old powers in an open tab; `keep` spares the caller's own session (an admin
 * editing their own account stays signed in). Returns how many sessions ended.
 *
 * @example
 * await revokeUserSessions(app, user.id, principal.session?.tokenHash);
 */
export function revokeUserSessions(app: AppContext, userId: string, keep?: string): Promise<number> {
  return app.state.deleteUserSessions(userId, keep);
}
