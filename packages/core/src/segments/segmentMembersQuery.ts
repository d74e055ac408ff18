import type { Dialect } from "../Dialect.ts";
import { toEpochDay } from "../periods/epochDay.ts";
import { SqlParams } from "../retention/SqlParams.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import { type RfmFrame, rfmScoredSql } from "./rfmQuery.ts";
import { SegmentError } from "./SegmentError.ts";
import type { RuleCondition, RuleValue, SegmentRule } from "./SegmentRule.ts";
import { findField, type SegmentField, segmentFields, spendDays } from "./segmentFields.ts";

/** What a rule needs before it can be compiled. */
export interface RuleNeeds {
  /** Uses RFM measures or segments: the caller must supply an `RfmFrame`. */
  readonly rfm: boolean;
  /** Uses clv or p_alive. */
  readonly scores: boolean;
  /** Uses the customer row. */
  readonly customer: boolean;
  /** Windows (days) of the `spend_<N>d` fields used. */
  readonly spendDays: readonly number[];
}

/** Everything a rule may join in, resolved by the caller (the engine adapter). */
export interface SegmentContext {
  /** The RFM frame (as-of day and thresholds); required when `ruleNeeds(rule).rfm`. */
  readonly rfm?: RfmFrame | null;
  /** Whether `customer_scores` exists; when not, clv and p_alive are null. Default false. */
  readonly hasScores?: boolean;
  /** Epoch day ending the `spend_<N>d` windows; default the last transaction day. */
  readonly asOfDay?: number | null;
}

function conditions(rule: SegmentRule): RuleCondition[] {
  if ("and" in rule) return rule.and.flatMap(conditions);
  if ("or" in rule) return rule.or.flatMap(conditions);
  if ("not" in rule) return conditions(rule.not);
  return [rule];
}

function fieldOf(name: string): SegmentField {
  const f = findField(name);
  // parseRule already rejected unknown fields; a hand-built rule may not have gone through it.
  if (f === undefined) throw new SegmentError(`unknown field "${name}"`);
  return f;
}

/**
 * Which joins a rule needs, so the adapter computes RFM thresholds or checks for `customer_scores`
 * only when the rule uses them.
 *
 * @example
 * ruleNeeds(parseRule('rfm_segment = "lost" and spend_30d > 0')); // { rfm: true, scores: false, customer: false, spendDays: [30] }
 */
export function ruleNeeds(rule: SegmentRule): RuleNeeds {
  const fields = conditions(rule).map((c) => fieldOf(c.field));
  return {
    rfm: fields.some((f) => f.source === "rfm"),
    scores: fields.some((f) => f.source === "scores"),
    customer: fields.some((f) => f.source === "customer"),
    spendDays: [...new Set(fields.filter((f) => f.source === "spend").map(spendDays))].sort((a, b) => a - b),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The prefix a source's columns carry in the joined relation, so no two sources' names collide. */
const PREFIX: Record<Exclude<SegmentField["source"], "categories" | "attribute">, string> = {
  customer: "c_",
  rfm: "rfm_",
  scores: "sc_",
  spend: "sp_",
};

/**
 * A condition on a customer attribute (`attr_contract = "Month-to-month"`, `attr_tenure < 6`): the
 * customers whose attribute of that name (lower case, spaces as _) compares true — its number with a
 * number, its text with text. The name and values are bound parameters. A customer without the
 * attribute is null: `is null` holds for it, other comparisons do not.
 */
function attributeConditionSql(p: SqlParams, field: SegmentField, c: RuleCondition): string {
  const named = `SELECT customer_id FROM customer_attributes WHERE lower(replace(name, ' ', '_')) = ${p.add(field.column)}`;
  if (c.op === "is null") return `customer_id NOT IN (${named})`;
  if (c.op === "is not null") return `customer_id IN (${named})`;
  const values =
    c.op === "in" || c.op === "not in" ? (c.value as readonly RuleValue[]) : [c.value as RuleValue];
  const column = typeof values[0] === "number" ? "number" : "value";
  const bound = values.map((v) => p.add(v));
  const test =
    c.op === "in" || c.op === "not in"
      ? `${c.op === "in" ? "" : "NOT "}${column} IN (${bound.join(", ")})`
      : `${column} ${c.op === "!=" ? "<>" : c.op} ${bound[0]}`;
  return `customer_id IN (${named} AND ${test})`;
}

function conditionSql(dialect: Dialect, p: SqlParams, c: RuleCondition, hasScores: boolean): string {
  const field = fieldOf(c.field);
  if (field.source === "attribute") return attributeConditionSql(p, field, c);
  const col =
    field.source === "categories" ? "" : dialect.quoteIdent(`${PREFIX[field.source]}${field.column}`);
  const ref =
    field.source === "scores" && !hasScores
      ? dialect.nullOf("DOUBLE")
      : field.source === "spend"
        ? `coalesce(${col}, 0)`
        : col;
  if (field.source === "categories") {
    if (c.op === "contains") {
      return `customer_id IN (SELECT customer_id FROM transactions WHERE category = ${p.add(String(c.value))} AND amount > 0 AND customer_id IS NOT NULL)`;
    }
    const bought =
      "SELECT customer_id FROM transactions WHERE category IS NOT NULL AND amount > 0 AND customer_id IS NOT NULL";
    return `customer_id ${c.op === "is null" ? "NOT IN" : "IN"} (${bought})`;
  }
  const expr = field.type === "date" ? dialect.epochDay(ref, null) : ref;
  const bind = (v: RuleValue) => p.add(field.type === "date" ? toEpochDay(String(v)) : v);
  switch (c.op) {
    case "is null":
      return `${ref} IS NULL`;
    case "is not null":
      return `${ref} IS NOT NULL`;
    case "in":
    case "not in": {
      const list = (c.value as readonly RuleValue[]).map(bind).join(", ");
      return `${c.op === "in" ? "" : "NOT "}${expr} IN (${list})`;
    }
    case "contains":
      // Tags are a comma-separated list: match one whole tag, with LIKE wildcards in the value escaped.
      return dialect.like(
        `(',' || replace(${ref}, ', ', ',') || ',')`,
        p.add(`%,${escapeLike(String(c.value))},%`),
      );
    default:
      return `${expr} ${c.op === "!=" ? "<>" : c.op} ${bind(c.value as RuleValue)}`;
  }
}

function ruleSql(dialect: Dialect, p: SqlParams, rule: SegmentRule, hasScores: boolean): string {
  if ("and" in rule) return `(${rule.and.map((r) => ruleSql(dialect, p, r, hasScores)).join(" AND ")})`;
  if ("or" in rule) return `(${rule.or.map((r) => ruleSql(dialect, p, r, hasScores)).join(" OR ")})`;
  // "not" means "does not satisfy": a customer whose field is unknown (NULL) is not excluded from it.
  if ("not" in rule) return `(CASE WHEN ${ruleSql(dialect, p, rule.not, hasScores)} THEN 0 ELSE 1 END = 1)`;
  return `(${conditionSql(dialect, p, rule, hasScores)})`;
}

/**
 * The members of a rule as a relation `(customer_id)`, written with `p` so it can be embedded in a
 * bigger query (retention by segment, campaign audiences, targets). Customers are everyone in
 * `customers` or with a transaction. Field names come only from the whitelist; every literal is a
 * bound parameter.
 *
 * @throws SegmentError when the rule needs RFM and `context.rfm` is missing.
 */
export function segmentMembersSql(
  dialect: Dialect,
  p: SqlParams,
  rule: SegmentRule,
  context: SegmentContext = {},
): string {
  const needs = ruleNeeds(rule);
  const hasScores = context.hasScores ?? false;
  const q = (name: string) => dialect.quoteIdent(name);
  const renamed = (source: keyof typeof PREFIX) =>
    segmentFields
      .filter((f) => f.source === source)
      .map((f) => `${q(f.column)} AS ${q(`${PREFIX[source]}${f.column}`)}`);
  // Each source is a subquery keyed by `customer_id`, its columns prefixed; they are joined one per SELECT.
  const sources: { sql: string; columns: string[] }[] = [];
  const named = (list: string[]) => list.map((c) => c.slice(c.lastIndexOf(" AS ") + 4));
  if (needs.customer) {
    const columns = renamed("customer");
    sources.push({
      sql: `SELECT id AS customer_id, ${columns.join(", ")} FROM customers`,
      columns: named(columns),
    });
  }
  if (needs.rfm) {
    if (!context.rfm) throw new SegmentError("this rule uses RFM fields: compute the RFM frame first");
    const columns = renamed("rfm");
    sources.push({
      sql: `SELECT customer_id, ${columns.join(", ")} FROM (${rfmScoredSql(dialect, p, context.rfm)}) AS rfm`,
      columns: named(columns),
    });
  }
  if (needs.scores && hasScores) {
    sources.push({
      sql: "SELECT customer_id, max(clv) AS sc_clv, max(p_alive) AS sc_p_alive FROM customer_scores GROUP BY customer_id",
      columns: ["sc_clv", "sc_p_alive"].map(q),
    });
  }
  if (needs.spendDays.length > 0) {
    const day = dialect.epochDay("occurred_at", null);
    const asOf =
      context.asOfDay === undefined || context.asOfDay === null
        ? `(SELECT max(${day}) FROM transactions)`
        : p.add(context.asOfDay);
    const columns = needs.spendDays.map(
      (n) =>
        `sum(CASE WHEN d > ${asOf} - ${n} AND d <= ${asOf} THEN amount ELSE 0 END) AS ${q(`sp_spend_${n}d`)}`,
    );
    sources.push({
      sql: `SELECT customer_id, ${columns.join(", ")} FROM (SELECT customer_id, amount, ${day} AS d FROM transactions WHERE customer_id IS NOT NULL) AS sl GROUP BY customer_id`,
      columns: named(columns),
    });
  }
  // Everyone in `customers` or with a transaction, once (UNION ALL + DISTINCT: ClickHouse 18.16 has no UNION).
  let relation = `(SELECT DISTINCT customer_id FROM (
      SELECT id AS customer_id FROM customers
      UNION ALL SELECT customer_id FROM transactions WHERE customer_id IS NOT NULL
    ) AS all_ids) AS ids`;
  let columns = ["customer_id"];
  sources.forEach((source, i) => {
    relation = `(SELECT ${[...columns, ...source.columns].join(", ")} FROM ${relation}
      ${dialect.smallTableJoin("LEFT")} (${source.sql}) AS s${i} USING (customer_id)) AS j${i}`;
    columns = [...columns, ...source.columns];
  });
  const where = ruleSql(dialect, p, rule, hasScores);
  return `SELECT customer_id FROM ${relation}
    WHERE ${where}`;
}

/**
 * The customer ids matching a rule, ordered, as a standalone query.
 *
 * @example
 * segmentMembersQuery(duckdbDialect, parseRule('country in ("France", "Germany")'));
 * // { sql: "SELECT customer_id FROM … WHERE ((\"c_country\" IN ($1, $2))) ORDER BY customer_id", params: ["France", "Germany"] }
 */
export function segmentMembersQuery(
  dialect: Dialect,
  rule: SegmentRule,
  context: SegmentContext = {},
): SqlQuery {
  const p = new SqlParams(dialect);
  const text = segmentMembersSql(dialect, p, rule, context);
  // By name: ClickHouse 18.16 reads `ORDER BY 1` as a constant.
  return { sql: `${text}\n    ORDER BY customer_id`, params: p.values };
}
