import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "@vafa/core";
import { type DuckDBEngine, openDuckDBEngine } from "@vafa/duckdb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ScoreOptions, scoreCustomers } from "../src/index.ts";

describe("the sales to date stored with the scores", () => {
  // Two loads touching the same days: a return-only day that a later purchase turns into a purchase
  // day, a return booked a load later on a purchase day, and the second load repeated.
  const dir = mkdtempSync(join(tmpdir(), "vafa-days-"));
  const header = "id,customer_id,occurred_at,amount\n";
  const first = join(dir, "first.csv");
  writeFileSync(
    first,
    `${header}1,a,2024-01-01 09:00,10\n2,a,2024-01-01 18:00,-3\n3,a,2024-01-05 10:00,-5\n4,a,2024-01-10 10:00,20\n5,b,2024-01-03 23:59:59,4\n6,,2024-01-03 10:00,9\n`,
  );
  const second = join(dir, "second.csv");
  writeFileSync(
    second,
    `${header}7,a,2024-01-05 12:00,8\n8,a,2024-01-10 11:00,-4\n9,b,2024-02-01 00:00,5\n10,c,2024-02-02 10:00,-2\n11,b,2024-01-20 10:00,-1\n`,
  );
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
