import { ProgrammeError, RETENTION_CLASSES, type RetentionClass, suppressSmallGroups } from "@vafa/core";
import {
  assignMembers,
  classifyStore,
  createCampaign,
  createTarget,
  evaluateCampaign,
  exportMembersCsv,
  getCampaign,
  getTarget,
  listCampaigns,
  listTargets,
  programmeEconomics,
  programmeView,
  targetProgressFor,
} from "@vafa/duckdb";
import { z } from "zod";
import type { AppContext } from "../AppContext.ts";
import { audit } from "../audit.ts";
import { signedIn } from "../auth/Principal.ts";
import { reportScope } from "../auth/reportScope.ts";
import { requireWritable } from "../http/guards.ts";
import { HttpError } from "../http/HttpError.ts";
import { defineRoute, type Route } from "../http/Route.ts";
import { readPrivacySettings } from "../privacySettings.ts";

const idParams = z.object({ id: z.string().min(1).max(64) });
const share = z.coerce.number().min(0).max(1);
const money = z.coerce.number().min(0);
const margin = { margin: share.optional() };

/** 404 for a campaign that does not exist (the library says so with a ProgrammeError). */
async function requireCampaign(app: AppContext, id: string): Promise<void> {
  try {
    await getCampaign(app.engine.state, id);
  } catch (error) {
    if (error instanceof ProgrammeError) throw new HttpError(404, `no campaign "${id}"`);
    throw error;
  }
}

/** The retention programme: whom to retain, targets, campaigns with control groups, evaluation, economics. */
export function programmeRoutes(): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/programme/classify",
      summary:
        "Whom to retain: customers in retain_and_grow, retain, maintain_at_low_cost or let_go on value × risk, with flags and the reason; highest value first (agents: their branch's)",
      tag: "programme",
      access: "read",
      feature: "programme",
      scope: "branch",
      query: z.object({
        branch: z.string().min(1).max(200).optional(),
        class: z.enum(RETENTION_CLASSES as readonly [RetentionClass, ...RetentionClass[]]).optional(),
        as_of: z.iso.date().optional(),
        limit: z.coerce.number().int().min(1).max(100_000).default(100),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      returns:
        "{ asOf, thresholds, counts, flagCounts, customers: [{customerId, class, value, flags, explanation, …}], total, notes }",
      handle: async ({ app, query, principal }) => {
        // Scoped, only the branch's customers are classified (cut-offs and counts are the branch's);
        // its counts are not suppressed, since the route lists those same customers one by one.
        const branch = reportScope(signedIn(principal).user, query.branch);
        const options = {
          ...(query.as_of === undefined ? {} : { asOf: query.as_of }),
          ...(branch === undefined ? {} : { branch }),
        };
        const report = await app.cache.get(["programme-classify", options], () =>
          app.engine.session((s) => classifyStore(s.facts, options)),
        );
        const customers = report.customers
          .filter((c) => query.class === undefined || c.class === query.class)
          .sort((a, b) => b.value - a.value);
        const { notes, ...head } = report;
        return {
          ...head,
          customers: customers.slice(query.offset, query.offset + query.limit),
          total: customers.length,
          notes,
        };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/programme/targets",
      summary: "Retention targets",
      tag: "programme",
      access: "read",
      feature: "programme",
      returns: "{ rows: [{id, name, metric, scope, baseline, goal, period, startsAt, deadline, …}] }",
      handle: async ({ app }) => ({ rows: await listTargets(app.engine.state) }),
    }),
    defineRoute({
      method: "post",
      path: "/api/programme/targets",
      summary:
        "Create a target: a metric in a scope moved from a baseline (default measured in the last complete period before the start) to a goal by a deadline",
      tag: "programme",
      access: "manage",
      feature: "programme",
      body: z.object({
        metric: z.string().min(1).max(100),
        goal: z.number().finite(),
        deadline: z.iso.date(),
        scope: z.string().min(1).max(2000).default("all"),
        baseline: z.number().finite().nullable().optional(),
        start: z.iso.date().optional(),
        period: z.string().min(1).max(20).default("month"),
        name: z.string().min(1).max(200).nullable().optional(),
        id: z
          .string()
          .regex(/^[\w.-]{1,64}$/, "letters, digits, _ . -")
          .optional(),
        margin: z.number().min(0).max(1).optional(),
      }),
      returns: "{ target }",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        const target = await createTarget(app.engine.state, {
          metric: body.metric,
          goal: body.goal,
          deadline: body.deadline,
          scope: body.scope,
          period: body.period,
          ...(body.baseline === undefined ? {} : { baseline: body.baseline }),
          ...(body.start === undefined ? {} : { startsAt: body.start }),
          ...(body.name === undefined ? {} : { name: body.name }),
          ...(body.id === undefined ? {} : { id: body.id }),
          ...(body.margin === undefined ? {} : { margin: body.margin }),
        });
        await audit(app, user, "target.create", target.id, body);
        return { target };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/programme/targets/:id/progress",
      summary:
        "A target's metric each period against the straight-line plan, and whether the forecast meets the goal",
      tag: "programme",
      access: "read",
      feature: "programme",
      params: idParams,
      query: z.object({ forecast: z.enum(["trend", "hold"]).default("trend"), ...margin }),
      returns:
        "{ target, rows: [{period, actual, planned, ahead, onTrack}], baseline, goal, forecast, forecastMethod, willMeet, notes }",
      handle: async ({ app, params, query }) => {
        if ((await getTarget(app.engine.state, params.id)) === null)
          throw new HttpError(404, `no target "${params.id}"`);
        return targetProgressFor(app.engine.facts, params.id, {
          forecast: query.forecast,
          ...(query.margin === undefined ? {} : { margin: query.margin }),
        });
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/programme/campaigns",
      summary: "Retention campaigns with their member counts",
      tag: "programme",
      access: "read",
      feature: "programme",
      returns:
        "{ rows: [{id, name, strategy, audience, offer, costPerContact, costPerRedemption, controlShare, startsAt, endsAt, members}] }",
      handle: async ({ app }) => ({ rows: await listCampaigns(app.engine.state) }),
    }),
    defineRoute({
      method: "post",
      path: "/api/programme/campaigns",
      summary:
        "Create a campaign with a random holdout control group; the audience is all, segment:<name or rule>, or list:<label> (the ids then come with the assignment)",
      tag: "programme",
      access: "manage",
      feature: "programme",
      body: z.object({
        name: z.string().trim().min(1).max(200),
        strategy: z.string().min(1).max(100),
        start: z.iso.date(),
        end: z.iso.date(),
        audience: z.string().trim().min(1).max(2000).default("all"),
        offer: z.string().max(2000).nullable().optional(),
        cost_per_contact: money.default(0),
        cost_per_redemption: money.default(0),
        control_share: share.default(0.1),
        id: z.string().min(1).max(64).optional(),
      }),
      returns: "{ campaign }",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        const campaign = await createCampaign(app.engine.state, {
          name: body.name,
          strategy: body.strategy,
          audience: body.audience,
          startsAt: body.start,
          endsAt: body.end,
          offer: body.offer ?? null,
          costPerContact: body.cost_per_contact,
          costPerRedemption: body.cost_per_redemption,
          controlShare: body.control_share,
          ...(body.id === undefined ? {} : { id: body.id }),
        });
        await audit(app, user, "campaign.create", campaign.id, body);
        return { campaign };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/programme/campaigns/:id/assign",
      summary:
        "Assign the audience to treatment or control (stable per campaign and customer; recorded members never move); a list audience takes its ids in the body",
      tag: "programme",
      access: "manage",
      feature: "programme",
      params: idParams,
      body: z.object({ ids: z.array(z.string().min(1).max(200)).max(1_000_000).optional() }),
      returns: "{ campaignId, audience, added, kept, treatment, control }",
      handle: async ({ app, params, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        await requireCampaign(app, params.id);
        const summary = await assignMembers(app.engine.facts, params.id, body.ids);
        await audit(app, user, "campaign.assign", params.id, { added: summary.added, kept: summary.kept });
        return summary;
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/programme/campaigns/:id/members.csv",
      summary: "A campaign's members as CSV for the delivering channel (treatment only unless `arm`)",
      tag: "programme",
      access: "manage",
      feature: "programme",
      params: idParams,
      query: z.object({ arm: z.enum(["treatment", "control", "all"]).default("treatment") }),
      returns: "text/csv: campaign_id, customer_id, arm, assigned_at, redeemed_at",
      handle: async ({ app, params, query }) => {
        await requireCampaign(app, params.id);
        const csv = await exportMembersCsv(
          app.engine.facts,
          params.id,
          query.arm === "all" ? null : query.arm,
        );
        return new Response(csv, {
          headers: {
            "content-type": "text/csv; charset=utf-8",
            "content-disposition": `attachment; filename="${params.id}-${query.arm}.csv"`,
          },
        });
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/programme/campaigns/:id/evaluate",
      summary:
        "Treated vs control over the measurement window: uplift with 95% intervals and p-values, incremental profit, cost, ROI",
      tag: "programme",
      access: "read",
      feature: "programme",
      params: idParams,
      query: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional(), ...margin }),
      returns:
        "{ campaign, from, to, treatedMembers, controlMembers, retention, purchases, sales, profit, incrementalProfit, cost, net, roi, warnings, … }",
      handle: async ({ app, params, query }) => {
        await requireCampaign(app, params.id);
        return evaluateCampaign(app.engine.facts, params.id, {
          margin: query.margin ?? null,
          ...(query.from === undefined ? {} : { from: query.from }),
          ...(query.to === undefined ? {} : { to: query.to }),
        });
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/programme/evaluate",
      summary:
        "The whole programme: every campaign's evaluation and the totals (cost, incremental profit, net, ROI)",
      tag: "programme",
      access: "read",
      feature: "programme",
      query: z.object(margin),
      returns: "{ campaigns: [CampaignEvaluation], totals: {cost, incrementalProfit, net, roi, …} }",
      handle: async ({ app, query }) => programmeView(app.engine.facts, { margin: query.margin ?? null }),
    }),
    defineRoute({
      method: "get",
      path: "/api/programme/economics",
      summary:
        "The value of one point of retention, retention vs acquisition cost, and lifetime value per group (`by` a customer dimension), in plain sentences",
      tag: "programme",
      access: "read",
      feature: "programme",
      scope: "branch",
      query: z.object({
        by: z
          .string()
          .regex(/^\w{1,64}$/)
          .optional(),
        horizon: z.coerce.number().min(0.1).max(100).default(10),
        discount_rate: z.coerce.number().min(0).max(1).default(0),
        ratio: z.coerce.number().min(0).max(100).default(0.1),
        acquisition_cost: money.optional(),
        annual_retention: share.optional(),
        branch: z.string().min(1).max(200).optional(),
        ...margin,
      }),
      returns:
        "{ customerValue, expectedYears, valueOfOnePoint, acquisitionCost, retentionCost, groups: [{name, customers, lifetimeValue, sentence}], sentences, formula, asOf, input, notes }",
      handle: async ({ app, query, principal }) => {
        const branch = reportScope(signedIn(principal).user, query.branch);
        const options = {
          ...(branch === undefined ? {} : { branch }),
          by: query.by ?? null,
          horizonYears: query.horizon,
          discountRate: query.discount_rate,
          retentionCostRatio: query.ratio,
          acquisitionCost: query.acquisition_cost ?? null,
          annualRetention: query.annual_retention ?? null,
          margin: query.margin ?? null,
        };
        const economics = await app.cache.get(["programme-economics", options], () =>
          app.engine.session((s) => programmeEconomics(s.facts, options)),
        );
        if (branch === undefined) return economics;
        // A group under the minimum size keeps its name only; its sentence is left out.
        const { min_group_size: min } = await readPrivacySettings(app.state);
        const small = new Set(economics.groups.filter((g) => g.customers < min).map((g) => g.sentence));
        return {
          ...economics,
          groups: suppressSmallGroups(economics.groups, (g) => g.customers, min, ["name"]),
          sentences: economics.sentences.filter((s) => !small.has(s)),
          input: {
            ...economics.input,
            groups: suppressSmallGroups(economics.input.groups, (g) => g.customers, min, ["name"]),
          },
        };
      },
    }),
  ];
}
