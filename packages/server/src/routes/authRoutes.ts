import { z } from "zod";
import { audit } from "../audit.ts";
import { isKnownDevice, rememberDevice } from "../auth/deviceCookie.ts";
import { signedIn } from "../auth/Principal.ts";
import { hashPassword, verifyLogin } from "../auth/passwords.ts";
import { endSession, startSession } from "../auth/sessions.ts";
import { clientAddress } from "../http/clientAddress.ts";
import { HttpError } from "../http/HttpError.ts";
import { defineRoute, type Route } from "../http/Route.ts";
import type { User } from "../state/StateStore.ts";

/** A password policy that stops the obvious mistakes without annoying: 8 to 200 characters. */
export const passwordSchema = z.string().min(8).max(200);

const credentials = z.object({ email: z.email(), password: z.string().min(1).max(200) });

/** The user as `/api/me` and login show it. */
export function publicUser(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    branch: u.branch,
    locale: u.locale,
    calendar: u.calendar,
  };
}

/** Setup, login, logout and `me`. */
export function authRoutes(): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/setup",
      summary: "Whether the install still needs its first admin",
      tag: "auth",
      access: "public",
      feature: null,
      returns: "{ needsSetup: boolean }",
      handle: async ({ app }) => ({ needsSetup: (await app.state.countUsers()) === 0 }),
    }),
    defineRoute({
      method: "post",
      path: "/api/setup",
      summary: "Create the first admin (only while no user exists) and sign in",
      tag: "auth",
      access: "public",
      feature: null,
      body: z.object({ email: z.email(), password: passwordSchema, name: z.string().min(1).max(200) }),
      returns: "{ user, csrfToken }",
      handle: async ({ app, body, c }) => {
        if ((await app.state.countUsers()) > 0)
          throw new HttpError(409, "setup is done: an admin already exists");
        const user = await app.state.createUser(
          {
            email: body.email,
            name: body.name,
            role: "admin",
            branch: null,
            passwordHash: await hashPassword(body.password),
          },
          true,
        );
        if (user === null) throw new HttpError(409, "setup is done: an admin already exists");
        await audit(app, user, "setup", user.id);
        return { user: publicUser(user), csrfToken: await startSession(app, c, user) };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/login",
      summary: "Sign in with email and password; sets the vafa_session cookie",
      tag: "auth",
      access: "public",
      feature: null,
      body: credentials,
      returns: "{ user, csrfToken }",
      handle: async ({ app, body, c }) => {
        // Counted before the password is checked (parallel guesses cannot slip past the limit);
        // unknown accounts are counted and hashed exactly like known ones.
        const address = clientAddress(c, app.config.trustProxy);
        const admission = await app.limiter.admit({
          email: body.email,
          address,
          knownDevice: await isKnownDevice(app, c, body.email),
        });
        if (!admission.admitted) {
          c.header("Retry-After", String(Math.max(1, Math.ceil(admission.retryAfterMs / 1000))));
          throw new HttpError(429, `${admission.reason}; try again later`);
        }
        let ok = false;
        let found: Awaited<ReturnType<typeof app.state.findUserByEmail>> = null;
        try {
          found = await app.state.findUserByEmail(body.email);
          const verified = await verifyLogin(found?.passwordHash ?? null, body.password);
          ok = verified && found !== null && !found.user.disabled;
        } finally {
          if (!ok) app.limiter.failed(admission.ticket);
        }
        if (!ok || found === null) {
          await audit(app, null, "login.failed", null, { email: body.email.slice(0, 200), address });
          throw new HttpError(401, "wrong email or password");
        }
        await app.limiter.succeeded(admission.ticket);
        await audit(app, found.user, "login", found.user.id, { address });
        const csrfToken = await startSession(app, c, found.user);
        await rememberDevice(app, c, found.user.email);
        return { user: publicUser(found.user), csrfToken };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/logout",
      summary: "Sign out (ends the session)",
      tag: "auth",
      access: "self",
      feature: null,
      returns: "{ ok: true }",
      handle: async ({ app, c, principal }) => {
        await endSession(app, c);
        await audit(app, signedIn(principal).user, "logout", signedIn(principal).user.id);
        return { ok: true };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/me",
      summary: "The signed-in user and the session's CSRF token",
      tag: "auth",
      access: "read",
      feature: null,
      returns: "{ user: {id,email,name,role,branch,locale,calendar}, csrfToken }",
      handle: async ({ principal }) => {
        const p = signedIn(principal);
        return { user: publicUser(p.user), csrfToken: p.session?.csrfToken ?? null };
      },
    }),
  ];
}
