import { sql } from "@vafa/core";
import type { DuckDBEngine } from "@vafa/duckdb";

/**
 * Five customers with known RFM as of 2011-01-31 (recency, orders, net sales):
 * a (1, 3, 200), b (1, 1, 200), c (30, 1, 5: a return), d (15, 2 purchase days without order ids, 70),
 * e (1, 1, 200) — ties on recency and monetary across a, b and e.
 */
export async function loadSegmentsFixture(store: DuckDBEngine): Promise<void> {
  const lines: [string, string, number, string | null, string, number | null][] = [
    ["a", "2011-01-30", 100, "o1", "books", 60],
    ["a", "2011-01-20", 50, "o2", "games", 30],
    ["a", "2011-01-10", 50, "o3", "books", 30],
    ["b", "2011-01-30", 200, "o4", "games", null],
    ["c", "2011-01-01", 10, "o5", "books", 5],
    ["c", "2011-01-05", -5, "o6", "books", -2],
    ["d", "2011-01-15", 20, null, "toys", 10],
    ["d", "2011-01-15", 20, null, "toys", 10],
    ["d", "2011-01-16", 30, null, "books", 10],
    ["e", "2011-01-30", 200, "o7", "toys", 100],
  ];
  for (const [i, [customer, at, amount, order, category, cost]] of lines.entries()) {
    await store.client.run(
      sql(
        "INSERT INTO transactions (id, customer_id, occurred_at, amount, order_id, category, product, cost) VALUES ($1, $2, CAST($3 AS TIMESTAMP), $4, $5, $6, $6, $7)",
        [`t${i}`, customer, at, amount, order, category, cost],
      ),
    );
  }
  await store.client.run(
    sql(`INSERT INTO customers (id, country, tags, created_at) VALUES
      ('a', 'United Kingdom', 'vip, wholesale', '2010-06-01'), ('b', 'France', NULL, '2011-01-30'),
      ('c', 'United Kingdom', 'wholesale', '2011-01-01'), ('d', 'Germany', 'vip_', '2011-01-15'),
      ('e', 'France', NULL, '2011-01-30'), ('f', 'France', NULL, '2011-01-31')`),
  );
}
