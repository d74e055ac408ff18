import {
  type CustomerFeatures,
  customerFeaturesQuery,
  DefectionError,
  type DefectionRules,
  defectionWindows,
  duckdbDialect,
  type SqlClient,
  sql,
  toCustomerFeatures,
} from "@vafa/core";

/** Features of every purchasing customer, and the rule set actually applied (with notes on what was dropped). */
export interface LoadedFeatures {
  readonly features: CustomerFeatures[];
  readonly rules: DefectionRules;
  readonly scored: boolean;
  readonly notes: string[];
}

/** Whether `customer_scores` exists and holds any row. */
async function hasScores(client: SqlClient): Promise<boolean> {
  const [t] = await client.all(
    sql("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $1", ["customer_scores"]),
  );
  if (Number(t?.n ?? 0) === 0) return false;
  const [r] = await client.all(sql("SELECT count(*) AS n FROM customer_scores"));
  return Number(r?.n ?? 0) > 0;
}

/**
 * Reads the features the rules need as of an epoch day. Scores join only when `customer_scores` has
 * rows and `useScores` is not false; without them a model rule is dropped with a note (it cannot be
 * evaluated) and the value at stake falls back to last-12-months profit or sales.
 *
 * @throws DefectionError when no rule is left to apply.
 * @example
 * const { features, notes } = await loadFeatures(store.client, defaultDefectionRules, { asOfDay: 15218 });
 */
export async function loadFeatures(
  client: SqlClient,
  rules: DefectionRules,
  options: { asOfDay: number; useScores?: boolean; lookbackDays?: number | null },
): Promise<LoadedFeatures> {
  const notes: string[] = [];
  const scored = options.useScores !== false && (await hasScores(client));
  let applied = rules;
  if (!scored && rules.rules.some((r) => r.kind === "model")) {
    applied = { ...rules, rules: rules.rules.filter((r) => r.kind !== "model") };
    notes.push(
      options.useScores === false
        ? "model rule not applied: scores are not used here (they were fitted on later data)"
        : "model rule unavailable: no customer scores — run `vafa clv score` first",
    );
  }
  if (applied.rules.length === 0)
    throw new DefectionError(`no defection rule can be applied: ${notes.join("; ")}`);
  const query = customerFeaturesQuery(duckdbDialect, applied, {
    asOfDay: options.asOfDay,
    scores: scored,
    lookbackDays: options.lookbackDays ?? null,
  });
  const windows = defectionWindows(applied).length;
  const features = (await client.all(query)).map((r) => toCustomerFeatures(r, windows));
  return { features, rules: applied, scored, notes };
}
