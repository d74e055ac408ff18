import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { duckdbDialect, parseRule, SqlParams, segmentMembersSql, sql } from "@vafa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles, openStore, retention, type Store } from "../src/index.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-attr-dims-"));
const customers = join(dir, "customers.csv");
const transactions = join(dir, "transactions.csv");
// Four customers with a plan (text), months as a customer (Persian digits) and autopay (yes/no in fa/ar/en).
writeFileSync(
  customers,
  "id,Plan,Months,Auto Pay\na,Gold,۱۲,بله\nb,Gold,۳,خیر\nc,Basic,۲۴,نعم\nd,Basic,,no\n",
);
// January: all four buy; February: a (Gold) and c (Basic) come back.
writeFileSync(
  transactions,
  "id,customer_id,date,amount\n1,a,2011-01-05,10\n2,b,2011-01-06,10\n3,c,2011-01-07,10\n4,d,2011-01-08,10\n5,a,2011-02-05,10\n6,c,2011-02-07,10\n",
);

let store: Store;
beforeAll(async () => {
  store = await openStore(":memory:");
  await ingestFiles(store.client, { kind: "customers", files: [customers] });
  await ingestFiles(store.client, { kind: "transactions", files: [transactions] });
});
afterAll(() => store.close());

describe("customer attributes as dimensions", () => {
  it("retention --by attr.plan groups by the attribute's value", async () => {
    const rows = await retention(store.client, duckdbDialect, { period: { unit: "month" }, by: "attr.Plan" });
    const feb = rows.filter((r) => r.period === "2011-02").map((r) => [r.group, r.raw]);
    expect(feb.sort()).toEqual([
      ["Basic", 0.5],
      ["Gold", 0.5],
    ]);
  });

  it.each([
    ['attr_plan = "Gold"', ["a", "b"]],
    ["attr_months >= 12", ["a", "c"]],
    ['attr_auto_pay = "yes"', ["a", "c"]],
    ["attr_months is null", ["d"]],
    ['attr_plan in ("Basic") and not attr_auto_pay = "no"', ["c"]],
  ])("segment rule %s", async (text, members) => {
    const p = new SqlParams(duckdbDialect);
    const q = segmentMembersSql(duckdbDialect, p, parseRule(text));
    const rows = await store.client.all(sql(`${q} ORDER BY customer_id`, p.values));
    expect(rows.map((r) => r.customer_id)).toEqual(members);
  });
});
