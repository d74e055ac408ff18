import { overview } from "@vafa/app";
import {
  parseProfitabilityDimension,
  type RetentionRow,
  runCohorts,
  runLifecycle,
  runProfitability,
  runRepurchaseCycle,
  runRetention,
  suppressRow,
  suppressSmallGroups,
} from "@vafa/core";
import { shareOfWallet } from "@vafa/duckdb";
import { z } from "zod";
import { signedIn } from "../auth/Principal.ts";
import { reportScope } from "../auth/reportScope.ts";
import { defineRoute, type Route } from "../http/Route.ts";
import { measureOptions } from "../measureOptions.ts";
import { readPrivacySettings } from "../privacySettings.ts";
import { readSettings } from "../settings.ts";
import { defectionRules } from "./defectionRoutes.ts";

const measureQuery = z.object({
  /** One branch's customers only (an agent's reports are always their own branch's). */
  branch: z.string().min(1).max(200).optional(),
  period: z.string().optional(),
  calendar: z.string().optional(),
  fiscal_start: z.string().optional(),
  week_start: z.string().optional(),
  time_zone: z.string().optional(),
});

/** Customers a retention row describes: those active at its start and those active in it. */
const rowSize = (r: { readonly active_start: number; readonly new: number; readonly resurrected: number }) =>
  r.active_start + r.new + r.resurrected;
const rowLabels: (keyof RetentionRow)[] = ["period", "group", "complete"];

/**
 * The headline report and the retention analyses on the engine, cached until the next load (keyed by
 * the branch they cover). The overview, retention, cohorts, lifecycle and profitability confine an
 * agent to their branch, and take `branch=` for the other roles; a branch-scoped answer shows each
 * group of fewer customers than the admin's minimum (`/api/settings/privacy`) as suppressed.
 */
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
      scope: "branch",
      query: measureQuery.pick({ period: true, branch: true }),
      returns:
        "{ period, latest, previous, customers, active, defection_rate, defection_rate_source, statuses, clv_total, value_at_risk, targets }",
      handle: async ({ app, query, principal }) => {
        const settings = await readSettings(app.state);
        const { branch: _branch, ...measure } = query;
        const options = measureOptions(settings, measure);
        const rules = await defectionRules(app);
        const branch = reportScope(signedIn(principal).user, query.branch);
        const scope = branch === undefined ? {} : { branch };
        const o = await app.cache.get(["overview", options, rules, scope], () =>
          overview(app.engine, {
            retention: options,
            period: query.period ?? settings.period,
            rules,
            ...scope,
          }),
        );
        if (branch === undefined) return o;
        const { min_group_size: min } = await readPrivacySettings(app.state);
        const small = (r: RetentionRow | null) => r !== null && rowSize(r) < min;
        return {
          ...o,
          latest: o.latest === null ? null : suppressRow(o.latest, small(o.latest), rowLabels),
          previous: o.previous === null ? null : suppressRow(o.previous, small(o.previous), rowLabels),
          active: small(o.latest) ? null : o.active,
          defection_rate: small(o.latest) ? null : o.defection_rate,
        };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/retention",
      summary: "Raw, sales- and profit-adjusted retention per period (and group), as `vafa retention --json`",
      tag: "reports",
      access: "read",
      feature: "retention",
      scope: "branch",
      query: measureQuery.extend({ by: z.string().optional() }),
      returns: "{ period, rows: RetentionRow[] } (branch-scoped rows carry `suppressed`)",
      handle: async ({ app, query, principal }) => {
        const settings = await readSettings(app.state);
        const branch = reportScope(signedIn(principal).user, query.branch);
        const options = { ...measureOptions(settings, query), ...(branch === undefined ? {} : { branch }) };
        const rows = await app.cache.get(["retention", options], () =>
          app.engine.session((e) => runRetention(e.facts, e.dialect, options)),
        );
        const period = query.period ?? settings.period;
        if (branch === undefined) return { period, rows };
        const { min_group_size: min } = await readPrivacySettings(app.state);
        return { period, rows: suppressSmallGroups(rows, rowSize, min, rowLabels) };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/cohorts",
      summary: "Acquisition cohorts and the share still active k periods later",
      tag: "reports",
      access: "read",
      feature: "cohorts",
      scope: "branch",
      query: measureQuery.extend({
        metric: z.enum(["count", "sales", "profit"]).default("count"),
        mode: z.enum(["on", "on-or-after"]).default("on"),
        relative_to: z.enum(["first", "previous"]).default("first"),
      }),
      returns: "{ cohorts, mean } (branch-scoped cohorts carry `suppressed`)",
      handle: async ({ app, query, principal }) => {
        const { by: _by, ...options } = measureOptions(await readSettings(app.state), query);
        const branch = reportScope(signedIn(principal).user, query.branch);
        const full = {
          ...options,
          metric: query.metric,
          mode: query.mode,
          relativeTo: query.relative_to,
          ...(branch === undefined ? {} : { branch }),
        };
        const table = await app.cache.get(["cohorts", full], () =>
          app.engine.session((e) => runCohorts(e.facts, e.dialect, full)),
        );
        if (branch === undefined) return table;
        const { min_group_size: min } = await readPrivacySettings(app.state);
        return { ...table, cohorts: suppressSmallGroups(table.cohorts, (c) => c.size, min, ["cohort"]) };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/lifecycle",
      summary: "New, retained, resurrected and dormant customers per period",
      tag: "reports",
      access: "read",
      feature: "lifecycle",
      scope: "branch",
      query: measureQuery,
      returns: "{ period, rows: LifecycleRow[] } (branch-scoped rows carry `suppressed`)",
      handle: async ({ app, query, principal }) => {
        const settings = await readSettings(app.state);
        const branch = reportScope(signedIn(principal).user, query.branch);
        const options = { ...measureOptions(settings, query), ...(branch === undefined ? {} : { branch }) };
        const rows = await app.cache.get(["lifecycle", options], () =>
          app.engine.session((e) => runLifecycle(e.facts, e.dialect, options)),
        );
        const period = query.period ?? settings.period;
        if (branch === undefined) return { period, rows };
        const { min_group_size: min } = await readPrivacySettings(app.state);
        const size = (r: (typeof rows)[number]) => r.retained + r.new + r.resurrected + r.dormant;
        return { period, rows: suppressSmallGroups(rows, size, min, ["period", "group", "complete"]) };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/profitability",
      summary: "Customers, sales, cost, profit and acquisition cost for the base or per group",
      tag: "reports",
      access: "read",
      feature: "profitability",
      scope: "branch",
      query: z.object({
        by: z.string().optional(),
        margin: z.coerce.number().min(0).max(1).optional(),
        branch: measureQuery.shape.branch,
      }),
      returns:
        "Profitability (as `vafa profitability --json`; branch-scoped rows and total carry `suppressed`)",
      handle: async ({ app, query, principal }) => {
        const settings = await readSettings(app.state);
        const branch = reportScope(signedIn(principal).user, query.branch);
        const options = {
          by: query.by === undefined ? null : parseProfitabilityDimension(query.by),
          margin: query.margin ?? settings.margin,
          ...(branch === undefined ? {} : { branch }),
        };
        const result = await app.cache.get(["profitability", options], () =>
          app.engine.session((e) => runProfitability(e.facts, e.dialect, options)),
        );
        if (branch === undefined) return result;
        const { min_group_size: min } = await readPrivacySettings(app.state);
        return {
          ...result,
          rows: suppressSmallGroups(result.rows, (r) => r.customers, min, ["group"]),
          total: suppressRow(result.total, result.total.customers < min, ["group"]),
        };
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
