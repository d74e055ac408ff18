import { overview } from "@vafa/app";
import {
  parseProfitabilityDimension,
  runCohorts,
  runLifecycle,
  runProfitability,
  runRepurchaseCycle,
  runRetention,
} from "@vafa/core";
import { shareOfWallet } from "@vafa/duckdb";
import { z } from "zod";
import { defineRoute, type Route } from "../http/Route.ts";
import { measureOptions } from "../measureOptions.ts";
import { readSettings } from "../settings.ts";
import { defectionRules } from "./defectionRoutes.ts";

const measureQuery = z.object({
  period: z.string().optional(),
  calendar: z.string().optional(),
  fiscal_start: z.string().optional(),
  week_start: z.string().optional(),
  time_zone: z.string().optional(),
});

/** The headline report and the retention analyses on the engine, cached until the next load. */
export function reportRoutes(): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/overview",
      summary:
        "Headline figures: latest and previous complete period, customers, defection rate, CLV, value at risk",
      tag: "reports",
      access: "read",
      feature: "overview",
      query: measureQuery.pick({ period: true }),
      returns:
        "{ period, latest, previous, customers, active, defection_rate, defection_rate_source, statuses, clv_total, value_at_risk, targets }",
      handle: async ({ app, query }) => {
        const settings = await readSettings(app.state);
        const options = measureOptions(settings, query);
        const rules = await defectionRules(app);
        return app.cache.get(["overview", options, rules], () =>
          overview(app.engine, { retention: options, period: query.period ?? settings.period, rules }),
        );
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/retention",
      summary: "Raw, sales- and profit-adjusted retention per period (and group), as `vafa retention --json`",
      tag: "reports",
      access: "read",
      feature: "retention",
      query: measureQuery.extend({ by: z.string().optional() }),
      returns: "{ period, rows: RetentionRow[] }",
      handle: async ({ app, query }) => {
        const settings = await readSettings(app.state);
        const options = measureOptions(settings, query);
        const rows = await app.cache.get(["retention", options], () =>
          app.engine.session((e) => runRetention(e.facts, e.dialect, options)),
        );
        return { period: query.period ?? settings.period, rows };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/cohorts",
      summary: "Acquisition cohorts and the share still active k periods later",
      tag: "reports",
      access: "read",
      feature: "cohorts",
      query: measureQuery.extend({
        metric: z.enum(["count", "sales", "profit"]).default("count"),
        mode: z.enum(["on", "on-or-after"]).default("on"),
        relative_to: z.enum(["first", "previous"]).default("first"),
      }),
      returns: "{ cohorts, mean }",
      handle: async ({ app, query }) => {
        const { by: _by, ...options } = measureOptions(await readSettings(app.state), query);
        const full = { ...options, metric: query.metric, mode: query.mode, relativeTo: query.relative_to };
        return app.cache.get(["cohorts", full], () =>
          app.engine.session((e) => runCohorts(e.facts, e.dialect, full)),
        );
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/lifecycle",
      summary: "New, retained, resurrected and dormant customers per period",
      tag: "reports",
      access: "read",
      feature: "lifecycle",
      query: measureQuery,
      returns: "{ period, rows: LifecycleRow[] }",
      handle: async ({ app, query }) => {
        const settings = await readSettings(app.state);
        const options = measureOptions(settings, query);
        const rows = await app.cache.get(["lifecycle", options], () =>
          app.engine.session((e) => runLifecycle(e.facts, e.dialect, options)),
        );
        return { period: query.period ?? settings.period, rows };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/profitability",
      summary: "Customers, sales, cost, profit and acquisition cost for the base or per group",
      tag: "reports",
      access: "read",
      feature: "profitability",
      query: z.object({ by: z.string().optional(), margin: z.coerce.number().min(0).max(1).optional() }),
      returns: "Profitability (as `vafa profitability --json`)",
      handle: async ({ app, query }) => {
        const settings = await readSettings(app.state);
        const options = {
          by: query.by === undefined ? null : parseProfitabilityDimension(query.by),
          margin: query.margin ?? settings.margin,
        };
        return app.cache.get(["profitability", options], () =>
          app.engine.session((e) => runProfitability(e.facts, e.dialect, options)),
        );
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/share-of-wallet",
      summary: "Share of each customer's category spend that is ours, per segment",
      tag: "reports",
      access: "read",
      feature: "share-of-wallet",
      returns: "ShareOfWalletResult (as `vafa share-of-wallet --json`)",
      handle: async ({ app }) =>
        app.cache.get(["share-of-wallet"], () =>
          app.engine.session((e) => shareOfWallet(e.facts, { estimates: [] })),
        ),
    }),
    defineRoute({
      method: "get",
      path: "/api/repurchase-cycle",
      summary: "Distribution of customers' median days between purchases and the suggested period",
      tag: "reports",
      access: "read",
      feature: "repurchase-cycle",
      query: z.object({ time_zone: z.string().optional() }),
      returns: "RepurchaseCycle (as `vafa repurchase-cycle --json`)",
      handle: async ({ app, query }) => {
        const timeZone = query.time_zone ?? null;
        return app.cache.get(["repurchase-cycle", timeZone], () =>
          app.engine.session((e) => runRepurchaseCycle(e.facts, e.dialect, { timeZone })),
        );
      },
    }),
  ];
}
