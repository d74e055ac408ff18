import {
  branchCustomerIds,
  complaintCustomer,
  defectionDrivers,
  defectionProfiles,
  requireCustomerInBranch,
} from "@vafa/app";
import {
  COMPLAINT_STATUSES,
  LOCALES,
  type Locale,
  type Localised,
  type Questionnaire,
  SURVEY_TYPES,
  surveyQuestionnaire,
} from "@vafa/core";
import {
  createComplaint,
  defectionReasons,
  listComplaints,
  recordSurveyResponse,
  updateComplaint,
} from "@vafa/duckdb";
import { z } from "zod";
import type { AppContext } from "../AppContext.ts";
import { audit } from "../audit.ts";
import { branchScope } from "../auth/branchScope.ts";
import { signedIn } from "../auth/Principal.ts";
import { requireWritable } from "../http/guards.ts";
import { defineRoute, type Route } from "../http/Route.ts";
import type { User } from "../state/StateStore.ts";

const whole = (max: number) => z.coerce.number().int().min(1).max(max);
const status = z.enum(COMPLAINT_STATUSES);
const text = (max: number) => z.string().trim().min(1).max(max);

/** The reports fed by complaints and survey answers: forgotten when either changes. */
const FEEDBACK_REPORTS = ["cause-reasons", "cause-drivers", "cause-profiles", "programme-classify"];

function forgetFeedbackReports(app: AppContext): void {
  for (const report of FEEDBACK_REPORTS) app.cache.forget(report);
}

/** Refuses (403) an agent a customer outside its branch; 404 for an agent and an unknown customer. */
function requireCustomerInScope(app: AppContext, user: User, customerId: string): Promise<void> {
  return requireCustomerInBranch(app.engine, customerId, branchScope(user));
}

/** A questionnaire's texts in one language. */
function localise(q: Questionnaire, locale: Locale) {
  const l = (t: Localised) => t[locale];
  return {
    type: q.type,
    locale,
    title: l(q.title),
    intro: l(q.intro),
    questions: q.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      text: l(question.text),
      required: question.required,
      ...(question.options === undefined
        ? {}
        : {
            options: question.options.map((o) => ({
              code: o.code,
              label: l(o.label),
              ...(o.followUp === undefined ? {} : { followUp: o.followUp }),
            })),
          }),
      ...(question.scale === undefined
        ? {}
        : {
            scale: {
              min: question.scale.min,
              max: question.scale.max,
              low: l(question.scale.low),
              high: l(question.scale.high),
            },
          }),
      ...(question.when === undefined ? {} : { when: question.when }),
    })),
  };
}

const windowQuery = z.object({
  as_of: z.iso.date().optional(),
  window: whole(3650).default(90),
  lookback: whole(36_500).default(365),
  // Default: the purchase window when there are transactions, else a loaded snapshot's statuses.
  outcome: z.enum(["window", "status", "snapshot"]).optional(),
  // A snapshot's value: a number attribute (MonthlyCharges) × the multiplier.
  value: z.string().min(1).max(200).optional(),
  value_multiplier: z.coerce.number().positive().max(1_000_000).default(1),
});

function windowOptions(query: z.infer<typeof windowQuery>) {
  return {
    windowDays: query.window,
    lookbackDays: query.lookback,
    valueMultiplier: query.value_multiplier,
    ...(query.outcome === undefined ? {} : { outcome: query.outcome }),
    ...(query.value === undefined ? {} : { value: query.value }),
    ...(query.as_of === undefined ? {} : { asOf: query.as_of }),
  };
}

/** Complaints, survey answers and the root causes of defection (reasons, drivers, profiles). */
export function causeRoutes(): Route[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/complaints",
      summary: "Complaints, newest first, with resolution time in hours (agents: their branch's customers')",
      tag: "causes",
      access: "read",
      feature: "complaints",
      scope: "branch",
      query: z.object({
        status: status.optional(),
        customer_id: z.string().min(1).optional(),
        limit: whole(10_000).default(100),
      }),
      returns:
        "{ rows: [{id, customerId, occurredAt, category, status, channel, severity, employee, branch, resolvedAt, resolution, resolutionHours, text}] }",
      handle: async ({ app, query, principal }) => {
        const scope = branchScope(signedIn(principal).user);
        const filter = {
          ...(query.status === undefined ? {} : { status: query.status }),
          ...(query.customer_id === undefined ? {} : { customerId: query.customer_id }),
        };
        if (scope === undefined)
          return { rows: await listComplaints(app.engine.state, { ...filter, limit: query.limit }) };
        if (scope === null) return { rows: [] };
        // The library filters by status and customer only: take them all, keep the branch's.
        const inBranch = await branchCustomerIds(app.engine, scope);
        const all = await listComplaints(app.engine.state, { ...filter, limit: Number.MAX_SAFE_INTEGER });
        return { rows: all.filter((r) => inBranch.has(r.customerId)).slice(0, query.limit) };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/complaints",
      summary: "Record an open complaint (agents: for their branch's customers)",
      tag: "causes",
      access: "feedback",
      feature: "complaints",
      body: z.object({
        customer_id: text(200),
        category: text(100),
        occurred_at: z.string().trim().min(1).max(40).optional(),
        channel: text(100).optional(),
        severity: text(50).optional(),
        employee: text(200).optional(),
        branch: text(200).optional(),
        text: z.string().max(10_000).optional(),
      }),
      returns: "{ id, status: 'open' }",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        await requireCustomerInScope(app, user, body.customer_id);
        const id = await createComplaint(app.engine.state, {
          customerId: body.customer_id,
          category: body.category,
          ...(body.occurred_at === undefined ? {} : { occurredAt: body.occurred_at }),
          ...(body.channel === undefined ? {} : { channel: body.channel }),
          ...(body.severity === undefined ? {} : { severity: body.severity }),
          ...(body.employee === undefined ? {} : { employee: body.employee }),
          ...(body.branch === undefined ? {} : { branch: body.branch }),
          ...(body.text === undefined ? {} : { text: body.text }),
        });
        forgetFeedbackReports(app);
        await audit(app, user, "complaint.create", id, {
          customer_id: body.customer_id,
          category: body.category,
        });
        return { id, status: "open" };
      },
    }),
    defineRoute({
      method: "patch",
      path: "/api/complaints/:id",
      summary:
        "Move a complaint on (in_progress, resolved, closed, or back to open), with how it was resolved and who works it (agents: their branch's customers')",
      tag: "causes",
      access: "feedback",
      feature: "complaints",
      params: z.object({ id: z.string().min(1).max(200) }),
      body: z.object({
        status,
        resolution: z.string().trim().min(1).max(10_000).optional(),
        assignee: text(200).optional(),
      }),
      returns: "{ complaint }",
      handle: async ({ app, params, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        const customerId = await complaintCustomer(app.engine, params.id);
        if (branchScope(user) !== undefined) await requireCustomerInScope(app, user, customerId);
        await updateComplaint(app.engine.state, params.id, {
          status: body.status,
          ...(body.resolution === undefined ? {} : { resolution: body.resolution }),
          ...(body.assignee === undefined ? {} : { assignee: body.assignee }),
        });
        forgetFeedbackReports(app);
        await audit(app, user, "complaint.update", params.id, body);
        const rows = await listComplaints(app.engine.state, { customerId, limit: 100_000 });
        return { complaint: rows.find((r) => r.id === params.id) ?? null };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/surveys/questions",
      summary:
        "A questionnaire in one language: the exit survey (why the customer left, with a follow-up per reason), CSAT or NPS",
      tag: "causes",
      access: "read",
      feature: null,
      query: z.object({
        type: z.enum(SURVEY_TYPES).default("exit"),
        locale: z.enum(LOCALES as readonly [Locale, ...Locale[]]).default("en"),
      }),
      returns:
        "{ type, locale, title, intro, questions: [{id, kind, text, required, options?, scale?, when?}] }",
      handle: async ({ query }) => localise(surveyQuestionnaire(query.type), query.locale),
    }),
    defineRoute({
      method: "post",
      path: "/api/surveys/responses",
      summary:
        "Record one customer's answers, checked against the questionnaire (an answer outside it is 400; agents: their branch's customers)",
      tag: "causes",
      access: "feedback",
      feature: "surveys",
      body: z.object({
        customer_id: text(200),
        survey: z.enum(SURVEY_TYPES),
        answers: z
          .array(
            z.object({
              question: text(100),
              value: z.union([z.string().max(10_000), z.number()]),
              text: z.string().max(10_000).optional(),
            }),
          )
          .min(1)
          .max(100),
      }),
      returns: "{ responseId, answers }",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        await requireCustomerInScope(app, user, body.customer_id);
        const result = await recordSurveyResponse(app.engine.state, {
          customerId: body.customer_id,
          survey: body.survey,
          answers: body.answers.map((a) => ({
            question: a.question,
            value: a.value,
            ...(a.text === undefined ? {} : { text: a.text }),
          })),
        });
        forgetFeedbackReports(app);
        await audit(app, user, "survey.record", result.responseId, {
          customer_id: body.customer_id,
          survey: body.survey,
        });
        return result;
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/causes/reasons",
      summary:
        "Defections by exit reason (worklist contacts and exit surveys), by count and lost value, overall or per segment or branch, with each reason's trend",
      tag: "causes",
      access: "read",
      feature: "causes-reasons",
      query: z.object({
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
        by: z.enum(["segment", "branch"]).optional(),
        period: z.enum(["month", "quarter", "year"]).default("month"),
      }),
      returns:
        "{ customers, value, rows: [{reason, group, customers, share, value, valueShare}], trend, notes }",
      handle: async ({ app, query }) => {
        const options = {
          period: query.period,
          by: query.by ?? null,
          ...(query.from === undefined ? {} : { from: query.from }),
          ...(query.to === undefined ? {} : { to: query.to }),
        };
        return app.cache.get(["cause-reasons", options], () =>
          app.engine.session((s) => defectionReasons(s.facts, options)),
        );
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/causes/drivers",
      summary:
        "Which service issues drive defection: rates with and without, relative risk, adjusted odds ratio and value at stake per driver, ranked by value at stake",
      tag: "causes",
      access: "read",
      feature: "causes-drivers",
      query: windowQuery.extend({
        lambda: z.coerce.number().min(0).max(1000).default(1),
        min_customers: whole(1_000_000).default(20),
        // "Contract=Two year": the level the column's other levels are compared with (default the largest).
        reference: z
          .string()
          .regex(/^[^=]+=.+$/)
          .max(400)
          .optional(),
        // The cost of fixing any one issue, for the return on it.
        fix_cost: z.coerce.number().positive().optional(),
      }),
      returns:
        "{ customers, defected, baseRate, totalValue, valueBasis, drivers: [{id, rateWith, rateWithout, relativeRisk, oddsRatio, valueAtStake, sentence, …}], skipped, notes, asOf, windowDays, windowEnd }",
      handle: async ({ app, query }) => {
        const at = query.reference?.indexOf("=") ?? -1;
        const options = {
          ...windowOptions(query),
          lambda: query.lambda,
          minCustomers: query.min_customers,
          ...(query.reference === undefined
            ? {}
            : {
                references: { [query.reference.slice(0, at).trim()]: query.reference.slice(at + 1).trim() },
              }),
          ...(query.fix_cost === undefined ? {} : { fixCosts: { "*": query.fix_cost } }),
        };
        return app.cache.get(["cause-drivers", options], () =>
          app.engine.session((s) => defectionDrivers(s, options)),
        );
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/causes/profiles",
      summary:
        "Which segments, countries, channels, tenure and value bands defect most and earn least (flagged 'costly to serve and likely to leave')",
      tag: "causes",
      access: "read",
      feature: "causes-profiles",
      query: windowQuery,
      returns:
        "{ customers, baseRate, baseMeanProfit, rows: [{dimension, group, rate, meanProfit, costlyAndLikelyToLeave, …}], asOf, windowDays, profitBasis, notes }",
      handle: async ({ app, query }) => {
        const options = windowOptions(query);
        return app.cache.get(["cause-profiles", options], () =>
          app.engine.session((s) => defectionProfiles(s, options)),
        );
      },
    }),
  ];
}
