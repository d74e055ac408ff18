import {
  AppError,
  type CustomerFeatures,
  type DefectionRules,
  defaultDefectionRules,
  type Engine,
  evaluateDefection,
  fromEpochDay,
  type PeriodSpec,
  periodRange,
  type RuleLevel,
  sql,
  toEpochDay,
  valueAtStake,
  wilsonInterval,
} from "@vafa/core";
import { loadFeatures } from "./loadFeatures.ts";

/** Options of `defectionRate`. */
export interface DefectionRateOptions {
  readonly rules?: DefectionRules;
  readonly period: PeriodSpec;
  /**
   * Group by the customer's branch or owner (employee), or a customer attribute (`attr.contract`:
   * a column of a customers file; DuckDB only); default overall only.
   */
  readonly by?: DefectionRateGroup | null;
  /** How many complete periods, latest last; default 12. */
  readonly periods?: number;
  /** Last day considered, "YYYY-MM-DD"; default the last transaction day. */
  readonly to?: string;
}

/** What the defection rate may be split by: branch, owner, or a customer attribute `attr.NAME`. */
export type DefectionRateGroup = "branch" | "owner" | `attr.${string}`;

/**
 * Each customer's value of the attribute of `by` (`attr.NAME`, name in lower case with spaces as _,
 * bound as a parameter), or null when `by` is not an attribute.
 */
async function attributeGroups(
  engine: Engine,
  by: DefectionRateGroup | null,
): Promise<Map<string, string> | null> {
  if (by === null || !by.startsWith("attr.")) return null;
  if (engine.name === "clickhouse")
    throw new AppError(
      "not_supported",
      "customer attributes are not stored on ClickHouse yet: split by them on DuckDB",
    );
  const rows = await engine.facts.all(
    sql("SELECT customer_id, value FROM customer_attributes WHERE lower(replace(name, ' ', '_')) = $1", [
      by.slice(5).trim().toLowerCase().replace(/ /g, "_"),
    ]),
  );
  return new Map(rows.map((r) => [String(r.customer_id), String(r.value)]));
}

/** Defection in one period for one group (group null = overall). */
export interface DefectionRateRow {
  readonly period: string;
  readonly group: string | null;
  /** Customers with a purchase before the period and not defected at its start. */
  readonly customersAtStart: number;
  /** Of those, defected at the period's end. */
  readonly defected: number;
  readonly rate: number | null;
  /** 95% Wilson interval of the rate. */
  readonly low: number;
  readonly high: number;
  /** Last-12-months profit (sales where cost is unknown) of the defectors, as of the period's end. */
  readonly valueLost: number;
  /** Rate of the previous period for the same group, and the change. */
  readonly previousRate: number | null;
  readonly trend: number | null;
}

/** One group's place in the incentive ranking of the latest period. */
export interface DefectionRanking {
  readonly rank: number;
  readonly group: string;
  readonly customersAtStart: number;
  readonly defected: number;
  readonly rate: number | null;
  readonly low: number;
  readonly high: number;
  /**
   * False when the group's 95% interval contains the overall rate: too small (or too average) to be
   * told apart from the whole base, so it should not be rewarded or blamed on noise.
   */
  readonly distinguishable: boolean;
}

/** Defection rate as the key figure, per period, overall and per group, with the latest ranking. */
export interface DefectionRateReport {
  readonly by: DefectionRateGroup | null;
  readonly rows: readonly DefectionRateRow[];
  readonly ranking: readonly DefectionRanking[];
  readonly notes: readonly string[];
}

interface Snapshot {
  readonly level: RuleLevel;
  readonly f: CustomerFeatures;
}

/**
 * The defection rate per period: of the customers not defected at the start of P (with a purchase
 * before it), the share the rules call defected at its end, with the 95% Wilson interval, the value
 * lost and the trend against the previous period — overall and per branch or owner. Statuses at each
 * boundary come from applying the rules to the data up to that day, so the figure is reproducible
 * for any history (and needs no stored runs); a model rule reads the purchase model fitted on that
 * same history (one fit per boundary, as in the backtest). The ranking orders the latest period's
 * groups by rate, lowest first, flagging those not distinguishable from the overall rate. Reads only
 * the engine's facts.
 *
 * @example
 * const r = await defectionRate(engine, { period: { unit: "month" }, by: "branch" });
 * for (const row of r.rows) console.log(row.period, row.group, row.rate);
 */
export async function defectionRate(
  engine: Engine,
  options: DefectionRateOptions,
): Promise<DefectionRateReport> {
  const rules = options.rules ?? defaultDefectionRules;
  const day = engine.dialect.epochDay("occurred_at", null);
  const [range] = await engine.facts.all(
    sql(
      `SELECT min(${day}) AS first_day, max(${day}) AS last_day FROM transactions WHERE customer_id IS NOT NULL`,
    ),
  );
  const notes: string[] = [];
  if (range?.first_day === null || range?.first_day === undefined)
    return { by: options.by ?? null, rows: [], ranking: [], notes: ["no transactions"] };
  const lastDay = options.to === undefined ? Number(range.last_day) : toEpochDay(options.to);
  const periods = periodRange(Number(range.first_day), lastDay, options.period)
    .filter((p) => p.endDay - 1 <= lastDay && p.startDay > Number(range.first_day))
    .slice(-(options.periods ?? 12));
  const snapshots = new Map<number, Map<string, Snapshot>>();
  const snapshotAt = async (boundary: number) => {
    const cached = snapshots.get(boundary);
    if (cached !== undefined) return cached;
    const loaded = await loadFeatures(engine, rules, { asOfDay: boundary - 1, figures: "as-of" });
    for (const n of loaded.notes) if (!notes.includes(n)) notes.push(n);
    const map = new Map<string, Snapshot>();
    for (const f of loaded.features)
      map.set(f.customerId, { f, level: evaluateDefection(f, loaded.rules, boundary - 1).level });
    snapshots.set(boundary, map);
    return map;
  };
  const by = options.by ?? null;
  const attributes = await attributeGroups(engine, by);
  const rows: DefectionRateRow[] = [];
  const previous = new Map<string | null, number | null>();
  for (const p of periods) {
    const start = await snapshotAt(p.startDay);
    const end = await snapshotAt(p.endDay);
    const groups = new Map<string | null, { n: number; d: number; value: number }>();
    const add = (key: string | null, defected: boolean, value: number) => {
      const g = groups.get(key) ?? { n: 0, d: 0, value: 0 };
      g.n++;
      if (defected) {
        g.d++;
        g.value += value;
      }
      groups.set(key, g);
    };
    for (const [id, s] of start) {
      if (s.level === "defected") continue;
      const e = end.get(id) ?? s;
      const defected = e.level === "defected";
      const value = defected ? valueAtStake({ ...e.f, clv: null, pAlive: null }, "defected").value : 0;
      add(null, defected, value);
      if (by !== null)
        add(
          (attributes !== null ? attributes.get(id) : by === "branch" ? e.f.branch : e.f.owner) ?? "(none)",
          defected,
          value,
        );
    }
    for (const [group, g] of [...groups].sort(([a], [b]) =>
      a === null ? -1 : b === null ? 1 : a.localeCompare(b),
    )) {
      const rate = g.n === 0 ? null : g.d / g.n;
      const ci = wilsonInterval(g.d, g.n);
      const prev = previous.get(group) ?? null;
      rows.push({
        period: p.label,
        group,
        customersAtStart: g.n,
        defected: g.d,
        rate,
        low: ci.low,
        high: ci.high,
        valueLost: g.value,
        previousRate: prev,
        trend: prev === null || rate === null ? null : rate - prev,
      });
      previous.set(group, rate);
    }
  }
  const lastLabel = periods.at(-1)?.label;
  const latest = rows.filter((r) => r.period === lastLabel);
  const overall = latest.find((r) => r.group === null)?.rate ?? null;
  const ranking = latest
    .filter((r) => r.group !== null)
    .sort((a, b) => (a.rate ?? 1) - (b.rate ?? 1) || b.customersAtStart - a.customersAtStart)
    .map((r, i) => ({
      rank: i + 1,
      group: r.group ?? "",
      customersAtStart: r.customersAtStart,
      defected: r.defected,
      rate: r.rate,
      low: r.low,
      high: r.high,
      distinguishable: overall !== null && (overall < r.low || overall > r.high),
    }));
  if (periods.length > 0)
    notes.push(`periods ${periods[0]?.label} … ${lastLabel} (data up to ${fromEpochDay(lastDay)})`);
  return { by, rows, ranking, notes };
}
