import { fileURLToPath } from "node:url";
import { duckdbDialect, type RetentionRow, sql } from "@vafa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles, openStore, retention, type Store } from "../src/index.ts";

const file = fileURLToPath(new URL("../../../data/online-retail/online-retail.csv.gz", import.meta.url));

/**
 * Monthly retention written plainly over the raw file, sharing nothing with the project's code
 * path: read_csv, date_trunc('month'), GROUP BY and a self-join on the month before.
 */
const independent = `
WITH lines AS (
  SELECT
    CAST(CAST(CAST(CustomerID AS DOUBLE) AS BIGINT) AS VARCHAR) AS customer,
    date_trunc('month', CAST(InvoiceDate AS TIMESTAMP)) AS month,
    CASE WHEN InvoiceNo LIKE 'C%'
      THEN -abs(CAST(Quantity AS DOUBLE) * CAST(UnitPrice AS DOUBLE))
      ELSE CAST(Quantity AS DOUBLE) * CAST(UnitPrice AS DOUBLE) END AS amount
  FROM read_csv('${file}', header = true, all_varchar = true)
),
months AS (SELECT DISTINCT month FROM lines),
per_month AS (
  SELECT customer, month, sum(amount) AS sales, max(amount) AS biggest
  FROM lines WHERE customer IS NOT NULL GROUP BY customer, month
),
active AS (SELECT customer, month, sales FROM per_month WHERE biggest > 0),
first_month AS (SELECT customer, min(month) AS month FROM active GROUP BY customer),
new_per_month AS (SELECT month, count(*) AS new FROM first_month GROUP BY month),
kept AS (
  SELECT months.month,
    count(before.customer) AS active_start,
    count(now.customer) AS retained,
    sum(before.sales) AS base_sales,
    sum(now.sales) AS kept_sales_now,
    sum(CASE WHEN now.customer IS NOT NULL THEN before.sales END) AS kept_sales_before,
    sum(CASE WHEN now.customer IS NOT NULL THEN least(now.sales, before.sales) END) AS kept_sales_min
  FROM months
  LEFT JOIN active AS before ON before.month = months.month - INTERVAL 1 MONTH
  LEFT JOIN active AS now ON now.customer = before.customer AND now.month = months.month
  GROUP BY months.month
)
SELECT strftime(kept.month, '%Y-%m') AS period, kept.active_start, kept.retained, coalesce(n.new, 0) AS new,
  kept.retained / nullif(kept.active_start, 0) AS raw,
  kept.kept_sales_now / kept.base_sales AS sales_adjusted,
  kept.kept_sales_before / kept.base_sales AS sales_base_weighted,
  kept.kept_sales_min / kept.base_sales AS gross_revenue_retention
FROM kept LEFT JOIN new_per_month AS n ON n.month = kept.month
ORDER BY period`;

describe("Online Retail monthly retention", () => {
  let store: Store;
  let rows: RetentionRow[];
  let expected: Record<string, unknown>[];
  beforeAll(async () => {
    store = await openStore(":memory:");
    await ingestFiles(store.client, { kind: "transactions", files: [file], preset: "online-retail" });
    rows = await retention(store.client, duckdbDialect, { period: { unit: "month" } });
    expected = await store.client.all(sql(independent));
  }, 120_000);
  afterAll(() => store.close());

  it("covers the same 13 months, Dec 2010 to Dec 2011, the last one incomplete", () => {
    expect(rows.map((r) => r.period)).toEqual(expected.map((e) => e.period));
    expect(rows).toHaveLength(13);
    expect(rows.filter((r) => !r.complete).map((r) => r.period)).toEqual(["2011-12"]);
  });

  it.each(Array.from({ length: 13 }, (_, i) => [i]))("month #%i agrees with the plain query", (i) => {
    const row = rows[i];
    const want = expected[i] ?? {};
    expect(row).toMatchObject({
      period: want.period,
      active_start: want.active_start,
      retained: want.retained,
      new: want.new,
    });
    for (const key of ["raw", "sales_adjusted", "sales_base_weighted", "gross_revenue_retention"] as const) {
      const w = want[key];
      const got = row?.[key];
      if (w === null || w === undefined) expect(got, key).toBeNull();
      else expect(Math.abs(Number(got) - Number(w)), key).toBeLessThanOrEqual(1e-9 * Math.abs(Number(w)));
    }
  });

  it("has the known first months: 885 customers in Dec 2010, 324 of them back in January", () => {
    expect(rows[0]).toMatchObject({ period: "2010-12", active_start: 0, new: 885, raw: null });
    expect(rows[1]).toMatchObject({ period: "2011-01", active_start: 885, retained: 324 });
  });
});
