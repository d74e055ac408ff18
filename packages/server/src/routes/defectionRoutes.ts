import {
  addWebhook,
  defectionBacktest,
  defectionRate,
  deliverWebhooks,
  listWebhooks,
  runDefection,
} from "@vafa/app";
import {
  type DefectionRules,
  defaultDefectionRules,
  LOCALES,
  type Locale,
  parseDefectionRules,
  parsePeriodArg,
} from "@vafa/core";
import { z } from "zod";
import type { AppContext } from "../AppContext.ts";
import { audit } from "../audit.ts";
import { signedIn } from "../auth/Principal.ts";
import { requireWritable } from "../http/guards.ts";
import { defineRoute, type Route } from "../http/Route.ts";
import { readSettings } from "../settings.ts";

/** The business's defection rules: the settings' `defection` document, or the built-in rules. */
export async function defectionRules(app: AppContext): Promise<DefectionRules> {
  const stored = (await readSettings(app.state)).defection;
  return Object.keys(stored).length === 0 ? defaultDefectionRules : parseDefectionRules(stored);
}

const days = (max: number) => z.coerce.number().int().min(1).max(max);

/** The defection early warning: runs, the defection rate, backtests and webhooks. */
export function defectionRoutes(): Route[] {
  return [
    defineRoute({
      method: "post",
      path: "/api/defection/run",
      summary:
        "Recompute every customer's defection status and raise alerts (a background job; the rules are the settings' `defection`)",
      tag: "defection",
      access: "manage",
      feature: "defection-run",
      body: z.object({
        as_of: z.iso.date().optional(),
        locale: z.enum(LOCALES as readonly [Locale, ...Locale[]]).optional(),
        max_alert_age_days: days(36_500).nullable().optional(),
      }),
      returns: "{ jobId } — the job's result is the run summary (statuses, changed, alertsCreated, …)",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        const rules = await defectionRules(app);
        await audit(app, user, "defection.run", body.as_of ?? null, body);
        const jobId = await app.jobs.start("defection", user.id, async (progress) => {
          progress(0.05);
          return runDefection(app.engine, {
            rules,
            ...(body.as_of !== undefined ? { asOf: body.as_of } : {}),
            ...(body.locale !== undefined ? { locale: body.locale } : {}),
            ...(body.max_alert_age_days !== undefined ? { maxAlertAgeDays: body.max_alert_age_days } : {}),
          });
        });
        return { jobId };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/defection/rate",
      summary:
        "Defection rate per complete period (with 95% interval, value lost, trend), overall or per branch or owner, and a ranking",
      tag: "defection",
      access: "read",
      feature: "defection-rate",
      query: z.object({
        period: z.string().default("month"),
        by: z.enum(["branch", "owner"]).optional(),
        periods: days(120).default(12),
        to: z.iso.date().optional(),
      }),
      returns:
        "{ by, rows: [{period, group, customersAtStart, defected, rate, low, high, valueLost, trend}], ranking, notes }",
      handle: async ({ app, query }) => {
        const rules = await defectionRules(app);
        const options = {
          rules,
          period: parsePeriodArg(query.period),
          by: query.by ?? null,
          periods: query.periods,
          ...(query.to !== undefined ? { to: query.to } : {}),
        };
        return app.cache.get(["defection-rate", options], () =>
          app.engine.session((s) => defectionRate(s, options)),
        );
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/defection/backtest",
      summary:
        "Run the rules on data up to as_of and score them against who bought nothing in the next `window` days, next to a naive silence rule",
      tag: "defection",
      access: "read",
      feature: "defection-backtest",
      query: z.object({
        as_of: z.iso.date(),
        window: days(3650),
        naive_days: days(3650).default(90),
        lookback: days(36_500).default(365),
      }),
      returns:
        "{ asOf, windowDays, windowEnd, customers, actualDefectors, rules, rulesDefectedOnly, naive, beatsNaive, model, notes }",
      handle: async ({ app, query }) => {
        const options = {
          rules: await defectionRules(app),
          asOf: query.as_of,
          windowDays: query.window,
          naiveDays: query.naive_days,
          lookbackDays: query.lookback,
        };
        return app.cache.get(["defection-backtest", options], () =>
          app.engine.session((s) => defectionBacktest(s, options)),
        );
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/webhooks",
      summary: "Webhook subscribers of new alerts (without their secrets) and their deliveries by state",
      tag: "defection",
      access: "admin",
      feature: "webhooks",
      returns: "{ rows: [{id, url, active, created_at, pending, delivered, failed}] }",
      handle: async ({ app }) => ({ rows: await listWebhooks(app.engine) }),
    }),
    defineRoute({
      method: "post",
      path: "/api/webhooks",
      summary: "Subscribe an http(s) URL to new alerts; deliveries are signed with HMAC-SHA256 of `secret`",
      tag: "defection",
      access: "admin",
      feature: "webhooks",
      body: z.object({ url: z.string().min(1).max(2000), secret: z.string().min(8).max(500) }),
      returns: "{ id, url }",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        const { id } = await addWebhook(app.engine, body);
        await audit(app, user, "webhook.add", id, { url: body.url });
        return { id, url: new URL(body.url).toString() };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/webhooks/deliver",
      summary: "One delivery pass over the due pending webhook deliveries (a background job)",
      tag: "defection",
      access: "admin",
      feature: "webhooks",
      returns: "{ jobId } — the job's result is { attempted, delivered, retrying, failed, pending }",
      handle: async ({ app, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        const jobId = await app.jobs.start("webhooks", user.id, () => deliverWebhooks(app.engine));
        return { jobId };
      },
    }),
  ];
}
