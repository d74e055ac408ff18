import { describe, expect, it } from "vitest";
import {
  AnalysisError,
  checkMargin,
  duckdbDialect,
  parseMarketEstimate,
  parseProfitabilityDimension,
  profitabilityQuery,
  repurchaseCycleQuery,
  shareOfWalletQuery,
  toRepurchaseCycle,
  twelveMonthsBefore,
  type WeightedValue,
  weightedQuantile,
} from "../src/index.ts";

describe("parseProfitabilityDimension", () => {
  it.each([
    ["segment", "customer", "segment", "segment"],
    [" Region ", "customer", "region", "region"],
    ["branch", "customer", "branch", "branch"],
    ["customer.channel", "customer", "channel", "channel"],
    ["transaction.branch", "transaction", "branch", "transaction.branch"],
    ["transaction.country", "transaction", "country", "transaction.country"],
    ["category", "transaction", "category", "transaction.category"],
    ["employee", "transaction", "employee", "transaction.employee"],
  ])("%s → %s.%s", (text, scope, column, name) => {
    expect(parseProfitabilityDimension(text)).toEqual({ scope, column, name });
  });

  it.each(["amount", "transaction.segment", "customer.product", "segment; DROP TABLE customers", ""])(
    "rejects %j",
    (text) => {
      expect(() => parseProfitabilityDimension(text)).toThrow(AnalysisError);
    },
  );
});

describe("parseMarketEstimate and checkMargin", () => {
  it.each([
    ["retail=12000", { segment: "retail", amount: 12000 }],
    [" small business = 2500.5 ", { segment: "small business", amount: 2500.5 }],
    ["a=b=10", { segment: "a=b", amount: 10 }],
  ])("%j", (text, expected) => {
    expect(parseMarketEstimate(text)).toEqual(expected);
  });

  it.each(["retail", "=100", "retail=", "retail=0", "retail=-5", "retail=ten"])("rejects %j", (text) => {
    expect(() => parseMarketEstimate(text)).toThrow(AnalysisError);
  });

  it.each([[0], [0.3], [1]])("accepts margin %d", (m) => {
    expect(checkMargin(m)).toBe(m);
  });

  it.each([[-0.1], [1.5], [Number.NaN], [30]])("rejects margin %d", (m) => {
    expect(() => checkMargin(m)).toThrow(AnalysisError);
  });
});

describe("weightedQuantile", () => {
  const v = (...pairs: [number, number][]): WeightedValue[] =>
    pairs.map(([value, count]) => ({ value, count }));
  it.each<[WeightedValue[], number, number | null]>([
    [[], 0.5, null],
    [v([5, 1]), 0.9, 5],
    [v([1, 1], [3, 1]), 0.5, 2],
    [v([1, 2], [3, 2]), 0.5, 2], // 1 1 3 3
    [v([3, 1], [1, 3]), 0.5, 1], // 1 1 1 3, unsorted input
    [v([4.5, 1], [10, 1], [121.5, 1], [517, 1]), 0.9, 398.35],
    [v([10, 1], [20, 1], [30, 1], [40, 1], [50, 1]), 0.25, 20],
  ])("%j at %d → %d", (values, p, expected) => {
    const q = weightedQuantile(values, p);
    if (expected === null) expect(q).toBeNull();
    else expect(q).toBeCloseTo(expected, 12);
  });
});

describe("toRepurchaseCycle: suggested period", () => {
  const rows = (purchasers: number, ...medians: [number, number][]) => [
    ...medians.map(([median_gap, customers]) => ({ kind: "median", median_gap, customers })),
    { kind: "purchasers", median_gap: null, customers: purchasers },
  ];
  it.each<[string, ReturnType<typeof rows>, string | null, number | null]>([
    ["daily buyers", rows(2, [1, 2]), "day", 1],
    ["a 7.5-day median is past a week", rows(3, [7.5, 2], [1, 1]), "month", 1],
    ["exactly half within a week", rows(4, [7, 2], [40, 2]), "week", 0.5],
    ["monthly on the 15th: 31-day median", rows(1, [31, 1]), "month", 1],
    ["32 days needs a quarter", rows(1, [32, 1]), "quarter", 1],
    ["yearly with a leap day", rows(1, [366, 1]), "year", 1],
    ["longer than a year", rows(2, [400, 2]), null, null],
    ["nobody bought twice", rows(5), null, null],
  ])("%s → %s", (_name, input, period, share) => {
    const cycle = toRepurchaseCycle(input);
    expect(cycle.suggested?.period ?? null).toBe(period);
    expect(cycle.suggested?.share ?? null).toBe(share);
  });

  it("says which period covers how much", () => {
    const cycle = toRepurchaseCycle(rows(10, [20, 5], [60, 3]));
    expect(cycle.summary).toBe(
      "month covers 63% of customers' cycles (median of each customer's gaps between purchase days; 8 of 10 customers have 2 or more purchase days)",
    );
    expect(cycle.single_purchase).toBe(2);
    expect(cycle.buckets.map((b) => b.customers)).toEqual([0, 0, 5, 3, 0, 0, 0, 0]);
  });
});

describe("user values reach SQL only as bound parameters", () => {
  const evil = "x'); DROP TABLE customers; --";
  it.each([
    ["profitability margin", profitabilityQuery(duckdbDialect, { margin: 0.25 }), [0.25]],
    ["repurchase time zone", repurchaseCycleQuery(duckdbDialect, { timeZone: evil }), [evil]],
    [
      "share-of-wallet estimate",
      shareOfWalletQuery(duckdbDialect, { from: null, to: null, estimates: [{ segment: evil, amount: 5 }] }),
      [null, null, "wallet", evil, 5],
    ],
  ])("%s", (_name, query, params) => {
    expect(query.sql).not.toContain("DROP");
    expect(query.params).toEqual(params);
  });

  it("a segment with two estimates is an error", () => {
    expect(() =>
      shareOfWalletQuery(duckdbDialect, {
        from: null,
        to: null,
        estimates: [
          { segment: "a", amount: 1 },
          { segment: "a", amount: 2 },
        ],
      }),
    ).toThrow(AnalysisError);
  });
});

describe("twelveMonthsBefore", () => {
  it.each([
    ["2011-12-09T12:50:00.000Z", "2010-12-09T12:50:00.000Z"],
    ["2012-02-29T00:00:00.000Z", "2011-02-28T00:00:00.000Z"],
    ["2011-03-01T00:00:00.000Z", "2010-03-01T00:00:00.000Z"],
  ])("%s → %s", (to, from) => {
    expect(twelveMonthsBefore(new Date(to)).toISOString()).toBe(from);
  });
});
