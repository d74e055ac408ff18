import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "@vafa/core";
import { openStore } from "@vafa/duckdb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runVafa } from "./runVafa.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-analyses-"));
const db = join(dir, "analyses.duckdb");
const empty = join(dir, "empty.duckdb");

beforeAll(async () => {
  const store = await openStore(db);
  const lines: [string | null, string, number, number | null, string][] = [
    ["a", "2011-01-01", 100, 60, "books"],
    ["a", "2011-01-11", -20, null, "books"],
    ["a", "2011-01-21", 50, null, "games"],
    ["b", "2011-01-01", 200, null, "games"],
    ["b", "2011-03-01", 100, null, "games"],
    [null, "2011-01-05", 40, null, "books"],
  ];
  for (const [i, [customer, at, amount, cost, category]] of lines.entries()) {
    await store.client.run(
      sql(
        "INSERT INTO transactions (id, customer_id, occurred_at, amount, cost, category) VALUES ($1, $2, CAST($3 AS TIMESTAMP), $4, $5, $6)",
        [`t${i}`, customer, at, amount, cost, category],
      ),
    );
  }
  await store.client.run(
    sql(
      "INSERT INTO customers (id, segment, acquisition_cost) VALUES ('a', 'retail', 10), ('b', 'wholesale', NULL)",
    ),
  );
  store.close();
  (await openStore(empty)).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function json(args: readonly string[]): Record<string, unknown> {
  const r = runVafa(["--db", db, ...args, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe("vafa analyses", () => {
  it("repurchase-cycle --json: a buys on days 1 and 21 (day 11 is a return), b 59 days apart", () => {
    expect(json(["repurchase-cycle"])).toMatchObject({
      purchasers: 2,
      customers: 2,
      quantiles: { p25: 29.75, p50: 39.5 },
      suggested: { period: "month", share: 0.5 },
    });
  });

  it("repurchase-cycle prints the suggestion and the buckets", () => {
    const r = runVafa(["--db", db, "repurchase-cycle"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^month covers 50% of customers' cycles/);
    expect(r.stdout).toMatch(/31–60\s+1\s+50\.0%/);
  });

  it.each<[string[], Record<string, unknown>]>([
    [["profitability"], { by: null, margin: null, total: { sales: 470, cost: null } }],
    [
      ["profitability", "--by", "segment", "--margin", "30%"],
      {
        by: "segment",
        margin: 0.3,
        rows: [
          { group: "wholesale", sales: 300, profit: 90 },
          {
            group: "retail",
            sales: 130,
            profit: 40 + 15 - 6,
            acquisition_cost: 10,
            profit_after_acquisition: 39,
          },
        ],
        anonymous: { group: "(anonymous)", sales: 40, future_potential: null },
      },
    ],
    [
      ["profitability", "--by", "category", "--margin", "0.5"],
      {
        by: "transaction.category",
        rows: [
          { group: "games", customers: 2 },
          { group: "books", customers: 1 },
        ],
      },
    ],
  ])("%j", (args, expected) => {
    const out = json(args);
    expect(out).toMatchObject(expected);
  });

  it("profitability prints a table with the anonymous and total rows and the notes", () => {
    const r = runVafa(["--db", db, "profitability", "--by", "segment", "--margin", "0.3"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^segment\s+customers\s+sales/);
    expect(r.stdout).toMatch(/\(anonymous\)/);
    expect(r.stdout).toMatch(/\ntotal\s+2\s+470/);
    expect(r.stdout).toMatch(/note: future_potential/);
  });

  it.each([
    [["profitability", "--by", "colour"], /cannot group by "colour"/],
    [["profitability", "--margin", "2"], /margin is a fraction/],
    [["share-of-wallet", "--estimate", "retail"], /segment=amount/],
  ])("%j is refused", (args, message) => {
    const r = runVafa(["--db", db, ...args]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(message);
  });

  it("share-of-wallet says plainly when there is nothing to divide by", () => {
    expect(json(["share-of-wallet"])).toEqual({
      available: false,
      reason:
        "no category budget, wallet survey or market estimate: load customers with a category_budget column, wallet survey answers, or pass --estimate segment=amount",
    });
    const r = runVafa(["--db", db, "share-of-wallet"]);
    expect(r.stdout).toMatch(/^Share of wallet is not available/);
  });

  it("share-of-wallet with repeated --estimate: retail 130 ÷ 100 is over budget, wholesale 300 ÷ 1000", () => {
    const out = json(["share-of-wallet", "--estimate", "retail=100", "--estimate", "wholesale=1000"]);
    expect(out).toMatchObject({
      available: true,
      sources: { market_estimate: 2 },
      overall: { customers: 2, spend: 430, total: 1100, budget_understated: 1 },
      customers: [
        { customer_id: "a", share: 1.3, budget_understated: true },
        { customer_id: "b", share: 0.3, budget_understated: false },
      ],
    });
    const text = runVafa([
      "--db",
      db,
      "share-of-wallet",
      "--estimate",
      "retail=100",
      "--estimate",
      "wholesale=1000",
    ]);
    expect(text.stdout).toMatch(/retail\s+1\s+130\s+100\s+130\.0%/);
  });

  it("every analysis on an empty store says there is no data yet and how to load it", () => {
    for (const args of [["repurchase-cycle"], ["profitability"], ["share-of-wallet"]]) {
      const r = runVafa(["--db", empty, ...args]);
      expect(r.status, r.stderr).toBe(3);
      expect(r.stderr).toContain('holds no data yet: load it with "vafa ingest transactions FILE"');
      expect(r.stdout).toBe("");
    }
  });
});
