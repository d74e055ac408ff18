import { sql } from "@vafa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles, openStore, type Store } from "../src/index.ts";
import { dataset } from "./datasets.ts";

async function one(store: Store, text: string): Promise<Record<string, unknown>> {
  const [row] = await store.client.all(sql(text));
  return row ?? {};
}

describe("Online Retail", () => {
  let store: Store;
  const file = dataset("online-retail/online-retail.csv.gz");
  beforeAll(async () => {
    store = await openStore(":memory:");
  });
  afterAll(() => store.close());

  it("loads every one of the 541,909 lines with 4,372 customers", async () => {
    const s = await ingestFiles(store.client, {
      kind: "transactions",
      files: [file],
      preset: "online-retail",
    });
    expect(s).toMatchObject({ rows_read: 541_909, rows_loaded: 541_909, rows_rejected: 0, customers: 4_372 });
    expect(await one(store, "SELECT count(*) AS n, count(DISTINCT id) AS keys FROM transactions")).toEqual({
      n: 541_909,
      keys: 541_909,
    });
    expect(await one(store, "SELECT count(*) AS n FROM customers")).toEqual({ n: 4_372 });
  });

  it.each([
    ["cancellations are returns with negative amounts", "order_id LIKE 'C%' AND amount < 0", 9_288],
    ["cancellations with a non-negative amount", "order_id LIKE 'C%' AND amount >= 0", 0],
    ["lines without a customer id are kept as anonymous sales", "customer_id IS NULL", 135_080],
    ["customer ids read as integers, not floats", "customer_id LIKE '%.%'", 0],
    ["customer 17850 from 17850.0", "customer_id = '17850'", 312],
  ])("%s", async (_name, where, expected) => {
    expect(await one(store, `SELECT count(*) AS n FROM transactions WHERE ${where}`)).toEqual({
      n: expected,
    });
  });

  it("amount is quantity × unit price", async () => {
    const r = await one(
      store,
      "SELECT round(sum(amount), 2) AS total FROM transactions WHERE order_id NOT LIKE 'C%'",
    );
    const raw = await one(
      store,
      `SELECT round(sum(Quantity * UnitPrice), 2) AS total FROM read_csv('${file}') WHERE InvoiceNo NOT LIKE 'C%'`,
    );
    expect(r.total).toBe(raw.total);
  });

  it("a second load changes nothing", async () => {
    const before = await one(store, "SELECT count(*) AS n, round(sum(amount), 2) AS s FROM transactions");
    const s = await ingestFiles(store.client, {
      kind: "transactions",
      files: [file],
      preset: "online-retail",
    });
    expect(s).toMatchObject({ rows_read: 541_909, rows_loaded: 0, rows_rejected: 0 });
    expect(await one(store, "SELECT count(*) AS n, round(sum(amount), 2) AS s FROM transactions")).toEqual(
      before,
    );
    expect(await one(store, "SELECT count(*) AS n FROM customers")).toEqual({ n: 4_372 });
  });
});

describe("CDNOW", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(":memory:");
  });
  afterAll(() => store.close());

  it.each([
    ["CDNOW_master.txt", 69_659, 23_570, 2_500_315.63, 167_881],
    ["CDNOW_sample.txt", 6_919, 2_357, null, null],
  ])("%s loads %i purchases of %i customers", async (name, rows, customers, total, cds) => {
    const local = await openStore(":memory:");
    try {
      const s = await ingestFiles(local.client, {
        kind: "transactions",
        files: [dataset(`cdnow/${name}`)],
        preset: "cdnow",
      });
      expect(s).toMatchObject({ rows_read: rows, rows_loaded: rows, customers });
      const r = await one(
        local,
        "SELECT count(*) AS n, round(sum(amount), 2) AS total, sum(quantity) AS cds, min(occurred_at) AS first FROM transactions",
      );
      expect(r.n).toBe(rows);
      expect(r.first).toBe("1997-01-01T00:00:00.000Z");
      if (total !== null) expect(r).toMatchObject({ total, cds });
    } finally {
      local.close();
    }
  });

  it("keeps zero-padded CDNOW ids and loads idempotently", async () => {
    const file = dataset("cdnow/CDNOW_master.txt");
    await ingestFiles(store.client, { kind: "transactions", files: [file], preset: "cdnow" });
    const again = await ingestFiles(store.client, { kind: "transactions", files: [file], preset: "cdnow" });
    expect(again.rows_loaded).toBe(0);
    expect(await one(store, "SELECT count(*) AS n, min(customer_id) AS first FROM transactions")).toEqual({
      n: 69_659,
      first: "00001",
    });
  });
});
