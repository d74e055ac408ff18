import { fileURLToPath } from "node:url";
import {
  type BasketOptions,
  type BasketRules,
  type CustomerFeatures,
  compressedSpendQuery,
  compressedSummaryQuery,
  customerSummaryQuery,
  type DefectionRules,
  type Dialect,
  defaultDefectionRules,
  duckdbDialect,
  evaluateDefection,
  parseDefectionRules,
  parseProfitabilityDimension,
  parseRule,
  type RfmFrame,
  type Row,
  rfmCustomersQuery,
  rfmSegmentsQuery,
  rfmTransitionsQuery,
  rfmValueCountsQuery,
  type SqlClient,
  type SummaryOptions,
  toEpochDay,
} from "@vafa/core";
import * as duck from "@vafa/duckdb";
import { ingestFiles, openStore, type Store } from "@vafa/duckdb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ch from "../src/index.ts";
import { type ClickHouseEngine, connectClickHouse, copyFromDuckDB } from "../src/index.ts";
import { startCluster, type TestCluster } from "./cluster.ts";

/**
 * The engine contract: every case runs on the embedded DuckDB store and on a real two-shard
 * ClickHouse cluster over the same data (Online Retail), and the answers must be equal — counts,
 * labels and flags exactly, sums and rates to 1e-9 relative.
 */
interface Engine {
  readonly name: "duckdb" | "clickhouse";
  readonly client: SqlClient;
  readonly dialect: Dialect;
  readonly retention: (o: Parameters<typeof ch.retention>[1]) => ReturnType<typeof ch.retention>;
  readonly cohorts: (o: Parameters<typeof ch.cohorts>[1]) => ReturnType<typeof ch.cohorts>;
  readonly lifecycle: (o: Parameters<typeof ch.lifecycle>[1]) => ReturnType<typeof ch.lifecycle>;
  readonly repurchaseCycle: (
    o?: Parameters<typeof ch.repurchaseCycle>[1],
  ) => ReturnType<typeof ch.repurchaseCycle>;
  readonly profitability: (o?: Parameters<typeof ch.profitability>[1]) => ReturnType<typeof ch.profitability>;
  /** Defection features as of an epoch day, and the rules applied to them. */
  readonly features: (
    rules: DefectionRules,
    asOfDay: number,
    lookbackDays?: number,
  ) => Promise<{ features: CustomerFeatures[]; rules: DefectionRules }>;
  readonly rfmFrame: (asOfDay: number, bins?: number) => Promise<RfmFrame>;
  /** Members of a rule written in the rule language, measured as of a date. */
  readonly segmentMembers: (rule: string, asOf: string) => Promise<string[]>;
  readonly basketRules: (o: BasketOptions) => Promise<BasketRules>;
  /** The CLV model summary per customer, compressed to (x, t_x, T) patterns, and the compressed spend. */
  readonly modelSummary: (o: SummaryOptions) => Promise<Row[]>;
  readonly compressedSummary: (o: SummaryOptions) => Promise<Row[]>;
  readonly compressedSpend: (o: SummaryOptions) => Promise<Row[]>;
}

type Case = (engine: Engine) => Promise<unknown>;

const month = { unit: "month" } as const;

/** Rows in a canonical order (by their JSON), for results whose row order is not part of the contract. */
function sorted(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Features and the status the pure rules give each customer, by customer id. */
async function defection(e: Engine, rules: DefectionRules, asOf: string, lookbackDays?: number) {
  const day = toEpochDay(asOf);
  const loaded = await e.features(rules, day, lookbackDays);
  return [...loaded.features]
    .sort((a, b) => a.customerId.localeCompare(b.customerId))
    .map((f) => {
      const v = evaluateDefection(f, loaded.rules, day);
      return { ...f, level: v.level, rule: v.rule, firedDay: v.firedDay };
    });
}

/** How many customers each level holds at the first day of each month of 2011 (the defection-rate inputs). */
async function levelsByMonth(e: Engine) {
  const out: Record<string, Record<string, number>> = {};
  for (const month of ["2011-04-01", "2011-07-01", "2011-10-01", "2011-12-01"]) {
    const day = toEpochDay(month) - 1;
    const { features, rules } = await e.features(defaultDefectionRules, day);
    const counts: Record<string, number> = {};
    for (const f of features) {
      const level = evaluateDefection(f, rules, day).level;
      counts[level] = (counts[level] ?? 0) + 1;
    }
    out[month] = counts;
  }
  return out;
}

const sept = toEpochDay("2011-09-01");

/** Rules exercising every SQL path of the features query: two window pairs, spend and the contract rule. */
const allPathRules = parseDefectionRules({
  combine: "any",
  rules: [
    { kind: "silence", atRisk: 2, defected: 4, minPurchases: 3, fallback: "base" },
    { kind: "frequency_drop", recentDays: 60, baselineDays: 180 },
    { kind: "spend_drop", recentDays: 90, baselineDays: 270, atRisk: 0.4 },
    { kind: "contract" },
  ],
});

/** The mined rules with their numbers, and how many itemsets and frequent items were found. */
async function baskets(e: Engine, o: BasketOptions) {
  const r = await e.basketRules(o);
  expect(r.rules.length).toBeGreaterThan(0);
  return r;
}

/** The CLV summary with a holdout: its (x, t_x, T) patterns, and per customer the holdout counts and sales. */
async function holdoutSummary(e: Engine) {
  const o: SummaryOptions = { calibrationEnd: "2011-09-01", holdoutEnd: "2011-12-09", unit: "day" };
  const customers = [...(await e.modelSummary(o))].sort((a, b) =>
    String(a.customer_id).localeCompare(String(b.customer_id)),
  );
  const total = (k: string) => customers.reduce((s, r) => s + Number(r[k]), 0);
  expect(total("holdout_x")).toBeGreaterThan(0);
  return {
    patterns: sorted(await e.compressedSummary(o)),
    customers,
    holdoutX: total("holdout_x"),
    holdoutSales: total("holdout_sales"),
  };
}

/** name → what to compute. Add a case here and it runs on every engine. */
const cases: Record<string, Case> = {
  "retention, monthly": (e) => e.retention({ period: month }),
  "retention, weekly": (e) => e.retention({ period: { unit: "week" } }),
  "retention, quarterly with a margin (profit rates)": (e) =>
    e.retention({ period: { unit: "quarter" }, margin: 0.3 }),
  "retention by segment": (e) => e.retention({ period: month, by: "segment" }),
  "retention by customer country": (e) => e.retention({ period: month, by: "customer.country" }),
  "retention by transaction category": (e) => e.retention({ period: month, by: "category" }),
  "retention by transaction country": (e) => e.retention({ period: month, by: "transaction.country" }),
  "retention, Persian months": (e) => e.retention({ period: { unit: "month", calendar: "persian" } }),
  "retention, Asia/Tehran time zone": (e) => e.retention({ period: month, timeZone: "Asia/Tehran" }),
  "retention, America/Los_Angeles days, from/to": (e) =>
    e.retention({
      period: { unit: "day" },
      timeZone: "America/Los_Angeles",
      from: "2011-03-01",
      to: "2011-04-15",
    }),
  "retention, two orders and 100 spend to count": (e) =>
    e.retention({ period: month, activity: { minCount: 2, minSpend: 100 } }),
  "cohorts, count": (e) => e.cohorts({ period: month }),
  "cohorts, sales on or after, relative to previous": (e) =>
    e.cohorts({ period: month, metric: "sales", mode: "on-or-after", relativeTo: "previous" }),
  "cohorts, profit with a margin, Persian quarters": (e) =>
    e.cohorts({ period: { unit: "quarter", calendar: "persian" }, metric: "profit", margin: 0.25 }),
  "lifecycle, quarterly": (e) => e.lifecycle({ period: { unit: "quarter" } }),
  "lifecycle by customer country, Asia/Tehran": (e) =>
    e.lifecycle({ period: month, by: "country", timeZone: "Asia/Tehran" }),
  "repurchase cycle": (e) => e.repurchaseCycle(),
  "repurchase cycle, Asia/Tokyo days": (e) => e.repurchaseCycle({ timeZone: "Asia/Tokyo" }),
  "profitability, whole base": (e) => e.profitability(),
  "profitability by customer country, 30% margin": (e) =>
    e.profitability({ by: parseProfitabilityDimension("country"), margin: 0.3 }),
  "profitability by transaction country": (e) =>
    e.profitability({ by: parseProfitabilityDimension("transaction.country"), margin: 0.3 }),
  "defection features and statuses, default rules, 2011-09-01": (e) =>
    defection(e, defaultDefectionRules, "2011-09-01"),
  "defection features and statuses, two windows, spend drop and contract rule, 180-day lookback": (e) =>
    defection(e, allPathRules, "2011-06-30", 180),
  "defection levels at four period boundaries (defection-rate inputs)": (e) => levelsByMonth(e),
  "RFM value counts, 2011-09-01": async (e) =>
    sorted(await e.client.all(rfmValueCountsQuery(e.dialect, sept))),
  "RFM cuts, quintiles and quartiles": async (e) => [await e.rfmFrame(sept), await e.rfmFrame(sept, 4)],
  "RFM scored customers, 2011-09-01": async (e) =>
    e.client.all(rfmCustomersQuery(e.dialect, await e.rfmFrame(sept))),
  "RFM segment sizes, 2011-09-01": async (e) =>
    sorted(await e.client.all(rfmSegmentsQuery(e.dialect, await e.rfmFrame(sept)))),
  "RFM movement 2011-06-01 → 2011-12-01, seven bins": async (e) => {
    const [a, b] = [
      await e.rfmFrame(toEpochDay("2011-06-01"), 7),
      await e.rfmFrame(toEpochDay("2011-12-01"), 7),
    ];
    return sorted(await e.client.all(rfmTransitionsQuery(e.dialect, a, b)));
  },
  "segment members: country in a list": (e) =>
    e.segmentMembers('country in ("France", "Germany")', "2011-09-01"),
  "segment members: spend window and negation": (e) =>
    e.segmentMembers('spend_90d > 100 and not country = "United Kingdom"', "2011-09-01"),
  "segment members: RFM segment or monetary": (e) =>
    e.segmentMembers('rfm_segment = "champions" or monetary >= 5000', "2011-09-01"),
  "segment members: categories, tags with LIKE wildcards, dates": (e) =>
    e.segmentMembers(
      'categories contains "x_%" or tags contains "v_p" or created_at >= "2011-01-01"',
      "2011-09-01",
    ),
  "segment members: scores are unknown without customer_scores": (e) =>
    e.segmentMembers("clv is null and frequency >= 10", "2011-09-01"),
  "basket rules, products, 1% support": (e) => baskets(e, { minSupport: 0.01, minConfidence: 0.5 }),
  "basket rules, products, 2% support, pairs only": (e) =>
    baskets(e, { minSupport: 0.02, minConfidence: 0.3, maxLength: 2 }),
  "CLV summary patterns (x, t_x, T, n), weeks, calibration to 2011-09-01": async (e) =>
    sorted(await e.compressedSummary({ calibrationEnd: "2011-09-01", unit: "week" })),
  "CLV summary, days, holdout to 2011-12-09: patterns and per-customer holdout_x / holdout_sales": (e) =>
    holdoutSummary(e),
  "CLV compressed spend (x, monetary, n), calibration to 2011-09-01": async (e) =>
    sorted(await e.compressedSpend({ calibrationEnd: "2011-09-01", unit: "week" })),
  "CLV summary patterns, exact time in days, calibration to 2011-09-01": async (e) =>
    sorted(await e.compressedSummary({ calibrationEnd: "2011-09-01", unit: "day", exactTime: true })),
};

/** Equal up to floating point: integers and everything else exactly, other numbers to 1e-9 relative. */
function assertSame(a: unknown, b: unknown, path: string): void {
  if (typeof a === "number" && typeof b === "number") {
    if (Number.isInteger(a) && Number.isInteger(b) && Math.abs(a) < 2 ** 53 && a === b) return;
    // Relative 1e-9; sums that cancel to about zero keep only rounding noise, so 1e-9 absolute too.
    const scale = Math.max(Math.abs(a), Math.abs(b), 1);
    if (Math.abs(a - b) <= 1e-9 * scale || a === b) return;
    throw new Error(`${path}: duckdb ${a} ≠ clickhouse ${b}`);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) throw new Error(`${path}: length ${a.length} ≠ ${b.length}`);
    a.forEach((x, i) => {
      assertSame(x, b[i], `${path}[${i}]`);
    });
    return;
  }
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys)
      assertSame((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  if (a !== b) throw new Error(`${path}: duckdb ${JSON.stringify(a)} ≠ clickhouse ${JSON.stringify(b)}`);
}

/** Results whose row order is not part of the contract are compared in a canonical order. */
function canonical(value: unknown): unknown {
  if (
    Array.isArray(value) &&
    value.every((v) => v !== null && typeof v === "object" && "period" in v && "group" in v)
  ) {
    return [...(value as { period: string; group: string | null }[])].sort((x, y) =>
      `${x.group ?? ""}\u0000${x.period}`.localeCompare(`${y.group ?? ""}\u0000${y.period}`),
    );
  }
  return value;
}

const file = fileURLToPath(new URL("../../../data/online-retail/online-retail.csv.gz", import.meta.url));

describe("engine contract: DuckDB and a two-shard ClickHouse cluster agree on Online Retail", () => {
  let store: Store;
  let cluster: TestCluster;
  let chEngine: ClickHouseEngine;
  const engines: Engine[] = [];

  beforeAll(async () => {
    // Fails (not skips) with an install hint when clickhouse-server is missing.
    cluster = await startCluster(2);
    store = await openStore(":memory:");
    await ingestFiles(store.client, { kind: "transactions", files: [file], preset: "online-retail" });
    chEngine = await connectClickHouse({
      url: cluster.url,
      database: "vafa_contract",
      cluster: cluster.cluster,
      nodes: cluster.nodes.map((n) => `http://127.0.0.1:${n.httpPort}`),
    });
    await copyFromDuckDB(store.client, chEngine);
    engines.push(
      {
        name: "duckdb",
        client: store.client,
        dialect: duckdbDialect,
        retention: (o) => duck.retention(store.client, duckdbDialect, o),
        cohorts: (o) => duck.cohorts(store.client, duckdbDialect, o),
        lifecycle: (o) => duck.lifecycle(store.client, duckdbDialect, o),
        repurchaseCycle: (o) => duck.repurchaseCycle(store.client, o),
        profitability: (o) => duck.profitability(store.client, o),
        features: (rules, asOfDay, lookbackDays) =>
          duck.loadFeatures(store.client, rules, {
            asOfDay,
            figures: "none",
            lookbackDays: lookbackDays ?? null,
          }),
        rfmFrame: (day, bins) => duck.rfmFrame(store.client, day, bins),
        segmentMembers: (rule, asOf) => duck.segmentMembers(store.client, rule, asOf),
        basketRules: (o) => duck.basketRules(store.client, o),
        modelSummary: (o) => store.client.all(customerSummaryQuery(duckdbDialect, o)),
        compressedSummary: (o) => store.client.all(compressedSummaryQuery(duckdbDialect, o)),
        compressedSpend: (o) => store.client.all(compressedSpendQuery(duckdbDialect, o)),
      },
      {
        name: "clickhouse",
        client: chEngine.client,
        dialect: chEngine.dialect,
        retention: (o) => ch.retention(chEngine, o),
        cohorts: (o) => ch.cohorts(chEngine, o),
        lifecycle: (o) => ch.lifecycle(chEngine, o),
        repurchaseCycle: (o) => ch.repurchaseCycle(chEngine, o),
        profitability: (o) => ch.profitability(chEngine, o),
        features: (rules, asOfDay, lookbackDays) =>
          ch.defectionFeatures(chEngine, rules, asOfDay, { lookbackDays: lookbackDays ?? null }),
        rfmFrame: (day, bins) => ch.rfmFrame(chEngine, day, bins),
        segmentMembers: (rule, asOf) => ch.segmentMembers(chEngine, parseRule(rule), toEpochDay(asOf)),
        basketRules: (o) => ch.basketRules(chEngine, o),
        modelSummary: (o) => ch.modelSummary(chEngine, o),
        compressedSummary: (o) => ch.compressedSummary(chEngine, o),
        compressedSpend: (o) => ch.compressedSpend(chEngine, o),
      },
    );
  }, 300_000);

  afterAll(async () => {
    await chEngine?.close();
    store?.close();
    await cluster?.stop();
  });

  it("loaded the same facts into both shards", async () => {
    const [d] = await store.client.all({
      sql: "SELECT count(*) AS n, sum(amount) AS s FROM transactions",
      params: [],
    });
    const [c] = await chEngine.client.all({
      sql: "SELECT count() AS n, sum(amount) AS s FROM transactions",
      params: [],
    });
    expect(c?.n).toBe(d?.n);
    assertSame(d?.s, c?.s, "sum(amount)");
    for (const node of cluster.nodes) {
      const response = await fetch(
        `http://127.0.0.1:${node.httpPort}/?query=${encodeURIComponent("SELECT count() FROM vafa_contract.transactions_local")}`,
      );
      expect(Number(await response.text())).toBeGreaterThan(0);
    }
  });

  it.each(Object.keys(cases))("%s", async (name) => {
    const run = cases[name] as Case;
    const [expected, actual] = [await run(engines[0] as Engine), await run(engines[1] as Engine)];
    expect(expected).not.toEqual([]);
    assertSame(canonical(expected), canonical(actual), name);
  });
});
