import { randomUUID } from "node:crypto";
import {
  type ForecastMethod,
  fromEpochDay,
  type PeriodSpec,
  ProgrammeError,
  parsePeriodArg,
  parseTargetMetric,
  periodAt,
  periodOf,
  type SqlClient,
  sql,
  type Target,
  type TargetProgress,
  targetMetricSeries,
  targetProgress,
} from "@vafa/core";
import { customerPeriodValues } from "./customerPeriodValues.ts";
import { dayOption, lastTransactionDay, numOrNull } from "./storeFacts.ts";

/** What `createTarget` needs. */
export interface NewTarget {
  readonly id?: string;
  readonly name?: string | null;
  /** One of TARGET_METRICS. */
  readonly metric: string;
  /** Default "all". */
  readonly scope?: string;
  readonly goal: number;
  /** Default: the metric in the last complete period before `startsAt`. */
  readonly baseline?: number | null;
  /** YYYY-MM-DD; default the day after the last transaction. */
  readonly startsAt?: string;
  /** YYYY-MM-DD. */
  readonly deadline: string;
  /** Period the metric is read per ("month", "quarter", "30d"…); default "month". */
  readonly period?: string;
  /** Profit share of sales where cost is missing (for profit_adjusted). */
  readonly margin?: number | null;
}

/** A stored target with its period. */
export interface StoredTarget extends Target {
  readonly period: string;
  readonly startsAt: string;
  readonly deadline: string;
}

const toTarget = (r: Record<string, unknown>): StoredTarget => {
  const startDay = Number(r.start_day);
  const deadlineDay = Number(r.deadline_day);
  return {
    id: String(r.id),
    name: r.name === null || r.name === undefined ? null : String(r.name),
    metric: String(r.metric),
    scope: r.scope === null || r.scope === undefined ? "all" : String(r.scope),
    baseline: numOrNull(r.baseline),
    goal: Number(r.goal),
    startDay,
    deadlineDay,
    period: r.period === null || r.period === undefined ? "month" : String(r.period),
    startsAt: fromEpochDay(startDay),
    deadline: fromEpochDay(deadlineDay),
  };
};

const SELECT = `SELECT id, name, metric, scope, baseline, goal, period,
  CAST(date_diff('day', DATE '1970-01-01', starts_at) AS INTEGER) AS start_day,
  CAST(date_diff('day', DATE '1970-01-01', deadline) AS INTEGER) AS deadline_day FROM targets`;

/** All targets, by deadline. */
export async function listTargets(client: SqlClient): Promise<StoredTarget[]> {
  return (await client.all(sql(`${SELECT} ORDER BY deadline, id`))).map(toTarget);
}

/** One target, or null. */
export async function getTarget(client: SqlClient, id: string): Promise<StoredTarget | null> {
  const [r] = await client.all(sql(`${SELECT} WHERE id = $1`, [id]));
  return r ? toTarget(r) : null;
}

async function metricAt(
  client: SqlClient,
  metric: string,
  scope: string,
  spec: PeriodSpec,
  margin: number | null,
  periodIndexes: number[],
) {
  const m = parseTargetMetric(metric);
  const values = await customerPeriodValues(client, scope, spec, margin);
  return targetMetricSeries(values.rows, values.firstPeriod, m, periodIndexes);
}

/**
 * Stores a target (validating metric, scope, period and dates). Without a baseline it is measured:
 * the metric in the last complete period ending on or before the start.
 *
 * @throws ProgrammeError when the baseline cannot be measured or an input is invalid.
 * @example
 * await createTarget(store.client, { metric: "defection_rate", goal: 0.25, deadline: "2011-12-31", startsAt: "2011-07-01" });
 */
export async function createTarget(client: SqlClient, t: NewTarget): Promise<StoredTarget> {
  const metric = parseTargetMetric(t.metric);
  const periodText = t.period ?? "month";
  const spec = parsePeriodArg(periodText);
  if (!Number.isFinite(t.goal)) throw new ProgrammeError("goal must be a number");
  const last = await lastTransactionDay(client);
  const startDay = t.startsAt === undefined ? (last ?? 0) + 1 : dayOption(t.startsAt, "--start");
  const deadlineDay = dayOption(t.deadline, "--deadline");
  if (deadlineDay <= startDay) throw new ProgrammeError("the deadline must be after the start");
  let baseline = t.baseline ?? null;
  if (baseline === null) {
    // The period before the one the start falls in, or the one ending exactly at the start.
    // The last period that is complete on the start day: the one before the period the start falls in.
    const idx = periodOf(startDay, spec).index - 1;
    const [v] = await metricAt(client, metric, t.scope ?? "all", spec, t.margin ?? null, [idx]);
    if (v === undefined || v.value === null)
      throw new ProgrammeError(
        `cannot measure a baseline for ${metric} before ${fromEpochDay(startDay)}: give --baseline`,
      );
    baseline = v.value;
  }
  const id = t.id ?? randomUUID();
  await client.run(
    sql(
      `INSERT INTO targets (id, name, metric, scope, baseline, goal, starts_at, deadline, period, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, DATE '1970-01-01' + CAST($7 AS INTEGER), DATE '1970-01-01' + CAST($8 AS INTEGER), $9, current_timestamp)`,
      [id, t.name ?? null, metric, t.scope ?? "all", baseline, t.goal, startDay, deadlineDay, periodText],
    ),
  );
  return (await getTarget(client, id)) as StoredTarget;
}

/** A target with its progress. */
export interface TargetReport extends TargetProgress {
  readonly target: StoredTarget;
}

/**
 * Progress of a target: the metric in every complete period from the start to the deadline (or the
 * data's end), against the straight-line plan, and whether the forecast meets the goal.
 *
 * @throws ProgrammeError when the target does not exist.
 * @example
 * (await targetProgressFor(store.client, "t1")).willMeet; // false
 */
export async function targetProgressFor(
  client: SqlClient,
  id: string,
  options: { readonly forecast?: ForecastMethod; readonly margin?: number | null } = {},
): Promise<TargetReport> {
  const target = await getTarget(client, id);
  if (target === null) throw new ProgrammeError(`no target "${id}"`);
  const spec = parsePeriodArg(target.period);
  const last = (await lastTransactionDay(client)) ?? target.startDay;
  const first = periodOf(target.startDay, spec);
  const periods = [];
  // Complete periods that end after the start, no later than the data's end + 1 and within the deadline's period.
  for (
    let p = first;
    p.startDay <= target.deadlineDay && p.endDay <= last + 1;
    p = periodAt(p.index + 1, spec)
  ) {
    if (p.endDay > target.startDay) periods.push(p);
  }
  const series = await metricAt(
    client,
    target.metric,
    target.scope,
    spec,
    options.margin ?? null,
    periods.map((p) => p.index),
  );
  const observed = periods.map((p, i) => ({
    period: p.label,
    endDay: p.endDay,
    value: series[i]?.value ?? null,
  }));
  const progress = targetProgress(
    target,
    target.baseline ?? Number.NaN,
    observed,
    options.forecast ?? "trend",
  );
  return { ...progress, target };
}
