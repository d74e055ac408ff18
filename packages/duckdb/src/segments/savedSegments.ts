import {
  defineSegmentQuery,
  deleteSegmentQuery,
  duckdbDialect,
  getSegmentQuery,
  listSegmentsQuery,
  parseRule,
  type RfmFrame,
  ruleNeeds,
  type SegmentContext,
  SegmentError,
  type SegmentRule,
  type SqlClient,
  type SqlQuery,
  segmentMembersQuery,
  sql,
} from "@vafa/core";
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
 * Validates a rule and saves it under `name` (replacing one of the same name).
 *
 * @throws SegmentError (with the position) when the rule does not parse or a field is unknown.
 * @example
 * await defineSegment(store.client, "vip-uk", 'monetary > 5000 and country = "United Kingdom"', "top UK");
 */
export async function defineSegment(
  client: SqlClient,
  name: string,
  rule: string,
  description: string | null = null,
): Promise<SavedSegment> {
  parseRule(rule);
  await client.run(defineSegmentQuery(name, rule, description));
  return (await getSegment(client, name)) as SavedSegment;
}

/** All saved segments by name. */
export async function listSegments(client: SqlClient): Promise<SavedSegment[]> {
  return (await client.all(listSegmentsQuery())).map(toSaved);
}

/** One saved segment, or null. */
export async function getSegment(client: SqlClient, name: string): Promise<SavedSegment | null> {
  const [row] = await client.all(getSegmentQuery(name));
  return row ? toSaved(row) : null;
}

/** Deletes a saved segment; true when it existed. */
export async function deleteSegment(client: SqlClient, name: string): Promise<boolean> {
  const existed = (await getSegment(client, name)) !== null;
  await client.run(deleteSegmentQuery(name));
  return existed;
}

/** Whether `customer_scores` exists (it does after migration 2; a ClickHouse store may differ). */
export async function hasCustomerScores(client: SqlClient): Promise<boolean> {
  const [row] = await client.all(
    sql("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'customer_scores'"),
  );
  return Number(row?.n ?? 0) > 0;
}

/**
 * A saved segment's name or a rule, resolved to its parsed rule: a saved name wins; anything else is
 * parsed as a rule.
 *
 * @throws SegmentError when it is neither.
 */
export async function resolveRule(
  client: SqlClient,
  nameOrRule: string,
): Promise<{ name: string | null; rule: SegmentRule }> {
  const saved = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(nameOrRule)
    ? await getSegment(client, nameOrRule)
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
 * What a rule needs joined in (RFM thresholds, whether scores exist), read from the store.
 *
 * @example
 * const context = await segmentContext(store.client, parseRule('rfm_segment = "at_risk"'));
 */
export async function segmentContext(
  client: SqlClient,
  rule: SegmentRule,
  options: { readonly asOf?: string | null; readonly frame?: RfmFrame | null } = {},
): Promise<SegmentContext> {
  const needs = ruleNeeds(rule);
  const asOfDay = needs.rfm || needs.spendDays.length > 0 ? await resolveAsOfDay(client, options.asOf) : null;
  const frame = needs.rfm ? (options.frame ?? (await rfmFrame(client, asOfDay as number))) : null;
  return { rfm: frame, hasScores: needs.scores ? await hasCustomerScores(client) : false, asOfDay };
}

/**
 * The query of a segment's members (customer ids, ordered): by saved name or by rule. The returned
 * `SqlQuery` can be run or embedded (its parameters are positional from $1).
 *
 * @example
 * const q = await segmentMembersQueryFor(store.client, "vip-uk");
 * const ids = (await store.client.all(q)).map((r) => r.customer_id);
 */
export async function segmentMembersQueryFor(
  client: SqlClient,
  nameOrRule: string,
  asOf?: string | null,
): Promise<SqlQuery> {
  const { rule } = await resolveRule(client, nameOrRule);
  return segmentMembersQuery(duckdbDialect, rule, await segmentContext(client, rule, { asOf: asOf ?? null }));
}

/**
 * The customer ids of a saved segment or a rule.
 *
 * @example
 * await segmentMembers(store.client, 'country in ("France", "Germany") and frequency >= 5');
 */
export async function segmentMembers(
  client: SqlClient,
  nameOrRule: string,
  asOf?: string | null,
): Promise<string[]> {
  const rows = await client.all(await segmentMembersQueryFor(client, nameOrRule, asOf));
  return rows.map((r) => String(r.customer_id));
}
