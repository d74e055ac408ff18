import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "@vafa/core";
import { openStore } from "@vafa/duckdb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runVafa } from "./runVafa.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-segments-"));
const db = join(dir, "segments.duckdb");

beforeAll(async () => {
  const store = await openStore(db);
  const lines: [string, string, number, string, string][] = [
    ["a", "2011-01-30", 100, "o1", "bread"],
    ["a", "2011-01-30", 10, "o1", "milk"],
    ["a", "2011-01-10", 50, "o2", "bread"],
    ["b", "2011-01-30", 200, "o3", "bread"],
    ["b", "2011-01-30", 5, "o3", "milk"],
    ["c", "2011-01-01", 10, "o4", "bread"],
  ];
  for (const [i, [customer, at, amount, order, product]] of lines.entries()) {
    await store.client.run(
      sql(
        "INSERT INTO transactions (id, customer_id, occurred_at, amount, order_id, product) VALUES ($1, $2, CAST($3 AS TIMESTAMP), $4, $5, $6)",
        [`t${i}`, customer, at, amount, order, product],
      ),
    );
  }
  await store.client.run(
    sql("INSERT INTO customers (id, country) VALUES ('a', 'France'), ('b', 'France'), ('c', 'Spain')"),
  );
  store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function json(args: readonly string[]): Record<string, unknown> {
  const r = runVafa(["--db", db, ...args, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe("vafa segments, baskets, recommend", () => {
  it("segments define, show, list, delete", () => {
    expect(json(["segments", "define", "fr", 'country = "France"', "--description", "French"])).toMatchObject(
      {
        name: "fr",
        description: "French",
        customers: 2,
      },
    );
    expect(json(["segments", "show", "fr"])).toMatchObject({ customers: 2, ids: ["a", "b"] });
    expect(json(["segments", "list"])).toMatchObject([{ name: "fr", rule: 'country = "France"' }]);
    expect(json(["segments", "delete", "fr"])).toEqual({ deleted: "fr" });
  });

  it("a bad rule exits 2 (bad input) with the problem pointed at", () => {
    const r = runVafa(["--db", db, "segments", "define", "x", "monetary > 'a"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unterminated string starting with ' (at position 12)");
    expect(r.stderr).toContain("  monetary > 'a\n             ^");
  });

  it("segments rfm --json and the printed table", () => {
    const result = json(["segments", "rfm", "--compare", "2011-01-15"]);
    expect(result).toMatchObject({
      asOf: "2011-01-30",
      customers: 3,
      transitions: { from: "2011-01-15", to: "2011-01-30" },
    });
    const r = runVafa(["--db", db, "segments", "rfm"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("RFM as of 2011-01-30: 3 customers");
    expect(r.stdout).toMatch(/champions/);
  });

  it("segments targets --by country and clusters --k 2", () => {
    const t = json(["segments", "targets", "--by", "country"]);
    expect(t).toMatchObject({ by: "country", total: { customers: 3 } });
    const c = json(["segments", "clusters", "--k", "2"]);
    expect(c).toMatchObject({ k: 2, suggested: false });
  });

  it("baskets rules and recommend", () => {
    const rules = json(["baskets", "rules", "--min-support", "50%", "--min-confidence", "0.5"]);
    expect(rules).toMatchObject({ baskets: 4, totalRules: 2 });
    expect((rules.rules as unknown[])[0]).toMatchObject({
      antecedent: [{ item: "milk" }],
      consequent: [{ item: "bread" }],
      support: 0.5,
      confidence: 1,
      lift: 1,
    });
    const rec = json(["recommend", "--customer", "c", "--min-support", "0.5", "--min-confidence", "0.5"]);
    expect(rec).toMatchObject({
      customer: "c",
      bought: 1,
      recommendations: [{ item: "milk", confidence: 0.5 }],
    });
  });
});
