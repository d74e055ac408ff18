import {
  defineSegmentQuery,
  deleteSegmentQuery,
  type Engine,
  getSegmentQuery,
  listSegmentsQuery,
  parseRule,
  type RfmFrame,
  ruleNeeds,
  type SegmentContext,
  SegmentError,
  type SegmentRule,
  type SqlQuery,
  segmentMembersQuery,
} from "@vafa/core";
import { storedScoreCount } from "../storedScoreCount.ts";
import { resolveAsOfDay, rfmFrame } from "./rfmFrame.ts";

/** A saved segment. */
export interface SavedSegment {
  readonly name: string;
  readonly rule: string;
  readonly description: string | null;
  readonly created_at: string | null;
}

const toSaved = (r: Record<string, unknown>): SavedSegment => ({
  name: String(r.name),
  rule: String(r.rule),
  description: r.description === null || r.description === undefined ? null : String(r.description),
  created_at: r.created_at === null || r.created_at === undefined ? null : String(r.created_at),
});

/**
 * Validates a rule and saves it under `name` (replacing one of the same name) in the operational
 * store: a saved segment is a definition people edit; its members are read from the facts.
 *
 * @throws SegmentError (with the position) when the rule does not parse or a field is unknown.
 * @example
 * await defineSegment(engine, "vip-uk", 'monetary > 5000 and country = "United Kingdom"', "top UK");
 */
export async function defineSegment(
  engine: Engine,
  name: string,
  rule: string,
  description: string | null = null,
): Promise<SavedSegment> {
  parseRule(rule);
  await engine.state.run(defineSegmentQuery(name, rule, description));
  return (await getSegment(engine, name)) as SavedSegment;
}

/** All saved segments by name, from the operational store. */
export async function listSegments(engine: Engine): Promise<SavedSegment[]> {
  return (await engine.state.all(listSegmentsQuery())).map(toSaved);
}

/** One saved segment, or null. */
export async function getSegment(engine: Engine, name: string): Promise<SavedSegment | null> {
  const [row] = await engine.state.all(getSegmentQuery(name));
  return row ? toSaved(row) : null;
}

/** Deletes a saved segment; true when it existed. */
export async function deleteSegment(engine: Engine, name: string): Promise<boolean> {
  const existed = (await getSegment(engine, name)) !== null;
  await engine.state.run(deleteSegmentQuery(name));
  return existed;
}

/**
 * Whether the analytic store has a `customer_scores` table (the DuckDB file always has one; a
 * ClickHouse store only once customers were scored there), so rules on clv and p_alive can join it.
 */
export async function hasCustomerScores(engine: Engine): Promise<boolean> {
  return (await storedScoreCount(engine.facts)) !== null;
}

/**
 * A saved segment's name or a rule, resolved to its parsed rule: a saved name wins; anything else is
 * parsed as a rule.
 *
 * @throws SegmentError when it is neither.
 */
export async function resolveRule(
  engine: Engine,
  nameOrRule: string,
): Promise<{ name: string | null; rule: SegmentRule }> {
  const saved = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(nameOrRule)
    ? await getSegment(engine, nameOrRule)
    : null;
  if (saved) return { name: saved.name, rule: parseRule(saved.rule) };
  try {
    return { name: null, rule: parseRule(nameOrRule) };
  } catch (error) {
    if (error instanceof SegmentError && /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(nameOrRule)) {
      throw new SegmentError(
        `no saved segment "${nameOrRule}", and it is not a rule either: ${error.message}`,
        error.position,
      );
    }
    throw error;
  }
}

/**
 * What a rule needs joined in (RFM thresholds, whether scores exist), read from the engine's facts.
 *
 * @example
 * const context = await segmentContext(engine, parseRule('rfm_segment = "at_risk"'));
 */
export async function segmentContext(
  engine: Engine,
  rule: SegmentRule,
  options: { readonly asOf?: string | null; readonly frame?: RfmFrame | null } = {},
): Promise<SegmentContext> {
  const needs = ruleNeeds(rule);
  const asOfDay = needs.rfm || needs.spendDays.length > 0 ? await resolveAsOfDay(engine, options.asOf) : null;
  const frame = needs.rfm ? (options.frame ?? (await rfmFrame(engine, asOfDay as number))) : null;
  return { rfm: frame, hasScores: needs.scores ? await hasCustomerScores(engine) : false, asOfDay };
}

/**
 * The query of a segment's members (customer ids, ordered) on the engine's facts, in its dialect:
 * by saved name or by rule. The returned `SqlQuery` can be run or embedded (its parameters are
 * positional from the first).
 *
 * @example
 * const q = await segmentMembersQueryFor(engine, "vip-uk");
 * const ids = (await engine.facts.all(q)).map((r) => r.customer_id);
 */
export async function segmentMembersQueryFor(
  engine: Engine,
  nameOrRule: string,
  asOf?: string | null,
): Promise<SqlQuery> {
  const { rule } = await resolveRule(engine, nameOrRule);
  return segmentMembersQuery(
    engine.dialect,
    rule,
    await segmentContext(engine, rule, { asOf: asOf ?? null }),
  );
}

/**
 * The customer ids of a saved segment or a rule.
 *
 * @example
 * await segmentMembers(engine, 'country in ("France", "Germany") and frequency >= 5');
 */
export async function segmentMembers(
  engine: Engine,
  nameOrRule: string,
  asOf?: string | null,
): Promise<string[]> {
  const rows = await engine.facts.all(await segmentMembersQueryFor(engine, nameOrRule, asOf));
  return rows.map((r) => String(r.customer_id));
}
