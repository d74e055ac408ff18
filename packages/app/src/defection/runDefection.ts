import { randomUUID } from "node:crypto";
import {
  type DefectionRules,
  type DefectionStatus,
  defaultDefectionRules,
  defectionReason,
  type Engine,
  evaluateDefection,
  fromEpochDay,
  insertRows,
  type Locale,
  nextStatus,
  type SqlValue,
  secondText,
  sql,
  timestampText,
  toEpochDay,
  valueAtStake,
} from "@vafa/core";
import { inTransaction } from "./inTransaction.ts";
import { loadFeatures } from "./loadFeatures.ts";
import { sourceId } from "./sourceId.ts";
import { stateParam } from "./stateParam.ts";
import { nextStatusVersion, readStatuses, writeStatuses } from "./statusTables.ts";

/** Options of `runDefection`. */
export interface RunDefectionOptions {
  /** The business's rules; default `defaultDefectionRules`. */
  readonly rules?: DefectionRules;
  /** "YYYY-MM-DD": use data up to this day; default today (UTC). */
  readonly asOf?: string;
  /** Language of alert reasons; default "en". */
  readonly locale?: Locale;
  /**
   * A customer whose at-risk/defected threshold was crossed more than this many days before the
   * as-of day gets a status but no alert (on a first run over years of history, long-gone customers
   * are not work for today); default 90, null for no limit.
   */
  readonly maxAlertAgeDays?: number | null;
  /** The clock, for tests; default now. */
  readonly now?: Date;
}

/** What a run did. */
export interface DefectionRunSummary {
  readonly asOf: string;
  readonly customers: number;
  readonly statuses: Record<DefectionStatus, number>;
  readonly changed: number;
  readonly alertsCreated: number;
  readonly alertsClosed: number;
  readonly deliveriesQueued: number;
  readonly notes: readonly string[];
}

/**
 * Recomputes every purchasing customer's defection status as of a day in one SQL pass over
 * per-customer aggregates of the engine's facts, then writes only what changed: `customer_status`
 * rows and `status_history` entries in the analytic store (beside the facts they derive from); new
 * alerts (at most one open alert per customer and status — an unchanged situation never alerts
 * twice), closes of alerts the customer's return or a more severe status made moot, and one webhook
 * delivery per new alert and active subscriber in the operational store, in one transaction, so an
 * alert and its deliveries exist together or not at all. The operational writes come first and are
 * keyed on their source (an alert's id derives from its customer, status and since-day; a delivery's
 * from its webhook and alert), so a run cut short before its statuses were written repeats them
 * without a duplicate; on the embedded engine, where one file holds both stores, everything is one
 * transaction. The run is recorded last (`defection_runs`, operational store). Running it after each
 * load is the incremental update: customers with new purchases and those whose silence crossed a
 * threshold change; everyone else is read but not written. A model rule reads P(alive) from the
 * stored scores (`vafa clv score`; without them a P(alive) rule is skipped with a note) and
 * P(purchase) — as the default rules do — from the purchase model fitted on the history up to the
 * as-of day, one fit per run; where that fit fails (too little history) the rule is skipped with a
 * note and, under `combine: "all"`, silence decides alone.
 *
 * @example
 * const summary = await runDefection(engine, { asOf: "2011-09-01", locale: "fa" });
 * console.log(summary.statuses.at_risk, summary.alertsCreated);
 */
export async function runDefection(
  engine: Engine,
  options: RunDefectionOptions = {},
): Promise<DefectionRunSummary> {
  return engine.session((session) => run(session, options));
}

async function run(engine: Engine, options: RunDefectionOptions): Promise<DefectionRunSummary> {
  const { state } = engine;
  const now = options.now ?? new Date();
  const asOf = options.asOf ?? now.toISOString().slice(0, 10);
  const asOfDay = toEpochDay(asOf);
  const locale = options.locale ?? "en";
  const maxAge = options.maxAlertAgeDays === undefined ? 90 : options.maxAlertAgeDays;
  const loaded = await loadFeatures(engine, options.rules ?? defaultDefectionRules, { asOfDay });

  const previous = await readStatuses(engine);
  const openAlerts = new Map<string, { id: string; status: string }[]>();
  for (const r of await state.all(
    sql("SELECT id, customer_id, status FROM alerts WHERE state <> 'closed'"),
  )) {
    const list = openAlerts.get(String(r.customer_id)) ?? [];
    list.push({ id: String(r.id), status: String(r.status) });
    openAlerts.set(String(r.customer_id), list);
  }
  const webhooks = (await state.all(sql("SELECT id FROM webhooks WHERE active"))).map((r) => String(r.id));

  const stamp = timestampText(now);
  const statuses: Record<DefectionStatus, number> = { active: 0, at_risk: 0, defected: 0, reactivated: 0 };
  const statusRows: SqlValue[][] = [];
  const historyRows: SqlValue[][] = [];
  const alertRows: SqlValue[][] = [];
  const deliveryRows: SqlValue[][] = [];
  const closeReturned: string[] = [];
  const closeSuperseded: string[] = [];
  const factStamp = secondText(now);
  for (const f of loaded.features) {
    const e = evaluateDefection(f, loaded.rules, asOfDay);
    const prev = previous.get(f.customerId) ?? null;
    const status = nextStatus(prev, e.level, f.lastDay);
    statuses[status]++;
    if (prev !== null && prev.status === status) continue;
    let sinceDay: number;
    if (status === "at_risk" || status === "defected") {
      sinceDay = Math.min(asOfDay, Math.max(e.firedDay ?? asOfDay, prev === null ? 0 : prev.sinceDay));
    } else if (prev === null) sinceDay = f.firstDay;
    else sinceDay = f.lastDay > prev.sinceDay ? f.lastDay : asOfDay;
    const since = fromEpochDay(sinceDay);
    const rule = status === "at_risk" || status === "defected" ? e.rule : null;
    const reason = status === "at_risk" || status === "defected" ? defectionReason(e.facts, locale) : null;
    statusRows.push([f.customerId, status, since, rule, reason, asOf, factStamp]);
    historyRows.push([f.customerId, status, prev?.status ?? null, since, rule, asOf, factStamp]);
    const open = openAlerts.get(f.customerId) ?? [];
    if (status === "active" || status === "reactivated") {
      closeReturned.push(...open.map((a) => a.id));
      continue;
    }
    closeSuperseded.push(...open.filter((a) => a.status !== status).map((a) => a.id));
    if (open.some((a) => a.status === status)) continue;
    if (maxAge !== null && asOfDay - sinceDay > maxAge) continue;
    const value = valueAtStake(f, e.level);
    const alertId = sourceId("alert", f.customerId, status, since);
    const owner = f.owner ?? f.branch;
    alertRows.push([
      alertId,
      f.customerId,
      stamp,
      status,
      rule,
      reason,
      value.value,
      value.priority,
      owner,
      "open",
      value.basis,
      f.pAlive,
      f.branch,
      asOf,
      JSON.stringify(e.facts),
    ]);
    const payload = JSON.stringify({
      event: "alert.created",
      alert: {
        id: alertId,
        customer_id: f.customerId,
        status,
        rule,
        reason,
        value_at_stake: value.value,
        value_basis: value.basis,
        priority: value.priority,
        owner,
        branch: f.branch,
        as_of: asOf,
        created_at: now.toISOString(),
      },
    });
    for (const webhookId of webhooks) {
      deliveryRows.push([
        sourceId("delivery", webhookId, alertId),
        webhookId,
        "alert.created",
        alertId,
        payload,
        "pending",
        0,
        stamp,
        stamp,
      ]);
    }
  }

  const writeOperational = async () => {
    for (const [ids, why] of [
      [closeReturned, "customer_returned"],
      [closeSuperseded, "superseded"],
    ] as const) {
      for (let i = 0; i < ids.length; i += 1000) {
        const chunk = ids.slice(i, i + 1000);
        await state.run({
          sql: `UPDATE alerts SET state = 'closed', closed_at = $1, closed_reason = $2
            WHERE id IN (${chunk.map((_, j) => `$${j + 3}`).join(", ")})`,
          params: [stamp, why, ...chunk],
        });
      }
    }
    await insertRows(state, stateParam, "alerts", ALERT_COLUMNS, alertRows, "ON CONFLICT (id) DO NOTHING");
    await insertRows(
      state,
      stateParam,
      "webhook_deliveries",
      DELIVERY_COLUMNS,
      deliveryRows,
      "ON CONFLICT (id) DO NOTHING",
    );
  };
  const recordRun = () =>
    state.run(
      sql(
        "INSERT INTO defection_runs (id, as_of, started_at, finished_at, customers, changed, alerts, rules) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        [
          randomUUID(),
          asOf,
          stamp,
          timestampText(new Date()),
          loaded.features.length,
          statusRows.length,
          alertRows.length,
          JSON.stringify(loaded.rules),
        ],
      ),
    );
  const version = await nextStatusVersion(engine, now);
  if (engine.facts === engine.state) {
    // One file holds both stores: the whole run is one transaction.
    await inTransaction(state, async () => {
      await writeOperational();
      await writeStatuses(engine, statusRows, historyRows, version);
      await recordRun();
    });
  } else {
    await inTransaction(state, writeOperational);
    await writeStatuses(engine, statusRows, historyRows, version);
    await recordRun();
  }
  return {
    asOf,
    customers: loaded.features.length,
    statuses,
    changed: statusRows.length,
    alertsCreated: alertRows.length,
    alertsClosed: closeReturned.length + closeSuperseded.length,
    deliveriesQueued: deliveryRows.length,
    notes: loaded.notes,
  };
}

const ALERT_COLUMNS = [
  "id",
  "customer_id",
  "created_at",
  "status",
  "rule",
  "reason",
  "value_at_stake",
  "priority",
  "owner",
  "state",
  "value_basis",
  "p_alive",
  "branch",
  "as_of",
  "reason_facts",
] as const;

const DELIVERY_COLUMNS = [
  "id",
  "webhook_id",
  "event",
  "alert_id",
  "payload",
  "state",
  "attempts",
  "next_attempt_at",
  "created_at",
] as const;
