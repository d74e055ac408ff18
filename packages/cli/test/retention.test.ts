import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runVafa } from "./runVafa.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-retention-"));
const db = join(dir, "r.duckdb");

beforeAll(() => {
  const csv = join(dir, "t.csv");
  writeFileSync(
    csv,
    [
      "transaction_id,customer_id,occurred_at,amount",
      "1,a,2011-01-01 00:00:00,100",
      "2,b,2011-01-15 12:00:00,80",
      "3,a,2011-02-10 12:00:00,50",
      "4,c,2011-02-28 23:59:59,10",
    ].join("\n"),
  );
  const r = runVafa(["ingest", "transactions", csv, "--db", db, "--json"]);
  expect(r.status, r.stderr).toBe(0);
}, 60_000);

describe("vafa retention / cohorts / lifecycle", () => {
  it("prints the documented JSON", () => {
    const r = runVafa(["retention", "--period", "month", "--json", "--db", db]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      period: "month",
      rows: [
        {
          period: "2011-01",
          group: null,
          active_start: 0,
          retained: 0,
          new: 2,
          resurrected: 0,
          lost: 0,
          raw: null,
          churn: null,
          sales_adjusted: null,
          sales_base_weighted: null,
          gross_revenue_retention: null,
          profit_adjusted: null,
          profit_base_weighted: null,
          gross_profit_retention: null,
          complete: true,
        },
        {
          period: "2011-02",
          group: null,
          active_start: 2,
          retained: 1,
          new: 1,
          resurrected: 0,
          lost: 1,
          raw: 0.5,
          churn: 0.5,
          sales_adjusted: 50 / 180,
          sales_base_weighted: 100 / 180,
          gross_revenue_retention: 50 / 180,
          // No costs and no --margin: profit is unknown.
          profit_adjusted: null,
          profit_base_weighted: null,
          gross_profit_retention: null,
          complete: true,
        },
      ],
    });
  });

  it.each([
    [
      ["cohorts", "--period", "month"],
      {
        cohorts: [
          { cohort: "2011-01", size: 2, values: [1, 0.5] },
          { cohort: "2011-02", size: 1, values: [1] },
        ],
        mean: [1, 0.5],
      },
    ],
    [
      ["lifecycle", "--period", "month"],
      {
        period: "month",
        rows: [
          { period: "2011-01", group: null, new: 2, retained: 0, resurrected: 0, dormant: 0, complete: true },
          { period: "2011-02", group: null, new: 1, retained: 1, resurrected: 0, dormant: 1, complete: true },
        ],
      },
    ],
  ] as const)("vafa %j --json", (args, expected) => {
    const r = runVafa([...args, "--json", "--db", db]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected);
  });

  it("prints a text table with percentages", () => {
    const r = runVafa(["retention", "--period", "month", "--db", db]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2011-02\s+2\s+1\s+1\s+0\s+1\s+50\.0%/);
  });

  it.each([
    [["retention", "--period", "month", "--by", "colour"], /unknown dimension "colour"/],
    [["retention", "--period", "month", "--time-zone", "Nowhere/City"], /unknown time zone/],
    [["retention", "--period", "fortnight"], /period/],
  ])("fails clearly on %j", (args, message) => {
    const r = runVafa([...args, "--db", db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
