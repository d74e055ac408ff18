import {
  type BranchScope,
  branchCustomerFilter,
  type DefectionRules,
  type DefectionStatus,
  type Engine,
  type RetentionOptions,
  type RetentionRow,
  type Row,
  runRetention,
  type SqlValue,
  sql,
} from "@vafa/core";
import { defectionRate } from "../defection/defectionRate.ts";
import { readStatuses } from "../defection/statusTables.ts";

/** What the overview is measured by. */
export interface OverviewOptions {
  /** The retention report's options (period, calendar, activity rule, zone, margin). */
  readonly retention: RetentionOptions;
  /** The period as the user named it (e.g. "month"), echoed in the answer. */
  readonly period: string;
  /** The business's defection rules, for the defection rate once statuses exist. */
  readonly rules: DefectionRules;
  /**
   * Only this branch's customers (an agent's): every figure is then the branch's — its customers,
   * statuses, scores, open alerts and defection rate — and the store-wide targets are left out.
   * Default every branch.
   */
  readonly branch?: BranchScope;
}

/** The headline figures of the dashboard. */
export interface Overview {
  readonly period: string;
  /** The latest complete period of the retention report; null without data. */
  readonly latest: RetentionRow | null;
  readonly previous: RetentionRow | null;
  /** Customers in the store. */
  readonly customers: number;
  /** Customers active in the latest complete period. */
  readonly active: number;
  /** The defection rules' rate when statuses exist, else the latest period churn. */
  readonly defection_rate: number | null;
  /** Which of the two `defection_rate` is (DESIGN.md §3: every surface names it). */
  readonly defection_rate_source: "defection" | "retention";
  /** Customers per defection status; null before the first defection run. */
  readonly statuses: Record<string, number> | null;
  /** The sum of the latest scores' lifetime values; null before any scoring. */
  readonly clv_total: number | null;
  /** The value at stake of the open worklist; null without alerts. */
  readonly value_at_risk: number | null;
  /** The retention programme's targets. */
  readonly targets: readonly Row[];
}

/** One aggregate `v` of a query that also counts its rows `n`: null over no rows (ClickHouse's sum is 0 there). */
async function scalar(
  client: Engine["facts"],
  text: string,
  params: readonly SqlValue[] = [],
): Promise<number | null> {
  const [row] = await client.all(sql(text, [...params]));
  const v = row?.v;
  return v === null || v === undefined || Number(row?.n ?? 1) === 0 ? null : Number(v);
}

/**
 * The defection figures once a defection run has written statuses: customers per status and the
 * rules' rate over the latest complete period; null before any run (or on an engine without runs).
 */
async function defectionFigures(
  engine: Engine,
  options: OverviewOptions,
  members: ReadonlySet<string> | null,
) {
  if (!engine.features.has("defection-run")) return null;
  const current = await readStatuses(engine);
  if (current.size === 0) return null;
  const statuses: Record<DefectionStatus, number> = { active: 0, at_risk: 0, defected: 0, reactivated: 0 };
  for (const [id, s] of current)
    if (members === null || members.has(id)) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  if (!engine.features.has("defection-rate")) return { statuses, rate: null };
  const branch = options.branch;
  if (branch === null) return { statuses, rate: null };
  const report = await defectionRate(engine, {
    rules: options.rules,
    period: options.retention.period,
    periods: 1,
    ...(branch !== undefined ? { by: "branch" as const } : {}),
  });
  const rate = report.rows.find((r) => r.group === (branch ?? null))?.rate ?? null;
  return { statuses, rate };
}

/** The ids of a branch's customers; null for every branch. */
async function branchMembers(engine: Engine, branch: BranchScope): Promise<ReadonlySet<string> | null> {
  if (branch === undefined) return null;
  if (branch === null) return new Set();
  const rows = await engine.facts.all(
    sql(`SELECT id FROM customers WHERE branch = ${engine.dialect.param(1)}`, [branch]),
  );
  return new Set(rows.map((r) => String(r.id)));
}

/** The value at stake of the open worklist (within `members` when scoped); null without alerts. */
async function valueAtRisk(engine: Engine, branch: BranchScope, members: ReadonlySet<string> | null) {
  const open = "state IN ('open', 'in_progress')";
  if (members === null)
    return scalar(engine.state, `SELECT sum(value_at_stake) AS v, count(*) AS n FROM alerts WHERE ${open}`);
  // The alerts live in the operational store, apart from the customers: an alert is the branch's by
  // its own branch, else by its customer's.
  const rows = await engine.state.all(
    sql(`SELECT customer_id, branch, value_at_stake FROM alerts WHERE ${open}`),
  );
  const mine = rows.filter((r) =>
    r.branch === null || r.branch === undefined ? members.has(String(r.customer_id)) : r.branch === branch,
  );
  return mine.length === 0 ? null : mine.reduce((sum, r) => sum + Number(r.value_at_stake ?? 0), 0);
}

/**
 * The overview on any engine, in one session: the retention report's latest and previous complete
 * periods (an open period would understate them), customers, active customers, the defection rate
 * (the rules' rate once statuses exist, else the period churn, and which one it is), statuses,
 * total CLV, the value at risk on the worklist and the programme's targets. A figure the engine has
 * no feature for is null (or empty), never read from another store.
 *
 * @example
 * const o = await overview(engine, { retention: { period: { unit: "month" } }, period: "month", rules: defaultDefectionRules });
 * o.latest?.raw; // 0.37
 */
export function overview(engine: Engine, options: OverviewOptions): Promise<Overview> {
  return engine.session(async (s) => {
    const branch = options.branch;
    const scoped = branch !== undefined;
    const rows = await runRetention(s.facts, s.dialect, {
      ...options.retention,
      ...(scoped ? { branch } : {}),
    });
    const complete = rows.filter((r) => r.complete);
    const latest = complete.at(-1) ?? null;
    const previous = complete.at(-2) ?? null;
    const members = await branchMembers(s, branch);
    const customers =
      members === null ? await scalar(s.facts, "SELECT count(*) AS v FROM customers") : members.size;
    const scoreFilter = !scoped
      ? ""
      : ` WHERE ${branchCustomerFilter(s.dialect, "customer_id", branch === null ? null : s.dialect.param(1))}`;
    const clvTotal = s.features.has("clv-score")
      ? await scalar(
          s.facts,
          `SELECT sum(clv) AS v, count(*) AS n FROM customer_scores${scoreFilter}`,
          typeof branch === "string" ? [branch] : [],
        )
      : null;
    const atRisk = s.features.has("worklist") ? await valueAtRisk(s, branch, members) : null;
    const defection = await defectionFigures(s, options, members);
    const targets =
      s.features.has("programme") && !scoped
        ? await s.state.all(sql("SELECT * FROM targets ORDER BY deadline, id"))
        : [];
    return {
      period: options.period,
      latest,
      previous,
      customers: customers ?? 0,
      active: latest === null ? 0 : latest.retained + latest.new + latest.resurrected,
      defection_rate: defection !== null ? defection.rate : (latest?.churn ?? null),
      defection_rate_source: defection !== null ? "defection" : "retention",
      statuses: defection?.statuses ?? null,
      clv_total: clvTotal,
      value_at_risk: atRisk,
      targets,
    };
  });
}
