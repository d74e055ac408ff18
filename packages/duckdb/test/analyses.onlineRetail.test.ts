import { fileURLToPath } from "node:url";
import { parseProfitabilityDimension, sql } from "@vafa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles, openStore, profitability, repurchaseCycle, type Store } from "../src/index.ts";

// The copy committed with the project (DESIGN.md §6), so this runs on a fresh checkout.
const file = fileURLToPath(new URL("../../../data/online-retail/online-retail.csv.gz", import.meta.url));

function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

describe("analyses on Online Retail", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(":memory:");
    await ingestFiles(store.client, { kind: "transactions", files: [file], preset: "online-retail" });
  });
  afterAll(() => store.close());

  it("profitability by country matches a plain SQL over the raw file", async () => {
    // Independent of the ingest mapping: raw column names, amount = Quantity × UnitPrice.
    const raw = await store.client.all(
      sql(
        `SELECT Country AS country, count(DISTINCT CustomerID) AS customers, sum(Quantity * UnitPrice) AS sales
         FROM read_csv($1) WHERE CustomerID IS NOT NULL GROUP BY Country`,
        [file],
      ),
    );
    const [anonymous] = await store.client.all(
      sql("SELECT sum(Quantity * UnitPrice) AS sales FROM read_csv($1) WHERE CustomerID IS NULL", [file]),
    );
    const result = await profitability(store.client, {
      by: parseProfitabilityDimension("transaction.country"),
    });
    expect(result.rows).toHaveLength(raw.length);
    const byCountry = new Map(result.rows.map((r) => [r.group, r]));
    for (const r of raw) {
      const mine = byCountry.get(String(r.country));
      expect(mine?.customers, String(r.country)).toBe(Number(r.customers));
      expect(relativeDifference(mine?.sales ?? Number.NaN, Number(r.sales)), String(r.country)).toBeLessThan(
        1e-9,
      );
    }
    expect(relativeDifference(result.anonymous?.sales ?? Number.NaN, Number(anonymous?.sales))).toBeLessThan(
      1e-9,
    );
    expect(result.total.customers).toBe(4_372);
    // No cost in the file and no margin: profit is unknown and rows are by sales.
    expect(result.rows[0]).toMatchObject({ group: "United Kingdom", cost: null, profit: null });
  });

  it("repurchase cycle suggests quarter: a quarter covers 73% of cycles, a month under half", async () => {
    const cycle = await repurchaseCycle(store.client);
    console.log(
      `Online Retail repurchase cycle: ${cycle.summary}; quantiles ${JSON.stringify(cycle.quantiles)}`,
    );
    // Independent counts over the raw file: customers with a positive line, and with two or more such days.
    const [raw] = await store.client.all(
      sql(
        `SELECT count(*) AS purchasers, count(*) FILTER (WHERE days >= 2) AS repeaters FROM (
           SELECT CustomerID, count(DISTINCT CAST(InvoiceDate AS DATE)) AS days FROM read_csv($1)
           WHERE CustomerID IS NOT NULL AND Quantity * UnitPrice > 0 GROUP BY CustomerID)`,
        [file],
      ),
    );
    expect(cycle).toMatchObject({ purchasers: Number(raw?.purchasers), customers: Number(raw?.repeaters) });
    expect(cycle.suggested?.period).toBe("quarter");
    expect(cycle.suggested?.share).toBeGreaterThanOrEqual(0.5);
    expect(cycle.coverage.find((c) => c.period === "month")?.share).toBeLessThan(0.5);
    expect(cycle.summary).toMatch(/^quarter covers 73% of customers' cycles/);
  });
});
