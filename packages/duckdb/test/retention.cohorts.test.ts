import { type CohortOptions, duckdbDialect, sql } from "@vafa/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cohorts, openStore, type Store } from "../src/index.ts";

let store: Store;
beforeEach(async () => {
  store = await openStore(":memory:");
  // A(Jan) = {a, b, c}, A(Feb) = {a, b, d} (c only returns), A(Mar) = {a, d}, A(Apr) = {},
  // A(May) = {b}, A(Jun) = {e}. Cohorts: Jan {a, b, c}, Feb {d}, Jun {e}.
  const rows: [string, string, number][] = [
    ["a", "2011-01-01 00:00:00", 100],
    ["a", "2011-02-10 12:00:00", 50],
    ["a", "2011-03-05 12:00:00", 200],
    ["b", "2011-01-15 12:00:00", 80],
    ["b", "2011-02-12 12:00:00", 30],
    ["b", "2011-02-20 12:00:00", -60],
    ["b", "2011-05-03 12:00:00", 40],
    ["c", "2011-01-31 23:59:59", 20],
    ["c", "2011-02-01 00:00:00", -20],
    ["d", "2011-02-01 00:00:00", 70],
    ["d", "2011-03-20 12:00:00", 10],
    ["e", "2011-06-30 23:59:59", 15],
  ];
  for (const [i, [c, at, amount]] of rows.entries()) {
    await store.client.run(
      sql(
        "INSERT INTO transactions (id, customer_id, occurred_at, amount, cost) VALUES ($1, $2, CAST($3 AS TIMESTAMP), $4, 0)",
        [`t${i}`, c, at, amount],
      ),
    );
  }
});
afterEach(() => store.close());

describe("acquisition cohorts", () => {
  it.each([
    [
      "count, on, of period 0",
      { metric: "count", mode: "on", relativeTo: "first" },
      [1, 2 / 3, 1 / 3, 0, 1 / 3, 0],
      [1, 1, 0, 0, 0],
      [1, 3 / 4, 1 / 4, 0, 1 / 4, 0],
    ],
    [
      "count, on or after",
      { metric: "count", mode: "on-or-after", relativeTo: "first" },
      [1, 2 / 3, 2 / 3, 1 / 3, 1 / 3, 0],
      [1, 1, 0, 0, 0],
      [1, 3 / 4, 2 / 4, 1 / 4, 1 / 4, 0],
    ],
    [
      "count, on, of the previous period",
      { metric: "count", mode: "on", relativeTo: "previous" },
      [1, 2 / 3, 1 / 2, 0, null, 0],
      [1, 1, 0, null, null],
      [1, 3 / 4, 3 / 8, 0, null, 0],
    ],
    [
      "sales, on (returns net against sales)",
      { metric: "sales", mode: "on", relativeTo: "first" },
      [1, 0, 1, 0, 0.2, 0],
      [1, 1 / 7, 0, 0, 0],
      [1, 1 / 28, 3 / 4, 0, 0.15, 0],
    ],
    [
      "profit (cost 0) equals sales",
      { metric: "profit", mode: "on", relativeTo: "first" },
      [1, 0, 1, 0, 0.2, 0],
      [1, 1 / 7, 0, 0, 0],
      [1, 1 / 28, 3 / 4, 0, 0.15, 0],
    ],
  ] as const)("%s", async (_name, cells, jan, feb, mean) => {
    const table = await cohorts(store.client, duckdbDialect, {
      period: { unit: "month" },
      ...(cells as Partial<CohortOptions>),
    });
    expect(table.cohorts.map((c) => [c.cohort, c.size])).toEqual([
      ["2011-01", 3],
      ["2011-02", 1],
      ["2011-06", 1],
    ]);
    const close = (actual: readonly (number | null)[], want: readonly (number | null)[]) => {
      expect(actual).toHaveLength(want.length);
      want.forEach((w, k) => {
        if (w === null) expect(actual[k]).toBeNull();
        else expect(actual[k]).toBeCloseTo(w, 12);
      });
    };
    close(table.cohorts[0]?.values ?? [], jan);
    close(table.cohorts[1]?.values ?? [], feb);
    expect(table.cohorts[2]?.values).toEqual([1]);
    close(table.mean, mean);
  });

  it("leaves incomplete cells out of the mean", async () => {
    // A purchase on 2011-07-10 makes July a partial last period: its cells do not enter the mean.
    await store.client.run(
      sql(
        "INSERT INTO transactions (id, customer_id, occurred_at, amount) VALUES ('x', 'a', TIMESTAMP '2011-07-10 00:00:00', 5)",
      ),
    );
    const table = await cohorts(store.client, duckdbDialect, { period: { unit: "month" } });
    expect(table.cohorts[0]?.values[6]).toBeCloseTo(1 / 3, 12);
    expect(table.mean).toHaveLength(7);
    expect(table.mean[6]).toBeNull();
  });
});
