import { sql } from "@vafa/core";
import { type DuckDBEngine, openDuckDBEngine } from "@vafa/duckdb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purchaseDayLoads } from "../../duckdb/test/purchaseDayLoads.ts";
import { type ScoreOptions, scoreCustomers } from "../src/index.ts";

describe("the sales to date stored with the scores", () => {
  const { first, second } = purchaseDayLoads();
  let engine: DuckDBEngine;
  beforeAll(async () => {
    engine = await openDuckDBEngine(":memory:");
    for (const files of [[first], [second], [second]]) await engine.ingest({ kind: "transactions", files });
  });
  afterAll(() => engine.close());

  const scoring: [string, Pick<ScoreOptions, "calibrationEnd" | "exactTime">][] = [
    ["all data", {}],
    ["to a calibration end between a return and a purchase", { calibrationEnd: "2024-01-25" }],
    ["exact times", { calibrationEnd: "2024-01-25", exactTime: true }],
  ];
  it.each(scoring)("stores as historical value every line to the calibration end: %s", async (_, options) => {
    await scoreCustomers(engine, {
      ...options,
      unit: "day",
      params: { r: 0.5, alpha: 5, a: 0.8, b: 2.5 },
      spendParams: { p: 6, q: 4, v: 15 },
    });
    const end = options.calibrationEnd ?? "2099-01-01";
    const rows = await engine.client.all(
      sql(
        `SELECT c.customer_id, c.historical_value, t.sales FROM customer_scores c
         JOIN (SELECT customer_id, sum(amount) AS sales FROM transactions
               WHERE occurred_at < CAST($1 AS DATE) + INTERVAL 1 DAY GROUP BY customer_id) t USING (customer_id)
         ORDER BY customer_id`,
        [end],
      ),
    );
    expect(rows.map((r) => r.customer_id)).toEqual(["a", "b"]);
    for (const r of rows) expect([r.customer_id, r.historical_value]).toEqual([r.customer_id, r.sales]);
  });
});
