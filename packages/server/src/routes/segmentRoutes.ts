import {
  clusters,
  defineSegment,
  deleteSegment,
  getSegment,
  listSegments,
  requireCustomerInBranch,
  rfm,
  segmentMemberPage,
  segmentMembers,
  type TargetsOptions,
  targets,
} from "@vafa/app";
import {
  type BasketLevel,
  parseProfitabilityDimension,
  runBasketRules,
  suppressRow,
  suppressSmallGroups,
} from "@vafa/core";
import { recommend } from "@vafa/duckdb";
import { z } from "zod";
import type { AppContext } from "../AppContext.ts";
import { audit } from "../audit.ts";
import { branchScope } from "../auth/branchScope.ts";
import { signedIn } from "../auth/Principal.ts";
import { reportScope } from "../auth/reportScope.ts";
import { requireWritable } from "../http/guards.ts";
import { HttpError } from "../http/HttpError.ts";
import { defineRoute, type Route } from "../http/Route.ts";
import { readPrivacySettings } from "../privacySettings.ts";

const nameParams = z.object({ name: z.string().regex(/^[\w.-]{1,100}$/, "letters, digits, _ . -") });
const fraction = z.coerce.number().min(0).max(1);

/** The mined rules for these options, cached until the next load. */
function minedRules(
  app: AppContext,
  options: { minSupport: number; minConfidence: number; maxLength: number; level: BasketLevel },
) {
  return app.cache.get(["basket-rules", options], () =>
    app.engine.session((s) => runBasketRules(s.facts, s.dialect, options)),
  );
}

/** Segments (saved rules, RFM, target customers, clusters), basket rules and recommendations. */
export function segmentRoutes(): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/segments",
      summary: "Saved segments",
      tag: "segments",
      access: "read",
      feature: "segments-saved",
      returns: "{ rows: [{name, rule, description, created_at}] }",
      handle: async ({ app }) => ({ rows: await listSegments(app.engine) }),
    }),
    defineRoute({
      method: "post",
      path: "/api/segments",
      summary:
        "Save a named rule (replacing one of the same name); a rule that does not parse answers 400 with the parser's message and position",
      tag: "segments",
      access: "analyse",
      feature: "segments-saved",
      body: z.object({
        name: nameParams.shape.name,
        rule: z.string().min(1).max(10_000),
        description: z.string().max(2000).nullable().optional(),
      }),
      returns: "{ segment, customers }",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        const segment = await defineSegment(app.engine, body.name, body.rule, body.description ?? null);
        const customers = (await segmentMembers(app.engine, body.name)).length;
        await audit(app, user, "segment.define", body.name, { rule: body.rule });
        return { segment, customers };
      },
    }),
    defineRoute({
      method: "delete",
      path: "/api/segments/:name",
      summary: "Delete a saved segment",
      tag: "segments",
      access: "analyse",
      feature: "segments-saved",
      params: nameParams,
      returns: "{ deleted }",
      handle: async ({ app, params, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        if (!(await deleteSegment(app.engine, params.name)))
          throw new HttpError(404, `no saved segment "${params.name}"`);
        await audit(app, user, "segment.delete", params.name);
        return { deleted: params.name };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/segments/:name/members",
      summary: "The customers of a saved segment (agents: their branch's)",
      tag: "segments",
      access: "read",
      feature: "segments-saved",
      scope: "branch",
      params: nameParams,
      query: z.object({
        limit: z.coerce.number().int().min(1).max(10_000).default(100),
        as_of: z.iso.date().optional(),
      }),
      returns: "{ segment, customers, ids }",
      handle: async ({ app, params, query, principal }) => {
        const scope = branchScope(signedIn(principal).user);
        const segment = await getSegment(app.engine, params.name);
        if (segment === null) throw new HttpError(404, `no saved segment "${params.name}"`);
        // An agent (scope) sees its branch's members; an agent without a branch sees none.
        const page =
          scope === null
            ? { customers: 0, ids: [] }
            : await app.engine.session((s) =>
                segmentMemberPage(s, params.name, {
                  limit: query.limit,
                  asOf: query.as_of ?? null,
                  ...(scope !== undefined ? { branch: scope } : {}),
                }),
              );
        return { segment, ...page };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/segments/rfm",
      summary:
        "Recency, frequency and monetary scores and the named RFM segments' sizes and value; with `compare`, the movement between segments",
      tag: "segments",
      access: "read",
      feature: "segments-rfm",
      query: z.object({
        as_of: z.iso.date().optional(),
        compare: z.iso.date().optional(),
        bins: z.coerce.number().int().min(2).max(10).default(5),
      }),
      returns: "{ asOf, customers, segments, transitions? }",
      handle: async ({ app, query }) => {
        const options = { asOf: query.as_of ?? null, compare: query.compare ?? null, bins: query.bins };
        return app.cache.get(["rfm", options], () => app.engine.session((s) => rfm(s, options)));
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/segments/targets",
      summary:
        "Target-customer analysis: size, share, sales, profit, CLV and growth per group (RFM segments by default, `by=segments` for the saved ones, or a customer attribute)",
      tag: "segments",
      access: "read",
      feature: "segments-targets",
      scope: "branch",
      query: z.object({
        by: z.string().optional(),
        period_days: z.coerce.number().int().min(1).max(3650).default(90),
        branch: z.string().min(1).max(200).optional(),
      }),
      returns: "{ by, periodDays, rows, total } (branch-scoped rows and total carry `suppressed`)",
      handle: async ({ app, query, principal }) => {
        let by: TargetsOptions["by"] = { kind: "rfm" };
        if (query.by === "segments") by = { kind: "segments" };
        else if (query.by !== undefined && query.by !== "rfm") {
          const dimension = parseProfitabilityDimension(query.by);
          if (dimension.scope !== "customer")
            throw new HttpError(400, `by takes a customer attribute, rfm or segments, not ${query.by}`);
          by = { kind: "dimension", dimension };
        }
        const branch = reportScope(signedIn(principal).user, query.branch);
        const options = { by, periodDays: query.period_days, ...(branch === undefined ? {} : { branch }) };
        const result = await app.cache.get(["targets", options], () =>
          app.engine.session((s) => targets(s, options)),
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
      path: "/api/segments/clusters",
      summary:
        "k-means on standardised recency, frequency, log spend, tenure and returns share; k suggested by silhouette when not given",
      tag: "segments",
      access: "read",
      feature: "segments-clusters",
      query: z.object({
        k: z.coerce.number().int().min(2).max(20).optional(),
        seed: z.coerce.number().int().min(1).default(1),
      }),
      returns: "{ k, suggested, candidates, clusters }",
      handle: async ({ app, query }) => {
        const options = { k: query.k ?? null, seed: query.seed };
        const result = await app.cache.get(["clusters", options], () =>
          app.engine.session((s) => clusters(s, options)),
        );
        // Every customer's cluster is too much for a page; the CLI leaves it out of --json as well.
        const { members: _members, ...shown } = result;
        return shown;
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/baskets/rules",
      summary:
        "Association rules over baskets (FP-growth): support, confidence and lift, strongest lift first",
      tag: "segments",
      access: "read",
      feature: "baskets",
      query: z.object({
        min_support: fraction.default(0.01),
        min_confidence: fraction.default(0.3),
        max_length: z.coerce.number().int().min(2).max(6).default(3),
        level: z.enum(["product", "category"]).default("product"),
        limit: z.coerce.number().int().min(1).max(1000).default(20),
      }),
      returns: "{ baskets, frequentItems, itemsets, level, rules, totalRules }",
      handle: async ({ app, query }) => {
        const result = await minedRules(app, {
          minSupport: query.min_support,
          minConfidence: query.min_confidence,
          maxLength: query.max_length,
          level: query.level,
        });
        return { ...result, rules: result.rules.slice(0, query.limit), totalRules: result.rules.length };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/recommend/:customerId",
      summary:
        "Next best products for a customer, from rules whose 'if' they bought and whose 'then' they have not (agents: their branch's customers)",
      tag: "segments",
      access: "read",
      feature: "recommend",
      scope: "branch",
      params: z.object({ customerId: z.string().min(1) }),
      query: z.object({
        limit: z.coerce.number().int().min(1).max(100).default(10),
        min_support: fraction.default(0.01),
        min_confidence: fraction.default(0.3),
      }),
      returns: "{ customer, bought, recommendations: [{item, label, score, confidence, lift, rule}] }",
      handle: async ({ app, params, query, principal }) => {
        await requireCustomerInBranch(
          app.engine,
          params.customerId,
          branchScope(signedIn(principal).user),
          true,
        );
        const rules = await minedRules(app, {
          minSupport: query.min_support,
          minConfidence: query.min_confidence,
          maxLength: 3,
          level: "product",
        });
        return app.engine.session((s) =>
          recommend(s.facts, params.customerId, { rules, limit: query.limit }),
        );
      },
    }),
  ];
}
