import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isAppError, type RetentionOptions, runRetention } from "@vafa/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPooledDuckDBEngine, type PooledDuckDBEngine } from "../src/openPooledDuckDBEngine.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-pooled-"));
const db = join(dir, "store.duckdb");
const csv = join(dir, "transactions.csv");
// Three customers over five months: enough periods that a month and a quarter report differ.
writeFileSync(
  csv,
  `id,customer_id,occurred_at,amount
t1,c1,2011-01-05,100
t2,c1,2011-02-05,50
t3,c1,2011-03-05,70
t4,c2,2011-01-10,200
t5,c2,2011-04-10,80
t6,c3,2011-02-15,40
t7,c3,2011-05-15,60
`,
);

/** Reports whose temporary period tables would clash if two shared a connection at once. */
const reports: readonly (readonly [string, RetentionOptions])[] = [
  ["month", { period: { unit: "month" } }],
  ["quarter", { period: { unit: "quarter" } }],
  ["week", { period: { unit: "week" } }],
  ["30 days", { period: { unit: "days", days: 30 } }],
];

describe("the pooled DuckDB engine", () => {
  let engine: PooledDuckDBEngine;

  beforeAll(async () => {
    engine = await openPooledDuckDBEngine(db, { connections: 2 });
    const loaded = await engine.ingest({ kind: "transactions", files: [csv] });
    expect(loaded.rows_loaded).toBe(7);
  });

  afterAll(async () => {
    await engine.close();
  });

  it("runs concurrent sessions each with its own temporary tables: the answers of one at a time", async () => {
    const alone = [];
    for (const [, options] of reports)
      alone.push(await engine.session((s) => runRetention(s.facts, s.dialect, options)));
    // Three rounds of every report at once, on a pool of two connections.
    const together = await Promise.all(
      [0, 1, 2].flatMap(() =>
        reports.map(([, options]) => engine.session((s) => runRetention(s.facts, s.dialect, options))),
      ),
    );
    for (const [i, rows] of together.entries()) expect(rows).toEqual(alone[i % reports.length]);
    expect(alone[0]?.length).toBe(5);
    expect(alone[1]?.length).toBe(2);
  });

  it("a nested session joins the one it is in (no second connection, no wait)", async () => {
    const single = await openPooledDuckDBEngine(db, { connections: 1 });
    try {
      const n = await single.session((outer) =>
        outer.session(async (inner) => {
          expect(inner).toBe(outer);
          const [row] = await inner.facts.all({ sql: "SELECT count(*) AS n FROM transactions", params: [] });
          return Number(row?.n);
        }),
      );
      expect(n).toBe(7);
    } finally {
      await single.close();
    }
  });

  it("counts the facts through the pool", async () => {
    expect(await engine.factCounts()).toEqual({ transactions: 7, customers: 3, activity: 0 });
  });
});

describe("opening the pooled DuckDB engine", () => {
  it.each([
    ["a missing file with create: false", { create: false }],
    ["a missing file read-only", { readOnly: true }],
  ] as const)("%s: not found, and nothing is created", async (_name, options) => {
    const missing = join(dir, `missing-${Object.keys(options).join("")}.duckdb`);
    const error = await openPooledDuckDBEngine(missing, options).catch((e: unknown) => e);
    expect(isAppError(error, "not_found")).toBe(true);
    expect(existsSync(missing)).toBe(false);
  });

  it("read-only: reads the file and refuses a load with a conflict", async () => {
    const file = join(dir, "shared.duckdb");
    await (await openPooledDuckDBEngine(file)).close();
    const shared = await openPooledDuckDBEngine(file, { readOnly: true });
    try {
      expect(shared.readOnly).toBe(true);
      expect(await shared.factCounts()).toEqual({ transactions: 0, customers: 0, activity: 0 });
      const error = await shared.ingest({ kind: "transactions", files: [csv] }).catch((e: unknown) => e);
      expect(isAppError(error, "conflict")).toBe(true);
    } finally {
      await shared.close();
    }
  });
});
