import { numberOrNull, numberOrZero, textOrNull } from "../analyses/rowValues.ts";
import { fromEpochDay } from "../periods/epochDay.ts";
import type { Row } from "../SqlClient.ts";
import { questionnaireReason } from "./questionnaireReason.ts";

/** Grouping of the reason table besides the reason itself ("category": the reason's own category). */
export type ReasonDimension = "segment" | "branch" | "category";

/** Which of the two levels of an answer is counted: the reason itself, or its category. */
export type ReasonLevel = "reason" | "category";

/** Calendar periods of the reason trend (Gregorian). */
export type ReasonPeriod = "month" | "quarter" | "year";

/** One reason (in one group). */
export interface ReasonRow {
  readonly reason: string;
  /** The segment or branch, "(all)" without `by`, "(none)" when unknown. */
  readonly group: string;
  readonly customers: number;
  /** Share of the group's defectors with a recorded reason. */
  readonly share: number;
  /** Value lost: Σ value of these customers (CLV, else last-year profit, else last-year sales). */
  readonly value: number;
  readonly valueShare: number;
  /** Value lost as last-12-months sales before the answer: Σ of these customers' sales. */
  readonly sales12m: number;
  /** Value lost as predicted lifetime value: Σ CLV of the scored ones; null when none is scored. */
  readonly clv: number | null;
  /**
   * The exit questionnaire's reason this one maps onto where they match (`questionnaireReason`),
   * null when none does; at the category level, the category's.
   */
  readonly questionnaireReason: string | null;
}

/** One reason in one period. */
export interface ReasonTrendRow {
  readonly period: string;
  readonly reason: string;
  readonly customers: number;
  readonly value: number;
  /** Share of the period's defectors with a recorded reason. */
  readonly share: number;
}

/** What `summariseReasons` reports. */
export interface ReasonReport {
  readonly customers: number;
  readonly value: number;
  /** How many customers were valued by each basis ("given": a value the rows carried, a flat file's). */
  readonly valueBasis: Readonly<Record<"clv" | "profit_12m" | "sales_12m" | "given", number>>;
  /** "reason" or "category": what the `reason` of each row is. */
  readonly level: ReasonLevel;
  readonly rows: readonly ReasonRow[];
  /**
   * With `level: "reason"`: the same defectors per reason category (two-level taxonomy), so value
   * lost reads at both levels in one report; empty at `level: "category"` (the rows are categories).
   */
  readonly categories: readonly ReasonRow[];
  readonly trend: readonly ReasonTrendRow[];
  readonly notes: readonly string[];
}

/** Options of `summariseReasons`. */
export interface SummariseReasonsOptions {
  readonly by?: ReasonDimension | null;
  /** Count reasons or their categories; default "reason". */
  readonly level?: ReasonLevel;
  /** Default "month". */
  readonly period?: ReasonPeriod;
  /** The taxonomy; reasons outside it are kept under their own code with a note. */
  readonly taxonomy?: readonly string[];
}

function periodLabel(day: number, period: ReasonPeriod): string {
  const iso = fromEpochDay(day);
  if (period === "year") return iso.slice(0, 4);
  if (period === "month") return iso.slice(0, 7);
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * Defections by reason from the rows of `reasonsQuery`: one reason per customer (its latest answer;
 * on the same day an exit survey — the customer's own words — wins over a worklist contact), counted
 * and valued overall or per segment, branch or reason category, and the trend of each reason per
 * period (rows without a day, from a flat file, have no trend). With `level: "category"` the
 * reason's category (`reason_category`, "(no category)" when unknown) is counted instead, so value
 * lost can be read at either level; at the reason level the report carries the category rows too
 * (`categories`). Each row sums the value lost three ways: value (below), last-12-months sales and
 * predicted lifetime value (CLV, where scored). Value is a `value` the row carries (a flat file's column), else
 * the customer's CLV when scored, else its profit over the year before the answer (when costs are
 * known), else its sales; never negative.
 *
 * @example
 * const report = summariseReasons(rows, { by: "branch", period: "quarter" });
 * report.rows[0]; // { reason: "price", group: "north", customers: 12, share: 0.4, value: 5400, valueShare: 0.52 }
 */
export function summariseReasons(rows: readonly Row[], options: SummariseReasonsOptions = {}): ReasonReport {
  const period = options.period ?? "month";
  const level = options.level ?? "reason";
  const latest = new Map<string, Row>();
  for (const r of rows) {
    const id = String(r.customer_id);
    const prev = latest.get(id);
    const d = numberOrNull(r, "d") ?? Number.NEGATIVE_INFINITY;
    const prevDay =
      prev === undefined ? Number.NEGATIVE_INFINITY : (numberOrNull(prev, "d") ?? Number.NEGATIVE_INFINITY);
    if (prev === undefined || d > prevDay || (d === prevDay && r.source === "exit_survey")) latest.set(id, r);
  }
  const basis = { clv: 0, profit_12m: 0, sales_12m: 0, given: 0 };
  const unknown = new Set<string>();
  type Cell = { customers: number; value: number; sales: number; clv: number | null };
  const groups = new Map<string, Map<string, Cell>>();
  const periods = new Map<string, Map<string, Cell>>();
  const bump = (
    outer: Map<string, Map<string, Cell>>,
    key: string,
    reason: string,
    value: number,
    sales: number,
    clv: number | null,
  ) => {
    const inner = outer.get(key) ?? new Map<string, Cell>();
    const cell = inner.get(reason) ?? { customers: 0, value: 0, sales: 0, clv: null };
    cell.customers++;
    cell.value += value;
    cell.sales += sales;
    if (clv !== null) cell.clv = (cell.clv ?? 0) + clv;
    inner.set(reason, cell);
    outer.set(key, inner);
  };
  let total = 0;
  let totalValue = 0;
  for (const r of latest.values()) {
    const reason =
      level === "category"
        ? (textOrNull(r, "reason_category") ?? "(no category)")
        : (textOrNull(r, "reason") ?? "other");
    if (
      level === "reason" &&
      options.taxonomy !== undefined &&
      !options.taxonomy.includes(reason) &&
      questionnaireReason(reason, textOrNull(r, "reason_category")) === null
    )
      unknown.add(reason);
    const given = numberOrNull(r, "value");
    const clv = numberOrNull(r, "clv");
    const lines = numberOrZero(r, "lines");
    const profit =
      lines > 0 && numberOrZero(r, "cost_lines") === lines ? numberOrNull(r, "profit_12m") : null;
    let raw: number;
    if (given !== null) {
      raw = given;
      basis.given++;
    } else if (clv !== null) {
      raw = clv;
      basis.clv++;
    } else if (profit !== null) {
      raw = profit;
      basis.profit_12m++;
    } else {
      raw = numberOrZero(r, "sales_12m");
      basis.sales_12m++;
    }
    const value = Math.max(0, raw);
    total++;
    totalValue += value;
    const group = options.by
      ? (textOrNull(r, options.by === "category" ? "reason_category" : options.by) ?? "(none)")
      : "(all)";
    const sales = numberOrZero(r, "sales_12m");
    bump(groups, group, reason, value, sales, clv);
    const day = numberOrNull(r, "d");
    if (day !== null) bump(periods, periodLabel(day, period), reason, value, sales, clv);
  }
  const out: ReasonRow[] = [];
  for (const [group, reasons] of [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let n = 0;
    let v = 0;
    for (const c of reasons.values()) {
      n += c.customers;
      v += c.value;
    }
    const sorted = [...reasons.entries()].sort(
      (a, b) => b[1].value - a[1].value || b[1].customers - a[1].customers,
    );
    for (const [reason, c] of sorted) {
      out.push({
        reason,
        group,
        customers: c.customers,
        share: c.customers / n,
        value: c.value,
        valueShare: v === 0 ? 0 : c.value / v,
        sales12m: c.sales,
        clv: c.clv,
        questionnaireReason:
          level === "category" ? questionnaireReason(null, reason) : questionnaireReason(reason),
      });
    }
  }
  const trend: ReasonTrendRow[] = [];
  for (const [label, reasons] of [...periods.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let n = 0;
    for (const c of reasons.values()) n += c.customers;
    for (const [reason, c] of [...reasons.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      trend.push({ period: label, reason, customers: c.customers, value: c.value, share: c.customers / n });
    }
  }
  const notes: string[] = [];
  if (unknown.size > 0)
    notes.push(
      `reasons outside the taxonomy (and matching none of its reasons): ${[...unknown].sort().join(", ")}`,
    );
  if (total === 0) notes.push("no exit reason recorded in the range (worklist contacts or exit surveys)");
  const categories =
    level === "reason"
      ? summariseReasons(rows, { ...options, level: "category", by: options.by ?? null }).rows
      : [];
  return {
    customers: total,
    value: totalValue,
    valueBasis: basis,
    level,
    rows: out,
    categories,
    trend,
    notes,
  };
}
