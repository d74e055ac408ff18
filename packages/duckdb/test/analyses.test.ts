import {
  type Profitability,
  type ProfitabilityRow,
  parseProfitabilityDimension,
  type ShareOfWalletResult,
} from "@vafa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, profitability, repurchaseCycle, type Store, shareOfWallet } from "../src/index.ts";
import { insertRows, type TestAnswer, type TestCustomer, type TestLine } from "./analysesFixtures.ts";

async function storeWith(data: Parameters<typeof insertRows>[1]): Promise<Store> {
  const store = await openStore(":memory:");
  await insertRows(store.client, data);
  return store;
}

describe("repurchaseCycle", () => {
  // Hand-computed: a: days 1, 4, 10 (gaps 3, 6; even count) → 4.5; b: gaps 10, 20, 10 (odd) → 10;
  // c: one purchase day (two lines) → excluded; d: gaps 59, 184 → 121.5; e: gap 517 → >365;
  // f: returns only → not a purchaser; zero-amount and anonymous lines are not purchases.
  const lines: TestLine[] = [
    { customer: "a", at: "2011-01-01 09:00", amount: 10 },
    { customer: "a", at: "2011-01-04 09:00", amount: 10 },
    { customer: "a", at: "2011-01-04 18:00", amount: 5 }, // same day: counted once
    { customer: "a", at: "2011-01-07 10:00", amount: 0 }, // not a purchase
    { customer: "a", at: "2011-01-10 10:00", amount: 7 },
    { customer: "a", at: "2011-01-20 10:00", amount: -7 }, // a return is not a purchase
    { customer: "b", at: "2011-01-01", amount: 1 },
    { customer: "b", at: "2011-01-11", amount: 1 },
    { customer: "b", at: "2011-01-31", amount: 1 },
    { customer: "b", at: "2011-02-10", amount: 1 },
    { customer: "c", at: "2011-01-05 08:00", amount: 3 },
    { customer: "c", at: "2011-01-05 20:00", amount: 4 },
    { customer: "d", at: "2011-01-01", amount: 1 },
    { customer: "d", at: "2011-03-01", amount: 1 },
    { customer: "d", at: "2011-09-01", amount: 1 },
    { customer: "e", at: "2011-01-01", amount: 1 },
    { customer: "e", at: "2012-06-01", amount: 1 },
    { customer: "f", at: "2011-01-01", amount: -5 },
    { customer: "f", at: "2011-02-01", amount: -5 },
    { customer: null, at: "2011-01-02", amount: 9 },
    { customer: null, at: "2011-01-03", amount: 9 },
  ];
  let store: Store;
  beforeAll(async () => {
    store = await storeWith({ lines });
  });
  afterAll(() => store.close());

  it("counts purchasers and customers with a cycle", async () => {
    expect(await repurchaseCycle(store.client)).toMatchObject({
      purchasers: 5,
      customers: 4,
      single_purchase: 1,
    });
  });

  it.each([
    ["≤7", 1],
    ["8–14", 1],
    ["15–30", 0],
    ["31–60", 0],
    ["61–91", 0],
    ["92–182", 1],
    ["183–365", 0],
    [">365", 1],
  ])("bucket %s holds %i customer(s)", async (label, n) => {
    const cycle = await repurchaseCycle(store.client);
    expect(cycle.buckets.find((b) => b.label === label)?.customers).toBe(n);
  });

  it("quantiles of the medians 4.5, 10, 121.5, 517 by linear interpolation", async () => {
    const { quantiles } = await repurchaseCycle(store.client);
    expect(quantiles.p25).toBeCloseTo(8.625, 12);
    expect(quantiles.p50).toBeCloseTo(65.75, 12);
    expect(quantiles.p75).toBeCloseTo(220.375, 12);
    expect(quantiles.p90).toBeCloseTo(398.35, 12);
  });

  it("suggests month: exactly half the cycles (4.5 and 10 days) fit in 31 days", async () => {
    const cycle = await repurchaseCycle(store.client);
    expect(cycle.coverage.map((c) => [c.period, c.customers])).toEqual([
      ["day", 0],
      ["week", 1],
      ["month", 2],
      ["quarter", 2],
      ["year", 3],
    ]);
    expect(cycle.suggested).toMatchObject({ period: "month", share: 0.5 });
    expect(cycle.summary).toMatch(/^month covers 50% of customers' cycles/);
  });

  it("counts purchase days in a configured time zone", async () => {
    // 23:30 and 00:30 UTC are two UTC days but one day in Tehran (UTC+3:30).
    const s = await storeWith({
      lines: [
        { customer: "z", at: "2011-01-01 23:30", amount: 1 },
        { customer: "z", at: "2011-01-02 00:30", amount: 1 },
      ],
    });
    try {
      expect((await repurchaseCycle(s.client)).customers).toBe(1);
      expect(await repurchaseCycle(s.client, { timeZone: "Asia/Tehran" })).toMatchObject({
        customers: 0,
        single_purchase: 1,
        suggested: null,
      });
    } finally {
      s.close();
    }
  });
});

describe("profitability", () => {
  const customers: TestCustomer[] = [
    { id: "c1", segment: "retail", acquisition_cost: 50 },
    { id: "c2", segment: "retail" },
    { id: "c3", segment: "wholesale", acquisition_cost: 100 },
    { id: "c4" },
  ];
  const lines: TestLine[] = [
    { customer: "c1", at: "2011-01-01", amount: 100, cost: 60, category: "books", branch: "north" },
    { customer: "c1", at: "2011-01-02", amount: -20, cost: -12, category: "books", branch: "north" },
    { customer: "c2", at: "2011-01-03", amount: 200, category: "games", branch: "south" },
    { customer: "c3", at: "2011-01-04", amount: 500, cost: 300, category: "books", branch: "south" },
    { customer: "c3", at: "2011-01-05", amount: 50, category: "games", branch: "south" },
    { customer: "c4", at: "2011-01-06", amount: 30, cost: 10, category: "games", branch: "north" },
    { customer: null, at: "2011-01-07", amount: 40, category: "books", branch: "north" },
  ];
  let store: Store;
  beforeAll(async () => {
    store = await storeWith({ lines, customers });
  });
  afterAll(() => store.close());

  type Expected = Partial<ProfitabilityRow>;
  // With margin 0.4 the unknown costs are 200·0.6 = 120, 50·0.6 = 30 and (anonymous) 40·0.6 = 24.
  // Total profit 900 − 532 = 368.
  it.each<[string, string | null, number | null, Expected[], Expected | null, Expected]>([
    [
      "by segment (a customer dimension), margin 0.4",
      "segment",
      0.4,
      [
        {
          group: "wholesale",
          customers: 1,
          sales: 550,
          cost: 330,
          cost_source: "known+margin",
          profit: 220,
          profit_per_customer: 220,
          profit_share: 220 / 368,
          acquisition_cost: 100,
          profit_after_acquisition: 120,
        },
        {
          group: "retail",
          customers: 2,
          sales: 280,
          gross_sales: 300,
          returns: 20,
          returns_share: 20 / 300,
          cost: 168,
          profit: 112,
          profit_per_customer: 56,
          acquisition_cost: 50,
          acquisition_cost_customers: 1,
          profit_after_acquisition: 62,
        },
        {
          group: null,
          customers: 1,
          sales: 30,
          cost: 10,
          cost_source: "known",
          profit: 20,
          acquisition_cost: null,
        },
      ],
      { group: "(anonymous)", customers: 0, sales: 40, cost: 24, profit: 16, profit_share: 16 / 368 },
      {
        customers: 4,
        sales: 900,
        gross_sales: 920,
        returns: 20,
        cost: 532,
        profit: 368,
        acquisition_cost: 150,
        profit_after_acquisition: 218,
        future_potential: null,
      },
    ],
    [
      "by transaction.category, margin 0.4: c3 counts in both categories",
      "category",
      0.4,
      [
        {
          group: "books",
          customers: 2,
          sales: 580,
          returns_share: 20 / 600,
          cost: 348,
          cost_source: "known",
          profit: 232,
          acquisition_cost: 150,
          profit_after_acquisition: 82,
        },
        {
          group: "games",
          customers: 3,
          sales: 280,
          cost: 160,
          profit: 120,
          acquisition_cost: 100,
          profit_after_acquisition: 20,
        },
      ],
      { sales: 40, profit: 16 },
      { customers: 4, sales: 900, profit: 368 },
    ],
    [
      "by transaction.branch without margin: known cost only, unknown profit sorts last",
      "transaction.branch",
      null,
      [
        { group: "north", customers: 2, sales: 110, cost: 58, cost_source: "known", profit: 52 },
        { group: "south", customers: 2, sales: 750, cost: null, cost_source: null, profit: null },
      ],
      { sales: 40, cost: null, profit: null },
      { sales: 900, cost: null, profit: null, profit_share: null },
    ],
    [
      "whole base, margin 0.4",
      null,
      0.4,
      [{ group: "(all)", customers: 4, sales: 860, cost: 508, profit: 352, profit_share: 352 / 368 }],
      { sales: 40 },
      { sales: 900, profit: 368 },
    ],
  ])("%s", async (_name, by, margin, rows, anonymous, total) => {
    const result: Profitability = await profitability(store.client, {
      by: by === null ? null : parseProfitabilityDimension(by),
      margin,
    });
    expect(result.rows).toHaveLength(rows.length);
    for (const [i, expected] of rows.entries()) {
      for (const [key, value] of Object.entries(expected)) {
        if (typeof value === "number")
          expect(result.rows[i]?.[key as keyof ProfitabilityRow]).toBeCloseTo(value, 9);
        else expect(result.rows[i]?.[key as keyof ProfitabilityRow]).toBe(value);
      }
    }
    if (anonymous === null) expect(result.anonymous).toBeNull();
    else expect(result.anonymous).toMatchObject(anonymous);
    for (const [key, value] of Object.entries(total)) {
      if (typeof value === "number")
        expect(result.total[key as keyof ProfitabilityRow]).toBeCloseTo(value, 9);
      else expect(result.total[key as keyof ProfitabilityRow]).toBe(value);
    }
  });

  it("notes anonymous sales and unknown cost", async () => {
    const result = await profitability(store.client);
    expect(result.notes.join("\n")).toMatch(/\(anonymous\)/);
    expect(result.notes.join("\n")).toMatch(/pass --margin/);
  });
});

describe("shareOfWallet", () => {
  const customers: TestCustomer[] = [
    { id: "w1", segment: "retail", category_budget: 1000 },
    { id: "w2", segment: "retail" },
    { id: "w3", segment: "retail" },
    { id: "w4", segment: "wholesale" },
    { id: "w5", segment: "wholesale", category_budget: 100 },
  ];
  // Data ends 2011-12-31 12:00, so the window is (2010-12-31 12:00, 2011-12-31 12:00].
  const lines: TestLine[] = [
    { customer: "w1", at: "2011-03-01", amount: 300 },
    { customer: "w1", at: "2011-05-01", amount: -50 },
    { customer: "w1", at: "2010-12-01", amount: 999 }, // before the window
    { customer: "w2", at: "2011-07-01", amount: 500 },
    { customer: "w3", at: "2011-12-31 12:00", amount: 2000 }, // the last instant: inside
    { customer: "w3", at: "2010-12-31 12:00", amount: 777 }, // exactly 12 months before: outside
    { customer: "w4", at: "2011-06-01", amount: 100 },
    { customer: "w5", at: "2011-02-01", amount: 300 },
  ];
  const answers: TestAnswer[] = [
    { customer: "w2", at: "2011-01-01", survey: "wallet", score: 5000 },
    { customer: "w2", at: "2011-06-01", survey: "wallet", score: 2000 }, // latest answer wins
    { customer: "w3", at: "2011-06-01", survey: "nps", score: 9 }, // another survey: ignored
    { customer: "w1", at: "2011-06-01", survey: "wallet", score: 9999 }, // the declared budget wins
  ];
  let store: Store;
  beforeAll(async () => {
    store = await storeWith({ lines, customers, answers });
  });
  afterAll(() => store.close());

  async function result(): Promise<ShareOfWalletResult> {
    const r = await shareOfWallet(store.client, { estimates: [{ segment: "retail", amount: 4000 }] });
    if (!r.available) throw new Error(r.reason);
    return r;
  }

  it.each([
    ["w1", "category_budget", 250, 1000, 0.25, false],
    ["w2", "wallet_survey", 500, 2000, 0.25, false],
    ["w3", "market_estimate", 2000, 4000, 0.5, false],
    ["w5", "category_budget", 300, 100, 3, true],
  ])(
    "customer %s: total from %s, spend %d ÷ %d = %d",
    async (id, source, spend, total, share, understated) => {
      const c = (await result()).customers.find((x) => x.customer_id === id);
      expect(c).toMatchObject({ source, spend, total, budget_understated: understated });
      expect(c?.share).toBeCloseTo(share, 12);
    },
  );

  it("leaves out a customer with no total (w4: no budget, no answer, no estimate for wholesale)", async () => {
    const r = await result();
    expect(r.customers.map((c) => c.customer_id)).toEqual(["w1", "w2", "w3", "w5"]);
    expect(r.sources).toEqual({ category_budget: 2, wallet_survey: 1, market_estimate: 1 });
    expect([r.from, r.to]).toEqual(["2010-12-31T12:00:00.000Z", "2011-12-31T12:00:00.000Z"]);
  });

  it.each([
    ["retail", 3, 2750, 7000, 1 / 3, 1187.5 / 2750, 2750 / 7000, 0],
    ["wholesale", 1, 300, 100, 3, 3, 3, 1],
    ["(all)", 4, 3050, 7100, 4 / 4, (1187.5 + 900) / 3050, 3050 / 7100, 1],
  ])(
    "segment %s: mean, spend-weighted and aggregate share, uncapped",
    async (segment, n, spend, total, mean, weighted, aggregate, understated) => {
      const r = await result();
      const s = segment === "(all)" ? r.overall : r.segments.find((x) => x.segment === segment);
      expect(s).toMatchObject({ customers: n, spend, total, budget_understated: understated });
      expect(s?.mean_share).toBeCloseTo(mean, 12);
      expect(s?.spend_weighted_share).toBeCloseTo(weighted, 12);
      expect(s?.aggregate_share).toBeCloseTo(aggregate, 12);
    },
  );

  it.each<[string, Parameters<typeof insertRows>[1], number, Record<string, number> | null]>([
    ["no source at all", { lines, customers: [{ id: "w1", segment: "retail" }] }, 0, null],
    [
      "a market estimate only",
      { lines, customers: [{ id: "w1", segment: "retail" }] },
      1,
      { market_estimate: 1 },
    ],
    ["a wallet survey only", { lines, customers: [{ id: "w2" }], answers }, 0, { wallet_survey: 2 }],
    [
      "a declared budget only",
      { lines, customers: [{ id: "w1", category_budget: 1000 }] },
      0,
      { category_budget: 1 },
    ],
  ])("%s", async (_name, data, estimates, sources) => {
    const s = await storeWith(data);
    try {
      const r = await shareOfWallet(s.client, {
        estimates: estimates > 0 ? [{ segment: "retail", amount: 4000 }] : [],
      });
      if (sources === null) {
        expect(r).toEqual({
          available: false,
          reason:
            "no category budget, wallet survey or market estimate: load customers with a category_budget column, wallet survey answers, or pass --estimate segment=amount",
        });
      } else {
        expect(r.available).toBe(true);
        if (r.available) expect(r.sources).toMatchObject(sources);
      }
    } finally {
      s.close();
    }
  });
});
