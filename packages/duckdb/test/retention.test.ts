import { duckdbDialect, type RetentionOptions, type RetentionRow, sql } from "@vafa/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lifecycle, openStore, retention, type Store } from "../src/index.ts";

/** [customer (null = anonymous), UTC timestamp, amount, cost?, order id?, category?] */
type Tx = readonly [string | null, string, number, (number | null)?, (string | null)?, (string | null)?];

let store: Store;
beforeEach(async () => {
  store = await openStore(":memory:");
});
afterEach(() => store.close());

async function load(
  txs: readonly Tx[],
  customers: readonly (readonly [string, string])[] = [],
): Promise<void> {
  let n = 0;
  for (const [customer, at, amount, cost = null, order = null, category = null] of txs) {
    await store.client.run(
      sql(
        "INSERT INTO transactions (id, customer_id, occurred_at, amount, cost, order_id, category) VALUES ($1, $2, CAST($3 AS TIMESTAMP), $4, $5, $6, $7)",
        [`t${n++}`, customer, at, amount, cost, order, category],
      ),
    );
  }
  for (const [id, segment] of customers) {
    await store.client.run(sql("INSERT INTO customers (id, segment) VALUES ($1, $2)", [id, segment]));
  }
}

async function report(options: Partial<RetentionOptions> = {}): Promise<RetentionRow[]> {
  return retention(store.client, duckdbDialect, { period: { unit: "month" }, ...options });
}

/** Picks the listed fields, so expectations read as tables. */
function pick<K extends keyof RetentionRow>(rows: readonly RetentionRow[], keys: readonly K[]) {
  return rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
}

// Six months, all complete (data from 2011-01-01 00:00 to 2011-06-30 23:59:59 UTC).
// A(Jan) = {a, b, c}; A(Feb) = {a, b, d} (b's net is −30 but it bought; c only returned);
// A(Mar) = {a, d}; A(Apr) = {} (no facts at all); A(May) = {b} (resurrected); A(Jun) = {e}.
const SIX_MONTHS: Tx[] = [
  ["a", "2011-01-01 00:00:00", 100, 60],
  ["a", "2011-02-10 12:00:00", 50, 20],
  ["a", "2011-03-05 12:00:00", 200, 150],
  ["b", "2011-01-15 12:00:00", 80, 40],
  ["b", "2011-02-12 12:00:00", 30, 10],
  ["b", "2011-02-20 12:00:00", -60, -30],
  ["b", "2011-05-03 12:00:00", 40, 20],
  ["c", "2011-01-31 23:59:59", 20, 5],
  ["c", "2011-02-01 00:00:00", -20, -5],
  ["d", "2011-02-01 00:00:00", 70, 30],
  ["d", "2011-03-20 12:00:00", 10, 2],
  ["e", "2011-06-30 23:59:59", 15, 5],
  [null, "2011-02-14 12:00:00", 1000, 0],
];

describe("retention rates on a hand-computed data set", () => {
  const expected = [
    // period, start, retained, new, resurrected, lost, raw, churn, sales adj, base-weighted, GRR, profit adj, base-weighted, GPR
    ["2011-01", 0, 0, 3, 0, 0, null, null, null, null, null, null, null, null],
    ["2011-02", 3, 2, 1, 0, 1, 2 / 3, 1 / 3, 20 / 200, 180 / 200, 20 / 200, 20 / 95, 80 / 95, 20 / 95],
    ["2011-03", 3, 2, 0, 0, 1, 2 / 3, 1 / 3, 210 / 90, 120 / 90, 60 / 90, 58 / 60, 70 / 60, 38 / 60],
    ["2011-04", 2, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0],
    ["2011-05", 0, 0, 0, 1, 0, null, null, null, null, null, null, null, null],
    ["2011-06", 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0],
  ] as const;

  it.each(expected)("%s", async (period, ...values) => {
    await load(SIX_MONTHS);
    const row = (await report()).find((r) => r.period === period);
    const [start, retained, isNew, resurrected, lost, raw, churn, ...rates] = values;
    expect(row).toMatchObject({
      group: null,
      active_start: start,
      retained,
      new: isNew,
      resurrected,
      lost,
      complete: true,
    });
    const actual = [
      row?.raw,
      row?.churn,
      row?.sales_adjusted,
      row?.sales_base_weighted,
      row?.gross_revenue_retention,
      row?.profit_adjusted,
      row?.profit_base_weighted,
      row?.gross_profit_retention,
    ];
    [raw, churn, ...rates].forEach((want, i) => {
      if (want === null) expect(actual[i]).toBeNull();
      else expect(actual[i]).toBeCloseTo(Number(want), 12);
    });
  });

  it("reports every period of the range, including one with no facts, in order", async () => {
    await load(SIX_MONTHS);
    expect((await report()).map((r) => r.period)).toEqual([
      "2011-01",
      "2011-02",
      "2011-03",
      "2011-04",
      "2011-05",
      "2011-06",
    ]);
  });

  it("leaves profit rates null when a cost is missing and no margin is set, and uses the margin when set", async () => {
    await load([
      ["a", "2011-01-10 00:00:00", 100],
      ["a", "2011-02-10 00:00:00", 50, 10],
    ]);
    expect(pick(await report(), ["period", "profit_adjusted", "sales_adjusted"])).toEqual([
      { period: "2011-01", profit_adjusted: null, sales_adjusted: null },
      { period: "2011-02", profit_adjusted: null, sales_adjusted: 0.5 },
    ]);
    // Jan profit 100 × 0.3 = 30 (no cost), Feb 50 − 10 = 40 (the known cost wins).
    const [, feb] = await report({ margin: 0.3 });
    expect(feb?.profit_adjusted).toBeCloseTo(40 / 30, 12);
    expect(feb?.gross_profit_retention).toBeCloseTo(1, 12);
  });

  it("restricts reported periods with from/to but keeps the previous period as the base", async () => {
    await load(SIX_MONTHS);
    expect(pick(await report({ from: "2011-02-15", to: "2011-03-01" }), ["period", "active_start"])).toEqual([
      { period: "2011-02", active_start: 3 },
      { period: "2011-03", active_start: 3 },
    ]);
  });

  it("returns no rows for an empty store", async () => {
    expect(await report()).toEqual([]);
  });
});

describe("activity rules", () => {
  // f: Jan orders o1 (two lines), o2; Feb one order o3 (two lines).
  // g: Jan o4, o5; Feb o6, a return o7, o8. h: Jan one order; Feb only a login event.
  const ORDERS: Tx[] = [
    ["f", "2011-01-05 10:00:00", 10, null, "o1"],
    ["f", "2011-01-05 10:00:00", 5, null, "o1"],
    ["f", "2011-01-06 10:00:00", 7, null, "o2"],
    ["f", "2011-02-05 10:00:00", 10, null, "o3"],
    ["f", "2011-02-05 10:00:00", 10, null, "o3"],
    ["g", "2011-01-07 10:00:00", 10, null, "o4"],
    ["g", "2011-01-08 10:00:00", 10, null, "o5"],
    ["g", "2011-02-07 10:00:00", 5, null, "o6"],
    ["g", "2011-02-08 10:00:00", -3, null, "o7"],
    ["g", "2011-02-09 10:00:00", 4, null, "o8"],
    ["h", "2011-01-09 10:00:00", 9, null, "o9"],
  ];
  it.each([
    ["default: one purchase", {}, 3, 2, 2 / 3, 26 / 51, 26 / 51],
    ["minCount 2 counts distinct orders, not lines or returns", { minCount: 2 }, 2, 1, 1 / 2, 6 / 42, 6 / 42],
    ["minSpend 20 on net sales", { minSpend: 20 }, 2, 1, 1 / 2, 20 / 42, 20 / 42],
    ["login events count as activity", { activityTypes: ["login"] }, 3, 3, 1, 26 / 51, 26 / 51],
    ["other event types do not", { activityTypes: ["email"] }, 3, 2, 2 / 3, 26 / 51, 26 / 51],
  ] as const)("%s", async (_name, activity, start, retained, raw, salesAdjusted, grr) => {
    await load(ORDERS);
    await store.client.run(
      sql(
        "INSERT INTO activity (id, customer_id, occurred_at, type) VALUES ('e1', 'h', TIMESTAMP '2011-02-10 10:00:00', 'login')",
      ),
    );
    const [, feb] = await report({ activity });
    expect(feb).toMatchObject({ period: "2011-02", active_start: start, retained });
    expect(feb?.raw).toBeCloseTo(raw, 12);
    expect(feb?.sales_adjusted).toBeCloseTo(salesAdjusted, 12);
    expect(feb?.gross_revenue_retention).toBeCloseTo(grr, 12);
  });

  it("activity with minSpend: the rule changes who is new and who is resurrected", async () => {
    await load(SIX_MONTHS);
    // A(Jan) = {a, b}; A(Feb) = {d}; A(Mar) = {a}; then nobody spends 60.
    expect(
      pick(await report({ activity: { minSpend: 60 } }), [
        "period",
        "active_start",
        "retained",
        "new",
        "resurrected",
        "lost",
      ]),
    ).toEqual([
      { period: "2011-01", active_start: 0, retained: 0, new: 2, resurrected: 0, lost: 0 },
      { period: "2011-02", active_start: 2, retained: 0, new: 1, resurrected: 0, lost: 2 },
      { period: "2011-03", active_start: 1, retained: 0, new: 0, resurrected: 1, lost: 1 },
      { period: "2011-04", active_start: 1, retained: 0, new: 0, resurrected: 0, lost: 1 },
      { period: "2011-05", active_start: 0, retained: 0, new: 0, resurrected: 0, lost: 0 },
      { period: "2011-06", active_start: 0, retained: 0, new: 0, resurrected: 0, lost: 0 },
    ]);
  });
});

describe("period boundaries, completeness and time zones", () => {
  it("flags a partial last period and a customer first seen in it", async () => {
    await load([
      ["x", "2011-01-01 00:00:00", 10],
      ["x", "2011-01-31 23:59:59", 10],
      ["y", "2011-02-15 12:00:00", 20],
    ]);
    expect(pick(await report(), ["period", "active_start", "new", "lost", "complete"])).toEqual([
      { period: "2011-01", active_start: 0, new: 1, lost: 0, complete: true },
      { period: "2011-02", active_start: 1, new: 1, lost: 1, complete: false },
    ]);
  });

  it.each([
    // 2011-02-28 21:00 UTC is 2011-03-01 00:30 in Tehran (+03:30); 2011-03-31 22:30 UTC is April 1st 03:00 (+04:30).
    ["UTC", ["2011-02", "2011-03"], [0, 1], [0, 0]],
    ["Asia/Tehran", ["2011-03", "2011-04"], [0, 2], [0, 1]],
  ] as const)("buckets civil days in %s", async (timeZone, periods, starts, retained) => {
    await load([
      ["v", "2011-02-28 21:00:00", 8],
      ["u", "2011-03-10 12:00:00", 10],
      ["u", "2011-03-31 22:30:00", 5],
    ]);
    const rows = await report({ timeZone });
    expect(rows.map((r) => r.period)).toEqual(periods);
    expect(rows.map((r) => r.active_start)).toEqual(starts);
    expect(rows.map((r) => r.retained)).toEqual(retained);
  });

  it.each([
    ["ISO weeks", { unit: "week" }, ["2011-W01", "2011-W02"], 10 / 20],
    ["weeks from Sunday", { unit: "week", weekStart: 7 }, ["2011-01-02", "2011-01-09"], 20 / 10],
    ["Persian months (all in Dey 1389)", { unit: "month", calendar: "persian" }, ["1389-10"], null],
  ] as const)("%s", async (_name, period, labels, salesAdjusted) => {
    // Monday 3rd, Sunday 9th, Monday 10th of January 2011.
    await load([
      ["w", "2011-01-03 09:00:00", 10],
      ["w", "2011-01-09 09:00:00", 10],
      ["w", "2011-01-10 09:00:00", 10],
    ]);
    const rows = await report({ period });
    expect(rows.map((r) => r.period)).toEqual(labels);
    expect(rows.at(-1)?.sales_adjusted ?? null).toBe(salesAdjusted);
  });

  it.each([
    // Farvardin 1390 begins 2011-03-21; Rabi' II 1432 (Umm al-Qura) begins 2011-03-06.
    ["persian", "2011-03-20 23:59:59", "2011-03-21 00:00:00", ["1389-12", "1390-01"]],
    ["islamic", "2011-03-05 23:59:59", "2011-03-06 00:00:00", ["1432-03", "1432-04"]],
  ] as const)("%s months split at 00:00:00 on the first day", async (calendar, before, at, labels) => {
    await load([
      ["k", before, 10],
      ["k", at, 30],
    ]);
    const rows = await report({ period: { unit: "month", calendar } });
    expect(pick(rows, ["period", "active_start", "retained"])).toEqual([
      { period: labels[0], active_start: 0, retained: 0 },
      { period: labels[1], active_start: 1, retained: 1 },
    ]);
    expect(rows[1]?.sales_adjusted).toBe(3);
  });
});

describe("grouping", () => {
  it("by a customer dimension: each customer stays in its segment", async () => {
    await load(SIX_MONTHS, [
      ["a", "gold"],
      ["b", "gold"],
      ["c", "silver"],
      ["d", "silver"],
    ]);
    const rows = await report({ by: "segment" });
    const at = (group: string, period: string) => rows.find((r) => r.group === group && r.period === period);
    expect(at("gold", "2011-02")).toMatchObject({ active_start: 2, retained: 2, raw: 1 });
    expect(at("gold", "2011-03")).toMatchObject({ active_start: 2, retained: 1, raw: 0.5 });
    expect(at("gold", "2011-05")).toMatchObject({ active_start: 0, resurrected: 1 });
    expect(at("silver", "2011-02")).toMatchObject({ active_start: 1, retained: 0, new: 1, lost: 1 });
    expect(at("silver", "2011-03")?.sales_adjusted).toBeCloseTo(10 / 70, 12);
    expect(at("(none)", "2011-06")).toMatchObject({ new: 1 });
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(["gold", "silver", "(none)"]));
    expect(rows).toHaveLength(18);
  });

  it("by a transaction dimension: active in a category when buying in it", async () => {
    await load([
      ["p", "2011-01-05 00:00:00", 10, null, null, "X"],
      ["p", "2011-01-06 00:00:00", 20, null, null, "Y"],
      ["p", "2011-02-05 00:00:00", 5, null, null, "X"],
    ]);
    const rows = await report({ by: "transaction.category" });
    expect(pick(rows, ["group", "period", "active_start", "retained", "sales_adjusted"])).toEqual([
      { group: "X", period: "2011-01", active_start: 0, retained: 0, sales_adjusted: null },
      { group: "X", period: "2011-02", active_start: 1, retained: 1, sales_adjusted: 0.5 },
      { group: "Y", period: "2011-01", active_start: 0, retained: 0, sales_adjusted: null },
      { group: "Y", period: "2011-02", active_start: 1, retained: 0, sales_adjusted: 0 },
    ]);
  });

  it.each([["size"], ["customer.category"], ["transaction.segment"], ["amount; DROP TABLE x"]])(
    "refuses the unknown dimension %s",
    async (by) => {
      await load(SIX_MONTHS);
      await expect(report({ by })).rejects.toThrow(/unknown dimension/);
    },
  );
});

describe("lifecycle", () => {
  it("matches the retention counts", async () => {
    await load(SIX_MONTHS);
    const rows = await lifecycle(store.client, duckdbDialect, { period: { unit: "month" } });
    expect(rows.map((r) => [r.period, r.new, r.retained, r.resurrected, r.dormant])).toEqual([
      ["2011-01", 3, 0, 0, 0],
      ["2011-02", 1, 2, 0, 1],
      ["2011-03", 0, 2, 0, 1],
      ["2011-04", 0, 0, 0, 2],
      ["2011-05", 0, 0, 1, 0],
      ["2011-06", 1, 0, 0, 1],
    ]);
  });
});
