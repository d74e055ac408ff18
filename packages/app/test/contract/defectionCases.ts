import {
  customerFeaturesQuery,
  type DefectionRules,
  defaultDefectionRules,
  defectionWindows,
  type Engine,
  evaluateDefection,
  fromEpochDay,
  parseDefectionRules,
  toCustomerFeatures,
  toEpochDay,
} from "@vafa/core";
import {
  type AlertRow,
  addWebhook,
  closeAlert,
  defectionBacktest,
  defectionRate,
  deliverWebhooks,
  listAlerts,
  listWebhooks,
  readStatuses,
  recordContact,
  runDefection,
  takeAlert,
} from "../../src/index.ts";
import type { ContractCases } from "./ContractCase.ts";

/** The rules without the model rule: these cases compare the features the facts give, not a fit. */
function factRules(rules: DefectionRules): DefectionRules {
  return { ...rules, rules: rules.rules.filter((r) => r.kind !== "model") };
}

/** Every purchasing customer's features as of a day and the level the pure rules give them, by id. */
async function levels(e: Engine, rules: DefectionRules, asOf: string, lookbackDays: number | null = null) {
  const day = toEpochDay(asOf);
  const applied = factRules(rules);
  const query = customerFeaturesQuery(e.dialect, applied, { asOfDay: day, scores: false, lookbackDays });
  const features = (await e.facts.all(query)).map((r) =>
    toCustomerFeatures(r, defectionWindows(applied).length),
  );
  return features
    .sort((a, b) => a.customerId.localeCompare(b.customerId))
    .map((f) => {
      const v = evaluateDefection(f, applied, day);
      return { ...f, level: v.level, rule: v.rule, firedDay: v.firedDay };
    });
}

/** Rules exercising every SQL path of the features query: two window pairs, spend and the contract rule. */
const allPathRules = parseDefectionRules({
  combine: "any",
  rules: [
    { kind: "silence", atRisk: 2, defected: 4, minPurchases: 3, fallback: "base" },
    { kind: "frequency_drop", recentDays: 60, baselineDays: 180 },
    { kind: "spend_drop", recentDays: 90, baselineDays: 270, atRisk: 0.4 },
    { kind: "contract" },
  ],
});

/** The clock of the runs below, so alerts' timestamps are the same on every engine. */
const now = new Date("2011-12-11T08:00:00Z");

/**
 * Runs defection with the default rules (silence and the purchase model fitted up to as-of) on the
 * given days, in order, and returns each run's summary, the statuses in the analytic store and every
 * alert in the operational store — ids included: they derive from the status change, so they are
 * the same on every engine. Repeating a day changes nothing.
 */
async function runs(e: Engine, days: readonly string[]) {
  const summaries = [];
  for (const asOf of days) summaries.push(await runDefection(e, { asOf, now }));
  const statuses = [...(await readStatuses(e))]
    .map(([id, s]) => ({ id, status: s.status, since: fromEpochDay(s.sinceDay) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    summaries,
    statuses,
    alerts: byId(await listAlerts(e, { states: ["open", "in_progress", "closed"] })),
  };
}

/** Defection features and the statuses the pure rules derive from them. */
export const defectionCases: ContractCases = {
  "defection features and statuses, default rules without the model, 2011-09-01": {
    feature: "defection-run",
    run: (e) => levels(e, defaultDefectionRules, "2011-09-01"),
  },
  "defection features and statuses, two windows, spend drop and contract rule, 180-day lookback": {
    feature: "defection-run",
    run: (e) => levels(e, allPathRules, "2011-06-30", 180),
  },
  "webhooks: a subscriber, the deliveries the first run (2011-06-01) queues for it, one delivery pass": {
    feature: "webhooks",
    async run(e) {
      await addWebhook(e, { url: "http://127.0.0.1:9/vafa", secret: "contract-secret" });
      // The first run on the store: every alert it raises queues one delivery.
      const run = await runDefection(e, { asOf: "2011-06-01", now });
      const pass = await deliverWebhooks(e, {
        now: () => now,
        fetch: async () => new Response(null, { status: 204 }),
      });
      const hooks = (await listWebhooks(e)).map(({ id: _id, created_at: _at, ...rest }) => rest);
      return { run, pass, hooks };
    },
  },
  "defection run after 2011-06-01: 2011-09-01 (twice) and 2011-12-10 — summaries, statuses and alerts": {
    feature: "defection-run",
    run: (e) => runs(e, ["2011-09-01", "2011-09-01", "2011-12-10"]),
  },
  "worklist: the top alerts, one taken, one saved by a call, one closed as a duplicate": {
    feature: "worklist",
    async run(e) {
      // The run of the case above, repeated: it adds nothing, so the worklist starts from its alerts.
      await runDefection(e, { asOf: "2011-12-10", now });
      const top = await listAlerts(e, { limit: 3 });
      const [first, second, third] = top;
      if (first === undefined || second === undefined || third === undefined)
        throw new Error("fewer than three open alerts: the case would prove nothing");
      await takeAlert(e, first.id, "sara", now);
      const call = await recordContact(e, { alertId: second.id, outcome: "saved", employee: "reza", now });
      await expectClosed(e, second.id);
      return {
        top,
        state: call.state,
        after: byId(await listAlerts(e, { limit: 5 })),
        closed: byId(await closeAndList(e, third.id)).map((a) => [a.id, a.state, a.closed_reason]),
      };
    },
  },
  "defection rate per month by branch, last three months, with the ranking": {
    feature: "defection-rate",
    run: (e) => defectionRate(e, { period: { unit: "month" }, by: "branch", periods: 3 }),
  },
  "defection backtest as of 2011-09-01, 90-day window, against the naive rule": {
    feature: "defection-backtest",
    run: (e) => defectionBacktest(e, { asOf: "2011-09-01", windowDays: 90 }),
  },
  "defection levels at four period boundaries (defection-rate inputs)": {
    feature: "defection-rate",
    async run(e) {
      const out: Record<string, Record<string, number>> = {};
      for (const month of ["2011-04-01", "2011-07-01", "2011-10-01", "2011-12-01"]) {
        const counts: Record<string, number> = {};
        const day = toEpochDay(month) - 1;
        for (const f of await levels(e, defaultDefectionRules, fromEpochDay(day)))
          counts[f.level] = (counts[f.level] ?? 0) + 1;
        out[month] = counts;
      }
      return out;
    },
  },
};

/**
 * Alerts by id: the worklist's order (value at risk first) is not part of the contract where two
 * values differ only by the rounding of sums added up in another order.
 */
function byId(alerts: readonly AlertRow[]): AlertRow[] {
  return [...alerts].sort((a, b) => a.id.localeCompare(b.id));
}

/** Throws unless the alert is closed (a call that saved the customer closes it). */
async function expectClosed(e: Engine, id: string): Promise<void> {
  const closed = await listAlerts(e, { states: ["closed"] });
  if (!closed.some((a) => a.id === id)) throw new Error(`alert ${id} is not closed after the call`);
}

/** Closes an alert as a duplicate, and lists the closed alerts. */
async function closeAndList(e: Engine, id: string) {
  await closeAlert(e, id, "duplicate", now);
  return listAlerts(e, { states: ["closed"] });
}
