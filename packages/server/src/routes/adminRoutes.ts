import { outboundSettingKey } from "@vafa/app";
import { z } from "zod";
import { audit } from "../audit.ts";
import { signedIn } from "../auth/Principal.ts";
import { hashPassword } from "../auth/passwords.ts";
import { hashToken, randomToken } from "../auth/secrets.ts";
import { revokeUserSessions } from "../auth/sessions.ts";
import { HttpError } from "../http/HttpError.ts";
import { defineRoute, type Route } from "../http/Route.ts";
import { privacySettingKey, privacySettingsSchema, readPrivacySettings } from "../privacySettings.ts";
import { readSettings, settingsKey, settingsSchema } from "../settings.ts";
import { ROLES, type UserPatch } from "../state/StateStore.ts";
import { passwordSchema, publicUser } from "./authRoutes.ts";

/** Settings, users, API tokens and the audit log. */
export function adminRoutes(): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/settings",
      summary: "The application settings (every role reads them: they set the reports' defaults)",
      tag: "admin",
      access: "read",
      feature: null,
      returns: "{ period, calendar, fiscal_start, week_start, time_zone, margin, activity, defection }",
      handle: async ({ app }) => readSettings(app.state),
    }),
    defineRoute({
      method: "put",
      path: "/api/settings",
      summary: "Replace the application settings",
      tag: "admin",
      access: "admin",
      feature: null,
      body: settingsSchema,
      returns: "the saved settings",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        await app.state.putSetting(settingsKey, body, user.id, Date.now());
        await audit(app, user, "settings.update", settingsKey, body);
        app.cache.clear();
        return body;
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/settings/outbound",
      summary:
        "The allowlist of hosts outgoing requests (webhooks) may reach; empty: any but link-local and metadata",
      tag: "admin",
      access: "admin",
      feature: null,
      returns: "{ allowed_hosts: string[] }",
      handle: async ({ app }) => {
        const stored = (await app.state.getSetting(outboundSettingKey)) as { allowed_hosts?: unknown } | null;
        const hosts = Array.isArray(stored?.allowed_hosts) ? stored.allowed_hosts : [];
        return { allowed_hosts: hosts.filter((h): h is string => typeof h === "string") };
      },
    }),
    defineRoute({
      method: "put",
      path: "/api/settings/outbound",
      summary:
        "Limit outgoing requests (webhooks) to these hosts (`crm.example.com`, or `*.example.com` for its subdomains); [] lifts the limit",
      tag: "admin",
      access: "admin",
      feature: null,
      body: z
        .object({
          allowed_hosts: z
            .array(
              z
                .string()
                .min(1)
                .max(253)
                .regex(/^(\*\.)?[A-Za-z0-9.:[\]-]+$/, "a host name, an IP address, or *.domain"),
            )
            .max(200),
        })
        .strict(),
      returns: "{ allowed_hosts }",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        await app.state.putSetting(outboundSettingKey, body, user.id, Date.now());
        await audit(app, user, "settings.outbound", outboundSettingKey, body);
        return body;
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/settings/privacy",
      summary:
        "The smallest group of customers a branch-scoped report shows as figures (smaller groups are suppressed)",
      tag: "admin",
      access: "admin",
      feature: null,
      returns: "{ min_group_size }",
      handle: async ({ app }) => readPrivacySettings(app.state),
    }),
    defineRoute({
      method: "put",
      path: "/api/settings/privacy",
      summary:
        "Set the smallest group of customers a branch-scoped report shows as figures (default 5; 1 shows every group)",
      tag: "admin",
      access: "admin",
      feature: null,
      body: privacySettingsSchema,
      returns: "{ min_group_size }",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        await app.state.putSetting(privacySettingKey, body, user.id, Date.now());
        await audit(app, user, "settings.privacy", privacySettingKey, body);
        return body;
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/users",
      summary: "All users",
      tag: "admin",
      access: "admin",
      feature: null,
      returns: "{ rows: User[] }",
      handle: async ({ app }) => ({
        rows: (await app.state.listUsers()).map((u) => ({ ...publicUser(u), disabled: u.disabled })),
      }),
    }),
    defineRoute({
      method: "post",
      path: "/api/users",
      summary: "Create a user",
      tag: "admin",
      access: "admin",
      feature: null,
      body: z.object({
        email: z.email(),
        password: passwordSchema,
        name: z.string().min(1).max(200),
        role: z.enum(ROLES),
        branch: z.string().min(1).nullable().optional(),
        locale: z.string().nullable().optional(),
        calendar: z.enum(["gregorian", "persian", "islamic"]).nullable().optional(),
      }),
      returns: "{ user }",
      handle: async ({ app, body, principal }) => {
        const { user: actor } = signedIn(principal);
        if ((await app.state.findUserByEmail(body.email)) !== null)
          throw new HttpError(409, `a user ${body.email} already exists`);
        const user = await app.state.createUser({
          email: body.email,
          name: body.name,
          role: body.role,
          branch: body.branch ?? null,
          locale: body.locale ?? null,
          calendar: body.calendar ?? null,
          passwordHash: await hashPassword(body.password),
        });
        if (user === null) throw new HttpError(500, "the user was not created");
        await audit(app, actor, "user.create", user.id, {
          email: user.email,
          role: user.role,
          branch: user.branch,
        });
        return { user: publicUser(user) };
      },
    }),
    defineRoute({
      method: "patch",
      path: "/api/users/:id",
      summary: "Change a user's name, role, branch, password, locale, calendar or disabled flag",
      tag: "admin",
      access: "admin",
      feature: null,
      params: z.object({ id: z.string().min(1) }),
      body: z
        .object({
          name: z.string().min(1).max(200).nullable(),
          role: z.enum(ROLES),
          branch: z.string().min(1).nullable(),
          password: passwordSchema,
          locale: z.string().nullable(),
          calendar: z.enum(["gregorian", "persian", "islamic"]).nullable(),
          disabled: z.boolean(),
        })
        .partial()
        .strict(),
      returns: "{ user }",
      handle: async ({ app, params, body, principal }) => {
        const { user: actor, session } = signedIn(principal);
        const before = await app.state.getUser(params.id);
        const { password, ...rest } = body;
        const patch: UserPatch = {
          ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
          ...(password !== undefined ? { passwordHash: await hashPassword(password) } : {}),
        };
        const user = await app.state.updateUser(params.id, patch);
        if (user === null || before === null) throw new HttpError(404, `no user ${params.id}`);
        // New powers, a new branch or a new password take effect now: the user's open sessions end
        // (the admin's own, when editing themself, stays).
        const powersChanged =
          password !== undefined ||
          user.role !== before.role ||
          user.branch !== before.branch ||
          user.disabled !== before.disabled;
        const sessionsEnded = powersChanged
          ? await revokeUserSessions(app, user.id, user.id === actor.id ? session?.tokenHash : undefined)
          : 0;
        await audit(app, actor, "user.update", user.id, {
          ...rest,
          ...(password ? { password: "changed" } : {}),
          ...(sessionsEnded > 0 ? { sessions_ended: sessionsEnded } : {}),
        });
        return { user: { ...publicUser(user), disabled: user.disabled } };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/tokens",
      summary: "Create an API token acting as you (shown once; send as Authorization: Bearer)",
      tag: "admin",
      access: "admin",
      feature: null,
      body: z.object({ name: z.string().min(1).max(200) }),
      returns: "{ token }",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        const token = randomToken("vafa_");
        const id = crypto.randomUUID();
        await app.state.createApiToken({
          id,
          userId: user.id,
          name: body.name,
          tokenHash: hashToken(token),
          createdAt: Date.now(),
        });
        await audit(app, user, "token.create", id, { name: body.name });
        return { token };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/audit",
      summary: "The audit log, newest first: who did what to which target, and when",
      tag: "admin",
      access: "admin",
      feature: null,
      query: z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(100) }),
      returns: "{ rows: [{id, at, actor_id, actor_email, action, target, details}] }",
      handle: async ({ app, query }) => ({
        rows: (await app.state.listAudit(query.limit)).map((e) => ({
          id: e.id,
          at: new Date(e.occurredAt).toISOString(),
          actor_id: e.actorId,
          actor_email: e.actorEmail,
          action: e.action,
          target: e.target,
          details: e.details,
        })),
      }),
    }),
  ];
}
