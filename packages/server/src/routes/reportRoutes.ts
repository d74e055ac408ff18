import { duckdbDialect, parseProfitabilityDimension } from "@vafa/core";
import {
  cohorts,
  defectionRate,
  lifecycle,
  profitability,
  repurchaseCycle,
  retention,
  shareOfWallet,
} from "@vafa/duckdb";
import { z } from "zod";
import type { AppContext } from "../AppContext.ts";
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

/** One number from a one-row aggregate, or null when the table is missing or the value is null. */
async function scalar(app: AppContext, table: string, text: string): Promise<number | null> {
  if (!app.facts.hasTable(table)) return null;
  const [row] = await app.facts.client.all({ sql: text, params: [] });
  const v = row?.v;
  return v === null || v === undefined ? null : Number(v);
}

/**
 * The defection figures once `vafa defection run` (or `POST /api/defection/run`) has written
 * statuses: the customers per status, and the defection rules' rate over the latest complete
 * period. Null before any run (the overview then falls back to retention's churn).
 */
async function defectionFigures(app: AppContext, options: ReturnType<typeof measureOptions>) {
  if (!app.facts.hasTable("customer_status")) return null;
  const rows = await app.facts.client.all({
    sql: "SELECT status, count(*) AS n FROM customer_status GROUP BY status",
    params: [],
  });
  if (rows.length === 0) return null;
  const statuses: Record<string, number> = { active: 0, at_risk: 0, defected: 0, reactivated: 0 };
  for (const r of rows) statuses[String(r.status)] = Number(r.n);
  const rules = await defectionRules(app);
  const report = await app.facts.use((c) => defectionRate(c, { rules, period: options.period, periods: 1 }));
  const latest = report.rows.find((r) => r.group === null) ?? null;
  return { statuses, rate: latest?.rate ?? null, period: latest?.period ?? null };
}

/** The headline report and the library's retention analyses, cached until the next load. */
export function reportRoutes(): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/overview",
      summary:
        "Headline figures: latest and previous complete period, customers, defection rate, CLV, value at risk",
      tag: "reports",
      access: "read",
      query: measureQuery.pick({ period: true }),
      returns:
        "{ period, latest, previous, customers, active, defection_rate, defection_rate_source, statuses, clv_total, value_at_risk, targets }",
      handle: async ({ app, query }) => {
        const settings = await readSettings(app.state);
        const options = measureOptions(settings, query);
        const period = query.period ?? settings.period;
        return app.cache.get(["overview", options], async () => {
          const rows = await app.facts.use((c) => retention(c, duckdbDialect, options));
          // The headline is the last period the data covers whole; an open period would understate it.
          const complete = rows.filter((r) => r.complete);
          const latest = complete.at(-1) ?? null;
          const previous = complete.at(-2) ?? null;
          // Value at risk is the defection library's: the value at stake of the open worklist.
          const [customers, clvTotal, valueAtRisk, defection] = await Promise.all([
            scalar(app, "customers", "SELECT count(*) AS v FROM customers"),
            scalar(app, "customer_scores", "SELECT sum(clv) AS v FROM customer_scores"),
            scalar(
              app,
              "alerts",
              "SELECT sum(value_at_stake) AS v FROM alerts WHERE state IN ('open', 'in_progress')",
            ),
            defectionFigures(app, options),
          ]);
          const targets = app.facts.hasTable("targets")
            ? await app.facts.client.all({ sql: "SELECT * FROM targets ORDER BY deadline, id", params: [] })
            : [];
          return {
            period,
            latest,
            previous,
            customers: customers ?? 0,
            active: latest === null ? 0 : latest.retained + latest.new + latest.resurrected,
            defection_rate: defection !== null ? defection.rate : (latest?.churn ?? null),
            defection_rate_source: defection !== null ? "defection" : "retention",
            statuses: defection?.statuses ?? null,
            clv_total: clvTotal,
            value_at_risk: valueAtRisk,
            targets,
          };
        });
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/retention",
      summary: "Raw, sales- and profit-adjusted retention per period (and group), as `vafa retention --json`",
      tag: "reports",
      access: "read",
      query: measureQuery.extend({ by: z.string().optional() }),
      returns: "{ period, rows: RetentionRow[] }",
      handle: async ({ app, query }) => {
        const settings = await readSettings(app.state);
        const options = measureOptions(settings, query);
        const rows = await app.cache.get(["retention", options], () =>
          app.facts.use((c) => retention(c, duckdbDialect, options)),
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
      query: measureQuery.extend({
        metric: z.enum(["count", "sales", "profit"]).default("count"),
        mode: z.enum(["on", "on-or-after"]).default("on"),
        relative_to: z.enum(["first", "previous"]).default("first"),
      }),
      returns: "{ cohorts, mean }",
      handle: async ({ app, query }) => {
        const { by: _by, ...options } = measureOptions(await readSettings(app.state), query);
        const full = { ...options, metric: query.metric, mode: query.mode, relativeTo: query.relative_to };
        return app.cache.get(["cohorts", full], () => app.facts.use((c) => cohorts(c, duckdbDialect, full)));
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/lifecycle",
      summary: "New, retained, resurrected and dormant customers per period",
      tag: "reports",
      access: "read",
      query: measureQuery,
      returns: "{ period, rows: LifecycleRow[] }",
      handle: async ({ app, query }) => {
        const settings = await readSettings(app.state);
        const options = measureOptions(settings, query);
        const rows = await app.cache.get(["lifecycle", options], () =>
          app.facts.use((c) => lifecycle(c, duckdbDialect, options)),
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
      query: z.object({ by: z.string().optional(), margin: z.coerce.number().min(0).max(1).optional() }),
      returns: "Profitability (as `vafa profitability --json`)",
      handle: async ({ app, query }) => {
        const settings = await readSettings(app.state);
        const options = {
          by: query.by === undefined ? null : parseProfitabilityDimension(query.by),
          margin: query.margin ?? settings.margin,
        };
        return app.cache.get(["profitability", options], () =>
          app.facts.use((c) => profitability(c, options)),
        );
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/share-of-wallet",
      summary: "Share of each customer's category spend that is ours, per segment",
      tag: "reports",
      access: "read",
      returns: "ShareOfWalletResult (as `vafa share-of-wallet --json`)",
      handle: async ({ app }) =>
        app.cache.get(["share-of-wallet"], () => app.facts.use((c) => shareOfWallet(c, { estimates: [] }))),
    }),
    defineRoute({
      method: "get",
      path: "/api/repurchase-cycle",
      summary: "Distribution of customers' median days between purchases and the suggested period",
      tag: "reports",
      access: "read",
      query: z.object({ time_zone: z.string().optional() }),
      returns: "RepurchaseCycle (as `vafa repurchase-cycle --json`)",
      handle: async ({ app, query }) => {
        const timeZone = query.time_zone ?? null;
        return app.cache.get(["repurchase-cycle", timeZone], () =>
          app.facts.use((c) => repurchaseCycle(c, { timeZone })),
        );
      },
    }),
  ];
}
