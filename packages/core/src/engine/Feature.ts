import { AppError } from "../AppError.ts";
import type { Engine } from "./Engine.ts";

/**
 * Every use case, by the name a user sees. An engine lists those it runs; `requireFeature` refuses
 * the rest, so no command or route ever answers from a store other than the one configured.
 */
export const features = {
  ingest: "loading data",
  retention: "retention",
  cohorts: "cohorts",
  lifecycle: "the customer lifecycle",
  "repurchase-cycle": "the repurchase cycle",
  profitability: "profitability",
  "share-of-wallet": "share of wallet",
  "clv-fit": "fitting lifetime-value models",
  "clv-score": "scoring customers",
  "clv-check": "checking lifetime-value models",
  "defection-run": "the defection run",
  "defection-rate": "the defection rate",
  "defection-backtest": "the defection backtest",
  worklist: "the worklist",
  webhooks: "webhooks",
  complaints: "complaints",
  surveys: "surveys",
  "causes-reasons": "defection reasons",
  "causes-drivers": "defection drivers",
  "causes-profiles": "defector profiles",
  programme: "the retention programme",
  "segments-rfm": "RFM segments",
  "segments-saved": "saved segments",
  "segments-targets": "target-customer analysis",
  "segments-clusters": "customer clusters",
  baskets: "basket analysis",
  recommend: "recommendations",
  overview: "the overview",
  customers: "customer pages",
  demo: "the demo",
} as const;

/** A use case's name. */
export type Feature = keyof typeof features;

/** The user-facing name of a use case, e.g. "basket analysis". */
export function featureLabel(feature: Feature): string {
  return features[feature];
}

const engineLabel = { duckdb: "DuckDB", clickhouse: "ClickHouse" } as const;

/**
 * Refuses a use case the engine cannot run, with the message every surface shows.
 *
 * @throws AppError `not_supported`: "basket analysis is not available on ClickHouse yet".
 * @example
 * requireFeature(engine, "baskets");
 */
export function requireFeature(engine: Pick<Engine, "name" | "features">, feature: Feature): void {
  if (!engine.features.has(feature))
    throw new AppError(
      "not_supported",
      `${featureLabel(feature)} is not available on ${engineLabel[engine.name]} yet`,
    );
}
