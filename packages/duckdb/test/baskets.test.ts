import { fileURLToPath } from "node:url";
import { sql } from "@vafa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basketRules, ingestFiles, openStore, recommend, type Store } from "../src/index.ts";

const file = fileURLToPath(new URL("../../../data/online-retail/online-retail.csv.gz", import.meta.url));

describe("market baskets on five hand-built orders", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(":memory:");
    const baskets = [
      ["bread", "milk"],
      ["bread", "diaper", "beer", "eggs"],
      ["milk", "diaper", "beer", "cola"],
      ["bread", "milk", "diaper", "beer"],
      ["bread", "milk", "diaper", "cola"],
    ];
    let id = 0;
    for (const [i, items] of baskets.entries()) {
      for (const item of items) {
        await store.client.run(
          sql(
            "INSERT INTO transactions (id, customer_id, occurred_at, amount, product, category, order_id) VALUES ($1, $2, TIMESTAMP '2011-01-01', 1, $3, 'food', $4)",
            [`t${id++}`, `c${i}`, item, `o${i}`],
          ),
        );
      }
    }
    // A return order and a repeated line do not change baskets or counts.
    await store.client.run(
      sql(
        "INSERT INTO transactions (id, customer_id, occurred_at, amount, product, order_id) VALUES ('r1', 'c0', TIMESTAMP '2011-01-02', -1, 'beer', 'C9'), ('r2', 'c0', TIMESTAMP '2011-01-01', 1, 'milk', 'o0')",
      ),
    );
  });
  afterAll(() => store.close());

  it.each([
    { x: "diaper", y: "beer", count: 3, support: 0.6, confidence: 0.75, lift: 1.25 },
    { x: "beer", y: "diaper", count: 3, support: 0.6, confidence: 1, lift: 1.25 },
    { x: "bread", y: "milk", count: 3, support: 0.6, confidence: 0.75, lift: 0.9375 },
    { x: "cola", y: "milk", count: 2, support: 0.4, confidence: 1, lift: 1.25 },
  ])(
    "$x ⇒ $y: support $support, confidence $confidence, lift $lift",
    async ({ x, y, count, support, confidence, lift }) => {
      const result = await basketRules(store.client, { minSupport: 0.4, minConfidence: 0 });
      expect(result.baskets).toBe(5);
      const rule = result.rules.find(
        (r) => r.antecedent.map((a) => a.item).join() === x && r.consequent.map((c) => c.item).join() === y,
      );
      expect(rule).toMatchObject({ count, support, confidence, lift });
    },
  );

  it("recommends what the customer has not bought, with the rule", async () => {
    const r = await recommend(store.client, "c0", { minSupport: 0.4, minConfidence: 0.5 });
    expect(r.bought).toBe(2);
    expect(r.recommendations.map((x) => x.item)).not.toContain("milk");
    expect(r.recommendations[0]?.rule.antecedent.every((a) => ["bread", "milk"].includes(a.item))).toBe(true);
  });

  it("category level: every basket is one 'food' item", async () => {
    const result = await basketRules(store.client, { level: "category", minSupport: 0.1 });
    expect(result).toMatchObject({ baskets: 5, frequentItems: 1, rules: [] });
  });
});

describe("market baskets on Online Retail (invoices as baskets)", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(":memory:");
    await ingestFiles(store.client, { kind: "transactions", files: [file], preset: "online-retail" });
  });
  afterAll(() => store.close());

  it("rules at min support 1%: top rules' support and confidence match a plain SQL count", async () => {
    const started = performance.now();
    const result = await basketRules(store.client, { minSupport: 0.01, minConfidence: 0.5, maxLength: 3 });
    console.log(
      `Online Retail baskets: ${result.baskets} invoices, ${result.frequentItems} items, ${result.itemsets} itemsets, ${result.rules.length} rules in ${((performance.now() - started) / 1000).toFixed(2)} s (SQL + FP-growth)`,
    );
    expect(result.rules.length).toBeGreaterThan(100);
    // Independent of the ingest mapping: raw columns, a basket = an invoice with a positive line.
    const raw = `SELECT DISTINCT InvoiceNo AS b, StockCode AS i FROM read_csv($1) WHERE Quantity * UnitPrice > 0 AND StockCode IS NOT NULL`;
    const [all] = await store.client.all(sql(`SELECT count(DISTINCT b) AS n FROM (${raw})`, [file]));
    expect(result.baskets).toBe(Number(all?.n));
    for (const rule of result.rules.slice(0, 10)) {
      const x = rule.antecedent.map((a) => a.item);
      const xy = [...x, ...rule.consequent.map((c) => c.item)];
      const holding = (items: string[]) =>
        `SELECT b FROM (${raw}) WHERE i IN (${items.map((_, k) => `$${k + 2}`).join(", ")}) GROUP BY b HAVING count(DISTINCT i) = ${items.length}`;
      const [both] = await store.client.all(sql(`SELECT count(*) AS n FROM (${holding(xy)})`, [file, ...xy]));
      const [ante] = await store.client.all(sql(`SELECT count(*) AS n FROM (${holding(x)})`, [file, ...x]));
      expect(rule.count).toBe(Number(both?.n));
      expect(rule.support).toBeCloseTo(Number(both?.n) / Number(all?.n), 12);
      expect(rule.confidence).toBeCloseTo(Number(both?.n) / Number(ante?.n), 12);
    }
  });
});
