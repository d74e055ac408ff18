import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBEngine, ingestFiles, openDuckDBEngine } from "@vafa/duckdb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defectionRate } from "../src/index.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-rate-attr-"));
let engine: DuckDBEngine;

// 40 customers buying every 15 days through 2011; the odd ones ("Basic") stop after March.
beforeAll(async () => {
  const customers = [
    "id,Plan",
    ...Array.from({ length: 40 }, (_, i) => `c${i},${i % 2 === 0 ? "Gold" : "Basic"}`),
  ];
  const lines = ["id,customer_id,date,amount"];
  let n = 0;
  for (let i = 0; i < 40; i++) {
    const last = i % 2 === 0 ? 360 : 90;
    for (let d = i % 7; d <= last; d += 15) {
      const day = new Date(Date.UTC(2011, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      lines.push(`t${n++},c${i},${day},${10 + (i % 5)}`);
    }
  }
  writeFileSync(join(dir, "customers.csv"), `${customers.join("\n")}\n`);
  writeFileSync(join(dir, "transactions.csv"), `${lines.join("\n")}\n`);
  engine = await openDuckDBEngine(join(dir, "rate.duckdb"), { create: true });
  await ingestFiles(engine.client, { kind: "customers", files: [join(dir, "customers.csv")] });
  await ingestFiles(engine.client, { kind: "transactions", files: [join(dir, "transactions.csv")] });
});
afterAll(() => engine.close());

describe("the defection rate split by a customer attribute", () => {
  it("groups by the attribute's values, and the groups add up to the whole in every period", async () => {
    const r = await defectionRate(engine, { period: { unit: "quarter" }, by: "attr.Plan" });
    expect(r.by).toBe("attr.Plan");
    const periods = [...new Set(r.rows.map((x) => x.period))];
    expect(periods.length).toBeGreaterThan(0);
    for (const p of periods) {
      const rows = r.rows.filter((x) => x.period === p);
      const all = rows.find((x) => x.group === null);
      const groups = rows.filter((x) => x.group !== null);
      expect(groups.every((x) => x.group === "Gold" || x.group === "Basic")).toBe(true);
      expect(groups.reduce((s, x) => s + x.customersAtStart, 0)).toBe(all?.customersAtStart);
      expect(groups.reduce((s, x) => s + x.defected, 0)).toBe(all?.defected);
    }
    // The Basic customers, who stopped buying, are the ones who defect.
    const basic = r.rows.filter((x) => x.group === "Basic").reduce((s, x) => s + x.defected, 0);
    const gold = r.rows.filter((x) => x.group === "Gold").reduce((s, x) => s + x.defected, 0);
    expect(basic).toBeGreaterThan(gold);
  });
});
