import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runVafa } from "./runVafa.ts";

const root = mkdtempSync(join(tmpdir(), "vafa-simulate-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function lines(path: string): string[] {
  return readFileSync(path, "utf8").trimEnd().split("\n");
}

describe("vafa simulate", () => {
  const out = join(root, "a");
  const run = runVafa(["simulate", "--customers", "500", "--seed", "7", "--out", out, "--truth", "--json"]);

  it("prints one JSON summary and nothing on stderr when not a TTY", () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const summary = JSON.parse(run.stdout);
    expect(summary).toEqual({
      customers: 500,
      transactions: lines(join(out, "transactions.csv")).length - 1,
      out,
      files: ["customers.csv", "transactions.csv", "truth.csv", "params.json"].map((f) => join(out, f)),
      seed: 7,
    });
    expect(summary.transactions).toBeGreaterThan(1000);
  });

  it.each([
    [
      "customers.csv",
      "customer_id,created_at,segment,region,country,branch,owner,channel,acquisition_cost,category_budget",
      501,
    ],
    [
      "transactions.csv",
      "transaction_id,customer_id,occurred_at,amount,cost,quantity,product,category,channel,branch,employee,discount,order_id",
      undefined,
    ],
    ["truth.csv", "customer_id,lambda,p,nu,dropout_at", 501],
  ])("writes %s with exactly the agreed header", (file, header, count) => {
    const all = lines(join(out, file));
    expect(all[0]).toBe(header);
    if (count !== undefined) expect(all).toHaveLength(count);
    const columns = header.split(",").length;
    expect(all.every((line) => line.split(",").length === columns)).toBe(true);
    expect(/^[\x20-\x7e\n]*$/.test(all.join("\n"))).toBe(true);
  });

  it("writes timestamps as YYYY-MM-DD HH:MM:SS and money with at most 2 decimals", () => {
    const rows = lines(join(out, "transactions.csv"))
      .slice(1)
      .map((l) => l.split(","));
    for (const row of rows) {
      expect(row[2]).toMatch(/^20(22|23|24)-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(row[3]).toMatch(/^-?\d+(\.\d\d)?$/);
      expect(row[4]).toMatch(/^-?\d+(\.\d\d)?$/);
    }
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    expect(rows.some((r) => Number(r[3]) < 0 && Number(r[5]) < 0)).toBe(true);
  });

  it("records the parameters and seed in params.json", () => {
    const params = JSON.parse(readFileSync(join(out, "params.json"), "utf8"));
    expect(params).toMatchObject({
      customers: 500,
      seed: 7,
      r: 0.25,
      alpha: 10,
      a: 0.8,
      b: 2.5,
      format: "csv",
    });
  });

  it("writes byte-identical files for the same seed and different ones for another", () => {
    const same = join(root, "same");
    const other = join(root, "other");
    expect(runVafa(["simulate", "--customers", "500", "--seed", "7", "--out", same]).status).toBe(0);
    expect(runVafa(["simulate", "--customers", "500", "--seed", "8", "--out", other]).status).toBe(0);
    for (const file of ["customers.csv", "transactions.csv"]) {
      expect(readFileSync(join(same, file))).toEqual(readFileSync(join(out, file)));
      expect(readFileSync(join(other, file))).not.toEqual(readFileSync(join(out, file)));
    }
  });

  it("passes model parameters through", () => {
    const dir = join(root, "params");
    const r = runVafa([
      "simulate",
      "--customers",
      "200",
      "--out",
      dir,
      "--alpha",
      "5",
      "--return-rate",
      "0",
      "--start",
      "2023-01-01",
      "--end",
      "2023-12-31",
      "--acquisition-days",
      "30",
      "--json",
    ]);
    expect(r.status).toBe(0);
    const params = JSON.parse(readFileSync(join(dir, "params.json"), "utf8"));
    expect(params).toMatchObject({ alpha: 5, returnRate: 0, start: "2023-01-01", acquisitionDays: 30 });
    const rows = lines(join(dir, "transactions.csv")).slice(1);
    expect(rows.every((l) => l.split(",")[2]?.startsWith("2023-"))).toBe(true);
    expect(rows.every((l) => Number(l.split(",")[3]) > 0)).toBe(true);
  });

  it.each([
    [["--customers", "ten"], /--customers must be an integer/],
    [["--r", "-1"], /r must be a number > 0/],
    [["--format", "xml"], /xml/],
  ])("rejects bad options %j", (args, message) => {
    const r = runVafa(["simulate", "--out", join(root, "bad"), ...args]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(message);
  });

  it("writes Parquet through DuckDB and removes the CSVs", () => {
    const dir = join(root, "parquet");
    const r = runVafa(["simulate", "--customers", "300", "--out", dir, "--format", "parquet", "--json"]);
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.files).toEqual([
      join(dir, "customers.parquet"),
      join(dir, "transactions.parquet"),
      join(dir, "params.json"),
    ]);
    for (const file of summary.files) expect(existsSync(file)).toBe(true);
    expect(existsSync(join(dir, "transactions.csv"))).toBe(false);
  });
});
