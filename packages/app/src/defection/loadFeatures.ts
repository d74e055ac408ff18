import {
  type CustomerFeatures,
  customerFeaturesQuery,
  DefectionError,
  type DefectionRule,
  type DefectionRules,
  defectionWindows,
  type Engine,
  purchaseHorizon,
  toCustomerFeatures,
} from "@vafa/core";
import { storedScoreCount } from "../storedScoreCount.ts";
import { fitModelAsOf, type ModelAsOf, type ModelFitAsOf } from "./fitModelAsOf.ts";

/**
 * Where the model rules' figures come from:
 * - `"stored"` (a live run): P(alive) from `customer_scores` when it has rows; P(purchase), which no
 *   stored score holds, from the purchase model fitted on the history up to the as-of day.
 * - `"as-of"` (a backtest): both from the fit up to the as-of day; stored scores are not read (they
 *   were fitted on later data).
 * - `"none"`: no model figures; model rules are dropped with a note.
 */
export type ModelFigures = "stored" | "as-of" | "none";

/** Features of every purchasing customer, and the rule set actually applied (with notes on what was dropped). */
export interface LoadedFeatures {
  readonly features: CustomerFeatures[];
  readonly rules: DefectionRules;
  /** Whether P(alive) and CLV came from `customer_scores`. */
  readonly scored: boolean;
  /** The fit up to the as-of day behind the model figures, or null when none was made. */
  readonly model: ModelFitAsOf | null;
  readonly notes: string[];
}

const readsPurchase = (r: DefectionRule) => r.kind === "model" && r.measure === "p_purchase";
const readsAlive = (r: DefectionRule) => r.kind === "model" && r.measure !== "p_purchase";

/**
 * Reads the features the rules need as of an epoch day from the engine's facts, with the model rules' figures from where
 * `figures` says (default `"stored"`, see `ModelFigures`). A model rule whose figure is not available
 * — no stored scores for P(alive) in a live run, or a purchase model that cannot be fitted on the
 * history up to the as-of day (too little data) — is dropped with a note, so `combine: "all"` falls
 * back to the other rules; a customer the figures do not cover simply gets no model finding. Without
 * stored scores the value at stake falls back to last-12-months profit or sales.
 *
 * @throws DefectionError when no rule is left to apply.
 * @example
 * const { features, notes } = await loadFeatures(engine, defaultDefectionRules, { asOfDay: 15218 });
 * const backtest = await loadFeatures(engine, defaultDefectionRules, { asOfDay: 15218, figures: "as-of" });
 */
export async function loadFeatures(
  engine: Engine,
  rules: DefectionRules,
  options: { asOfDay: number; figures?: ModelFigures; lookbackDays?: number | null },
): Promise<LoadedFeatures> {
  const notes: string[] = [];
  const figures = options.figures ?? "stored";
  const scored = figures === "stored" && ((await storedScoreCount(engine.facts)) ?? 0) > 0;
  const wantsAlive = rules.rules.some(readsAlive);
  const horizon = purchaseHorizon(rules);
  let model: ModelAsOf | null = null;
  if ((figures === "as-of" && wantsAlive) || (figures !== "none" && horizon !== null)) {
    try {
      model = await fitModelAsOf(engine, { asOfDay: options.asOfDay, horizonDays: horizon });
    } catch (error) {
      notes.push(
        `model rule not applied: the purchase model could not be fitted on the history up to as-of (${(error as Error).message})`,
      );
    }
  }
  const aliveFromFit = figures === "as-of" && model !== null;
  const dropAlive = wantsAlive && !scored && !aliveFromFit;
  const dropPurchase = horizon !== null && model === null;
  const applied: DefectionRules = {
    ...rules,
    rules: rules.rules.filter((r) => !(dropAlive && readsAlive(r)) && !(dropPurchase && readsPurchase(r))),
  };
  if ((dropAlive || dropPurchase) && figures === "none")
    notes.push("model rule not applied: no model figures are computed here");
  if (dropAlive && figures === "stored")
    notes.push("model rule unavailable: no customer scores — run `vafa clv score` first");
  if (applied.rules.length === 0)
    throw new DefectionError(`no defection rule can be applied: ${notes.join("; ")}`);
  const query = customerFeaturesQuery(engine.dialect, applied, {
    asOfDay: options.asOfDay,
    scores: scored,
    lookbackDays: options.lookbackDays ?? null,
  });
  const windows = defectionWindows(applied).length;
  const features = (await engine.facts.all(query)).map((r) => {
    const f = toCustomerFeatures(r, windows);
    if (model === null) return f;
    return {
      ...f,
      ...(aliveFromFit ? { pAlive: model.pAlive.get(f.customerId) ?? null } : {}),
      pPurchase: model.pPurchase.get(f.customerId) ?? null,
    };
  });
  return { features, rules: applied, scored, model: model?.fit ?? null, notes };
}
