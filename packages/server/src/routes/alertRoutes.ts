import { CONTACT_OUTCOMES, DEFAULT_EXIT_REASONS } from "@vafa/core";
import { z } from "zod";
import type { AppContext } from "../AppContext.ts";
import { audit } from "../audit.ts";
import { branchScope } from "../auth/branchScope.ts";
import { type Principal, signedIn } from "../auth/Principal.ts";
import { HttpError } from "../http/HttpError.ts";
import { defineRoute, type Route } from "../http/Route.ts";
import type { AlertRow } from "../worklist/Worklist.ts";

const idParams = z.object({ id: z.string().min(1) });

/** The alert, if the caller may work it: agents only their own or their branch's. */
async function workable(app: AppContext, principal: Principal, id: string): Promise<AlertRow> {
  if (app.readOnly) throw new HttpError(409, "the facts file is open read-only in this mode");
  const alert = await app.worklist.get(id);
  if (alert === null) throw new HttpError(404, `no alert ${id}`);
  const { user } = principal;
  const scope = branchScope(user);
  if (
    scope !== undefined &&
    alert.owner !== user.id &&
    alert.owner !== user.email &&
    alert.account_owner !== user.id &&
    alert.account_owner !== user.email &&
    (scope === null || alert.branch !== scope)
  )
    throw new HttpError(403, "this alert is outside your branch");
  return alert;
}

/** The worklist: list alerts, take one, record a contact, close one. */
export function alertRoutes(): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/alerts",
      summary: "Defection alerts by priority; agents see their own and their branch's",
      tag: "worklist",
      access: "read",
      feature: "worklist",
      scope: "branch",
      query: z.object({
        state: z.enum(["open", "in_progress", "closed", "active"]).optional(),
        owner: z.string().optional(),
        status: z.string().max(40).optional(),
        branch: z.string().max(200).optional(),
        min_priority: z.coerce.number().optional(),
        q: z.string().max(200).optional(),
        mine_first: z.enum(["true", "false"]).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      returns:
        "{ rows: [{id, customer_id, created_at, status, rule, reason, value_at_stake, value_basis, priority, p_alive, owner (who works it), account_owner, state, closed_at, closed_reason, branch}], total }",
      handle: async ({ app, query, principal }) => {
        const { user } = signedIn(principal);
        const scope = branchScope(user);
        // The worklist changes only through this server (takes, contacts, closes, runs and loads,
        // which all clear the cache), so a page is computed once per change, not per request.
        const filter = {
          limit: query.limit,
          ...(query.state !== undefined ? { state: query.state } : {}),
          ...(query.owner !== undefined ? { owner: query.owner } : {}),
          ...(query.status !== undefined ? { status: query.status } : {}),
          ...(query.branch !== undefined ? { branch: query.branch } : {}),
          ...(query.min_priority !== undefined ? { minPriority: query.min_priority } : {}),
          ...(query.q !== undefined && query.q !== "" ? { search: query.q } : {}),
          ...(query.offset > 0 ? { offset: query.offset } : {}),
          ...(query.mine_first === "true"
            ? { first: { owners: [user.id, user.email], branch: user.branch ?? null } }
            : {}),
          ...(scope !== undefined ? { scope: { branch: scope, owners: [user.id, user.email] } } : {}),
        };
        const rows = await app.cache.get(["alerts", filter], () => app.worklist.list(filter));
        const count = app.worklist.count?.bind(app.worklist);
        const total =
          count === undefined
            ? rows.length
            : await app.cache.get(["alerts", "count", filter], () => count(filter));
        return { rows, total };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/alerts/:id/take",
      summary: "Take an alert: it becomes yours and in progress",
      tag: "worklist",
      access: "work_alerts",
      feature: "worklist",
      params: idParams,
      returns: "{ alert }",
      handle: async ({ app, params, principal }) => {
        const p = signedIn(principal);
        const before = await workable(app, p, params.id);
        if (before.state === "closed") throw new HttpError(409, "this alert is closed");
        const alert = await app.worklist.take(params.id, p.user.id);
        // Taking changes who works it, not the value at risk: only the worklist pages go.
        app.cache.forget("alerts");
        await audit(app, p.user, "alert.take", params.id);
        return { alert };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/alerts/:id/contacts",
      summary: "Record a contact on an alert; any outcome but unreachable closes it",
      tag: "worklist",
      access: "work_alerts",
      feature: "worklist",
      params: idParams,
      body: z.object({
        outcome: z.enum(CONTACT_OUTCOMES),
        exit_reason: z
          .string()
          .refine((v) => DEFAULT_EXIT_REASONS.includes(v), {
            message: `one of ${DEFAULT_EXIT_REASONS.join(", ")}`,
          })
          .optional(),
        note: z.string().max(5000).optional(),
        // A day; a timestamp is accepted and cut to its day.
        follow_up_at: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      }),
      returns: "{ alert, contactId }",
      handle: async ({ app, params, body, principal }) => {
        const p = signedIn(principal);
        await workable(app, p, params.id);
        const result = await app.worklist.recordContact(params.id, {
          outcome: body.outcome,
          exitReason: body.exit_reason ?? null,
          note: body.note ?? null,
          followUpAt: body.follow_up_at ?? null,
          employee: p.user.id,
        });
        await audit(app, p.user, "alert.contact", params.id, {
          outcome: body.outcome,
          exit_reason: body.exit_reason,
        });
        app.cache.clear();
        return result;
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/alerts/:id/close",
      summary: "Close an alert without a contact, with a reason (e.g. duplicate, not_worth_retaining)",
      tag: "worklist",
      access: "work_alerts",
      feature: "worklist",
      params: idParams,
      body: z.object({ reason: z.string().trim().min(1).max(200) }),
      returns: "{ alert }",
      handle: async ({ app, params, body, principal }) => {
        const p = signedIn(principal);
        const before = await workable(app, p, params.id);
        if (before.state === "closed") throw new HttpError(409, "this alert is closed");
        const alert = await app.worklist.close(params.id, body.reason);
        await audit(app, p.user, "alert.close", params.id, { reason: body.reason });
        app.cache.clear();
        return { alert };
      },
    }),
  ];
}
