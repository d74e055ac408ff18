import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runVafa } from "./runVafa.ts";

const dir = mkdtempSync(join(tmpdir(), "vafa-causes-"));
const telco = new URL("../../../data/telco-churn/Telco-Customer-Churn.csv", import.meta.url).pathname;

describe("vafa surveys, complaints, causes", () => {
  it("prints the exit questionnaire in Persian", () => {
    const r = runVafa(["surveys", "questions", "--type", "exit", "--locale", "fa"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("کدام رقیب، و چه پیشنهادی به شما داد؟");
    expect(r.stdout).toContain("(exit_reason)");
  });

  it("adds, lists and resolves a complaint", () => {
    const db = join(dir, "c.duckdb");
    const add = runVafa([
      "complaints",
      "add",
      "--customer",
      "c1",
      "--category",
      "late_delivery",
      "--db",
      db,
      "--json",
    ]);
    expect(add.status, add.stderr).toBe(0);
    const { id } = JSON.parse(add.stdout) as { id: string };
    expect(runVafa(["complaints", "resolve", id, "--resolution", "refund", "--db", db]).status).toBe(0);
    const list = JSON.parse(runVafa(["complaints", "list", "--db", db, "--json"]).stdout) as {
      status: string;
    }[];
    expect(list.map((x) => x.status)).toEqual(["resolved"]);
    const rec = runVafa([
      "surveys",
      "record",
      "--customer",
      "c1",
      "--answer",
      "exit_reason=price",
      "--db",
      db,
      "--json",
    ]);
    expect(rec.status, rec.stderr).toBe(0);
    const reasons = JSON.parse(runVafa(["causes", "reasons", "--db", db, "--json"]).stdout) as {
      customers: number;
    };
    expect(reasons.customers).toBe(1);
  });

  it("runs the driver analysis on the telco file and explains the method in --help", () => {
    const r = runVafa([
      "causes",
      "drivers",
      "--table",
      telco,
      "--outcome",
      "Churn",
      "--value",
      "MonthlyCharges",
      "--json",
    ]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { customers: number; drivers: { id: string }[] };
    expect(report.customers).toBe(7043);
    expect(report.drivers[0]?.id).toBe("Contract=Month-to-month");
    expect(runVafa(["causes", "drivers", "--help"]).stdout).toContain("Katz log method");
  });
});
