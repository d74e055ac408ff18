import {
  type CustomerFeatures,
  customerFeaturesQuery,
  DefectionError,
  type DefectionRules,
  defectionWindows,
  toCustomerFeatures,
} from "@vafa/core";
import type { ClickHouseEngine } from "./connectClickHouse.ts";

/** Features of every purchasing customer over ClickHouse, and the rule set they were read for. */
export interface ClickHouseFeatures {
  readonly features: CustomerFeatures[];
  /** The rules applied: the model rule is dropped (scores live in the state store, not with the facts). */
  readonly rules: DefectionRules;
  readonly notes: string[];
}

/**
 * The per-customer defection features as of an epoch day, read from the facts in ClickHouse with the
 * core's `customerFeaturesQuery`; statuses follow from the pure `evaluateDefection`. Only reads: alert
 * and status tables stay in the state store.
 *
 * @throws DefectionError when no rule is left once the model rule is dropped.
 * @example
 * const { features, rules } = await defectionFeatures(engine, defaultDefectionRules, toEpochDay("2011-09-01"));
 * const levels = features.map((f) => evaluateDefection(f, rules, toEpochDay("2011-09-01")).level);
 */
export async function defectionFeatures(
  engine: ClickHouseEngine,
  rules: DefectionRules,
  asOfDay: number,
  options: { readonly lookbackDays?: number | null } = {},
): Promise<ClickHouseFeatures> {
  const notes: string[] = [];
  let applied = rules;
  if (rules.rules.some((r) => r.kind === "model")) {
    applied = { ...rules, rules: rules.rules.filter((r) => r.kind !== "model") };
    notes.push("model rule not applied: customer scores are not stored with the facts in ClickHouse");
  }
  if (applied.rules.length === 0)
    throw new DefectionError(`no defection rule can be applied: ${notes.join("; ")}`);
  const query = customerFeaturesQuery(engine.dialect, applied, {
    asOfDay,
    scores: false,
    lookbackDays: options.lookbackDays ?? null,
  });
  const windows = defectionWindows(applied).length;
  const features = (await engine.client.all(query)).map((r) => toCustomerFeatures(r, windows));
  return { features, rules: applied, notes };
}
