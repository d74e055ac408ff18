import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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

/**
 * A made-up telecom export with the traits of real ones: a byte-order mark, spaces after header
 * names, a status with three values (Stayed, Churned, Joined), churn category and reason filled only
 * for churned customers plus a 0/1 churn value (leaks), a zip code, latitude and longitude, and an
 * account number. 200 customers: month-to-month with Offer A 10 (8 churned), month-to-month without
 * an offer 70 (42), two-year with Offer A 60 (5), two-year without 40 (1), and 20 who just joined —
 * so Offer A goes with less churn overall but with more within each contract.
 */
const exportFile = fileURLToPath(new URL("./fixtures/churn-export.csv", import.meta.url));

/** The export's rows as trimmed cells by trimmed header name (no field in it is quoted). */
const exportRows: Record<string, string>[] = (() => {
  const [head = "", ...lines] = readFileSync(exportFile, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\n");
  const names = head.split(",").map((x) => x.trim());
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i] ?? "", v.trim()])));
})();
const churned = exportRows.filter((r) => r.Customerstatus === "Churned");
const revenue = (rows: readonly Record<string, string>[]) =>
  rows.reduce((s, r) => s + Number(r.Monthlycharge) * 12, 0);

interface Driver {
  id: string;
  column: string;
  isReference: boolean;
  relativeRisk: number;
  relativeRiskSignificant: boolean;
  oddsRatio: number | null;
  oddsRatioSignificant: boolean | null;
  adjustmentReverses: boolean;
  sentence: string;
}
interface Drivers {
  customers: number;
  defected: number;
  population: string;
  valueKind: string;
  drivers: Driver[];
  leftOut: { column: string; kind: string }[];
  notes: string[];
}
interface Profiles {
  customers: number;
  valueLabel: string;
  costKnown: boolean;
  rows: { dimension: string; group: string; likelyToLeave: boolean; costlyAndLikelyToLeave: boolean }[];
  leftOut: { column: string; kind: string }[];
}
interface Reasons {
  customers: number;
  value: number;
  rows: { group: string; reason: string; customers: number; value: number }[];
}

const table = ["--table", exportFile, "--outcome", "Customerstatus", "--positive", "Churned"];
const value = ["--value", "Monthlycharge", "--value-multiplier", "12"];
const ingestDb = join(dir, "export.duckdb");

/** One case per defect of issue 18: the command, and what its output must show. */
const exportCases: {
  name: string;
  args: () => string[];
  check: (r: { status: number | null; stdout: string; stderr: string }) => void;
}[] = [
  {
    name: "1. header names are trimmed and columns found ignoring case and spaces, saying which",
    args: () => [
      "causes",
      "drivers",
      ...table.slice(0, 3),
      "customer status",
      "--positive",
      "churned",
      "--json",
    ],
    check: (r) => {
      const d = JSON.parse(r.stdout) as Drivers;
      expect(d.customers).toBe(200);
      expect(d.notes).toContain('--outcome "customer status" matched the column "Customerstatus"');
      expect(d.notes).toContain("spaces around 14 header names ignored");
      expect(d.drivers.map((x) => x.id)).toContain("Internetservice=No");
      expect(d.drivers.every((x) => !x.id.includes(" =") && !x.column.endsWith(" "))).toBe(true);
    },
  },
  {
    name: "1. ingest matches padded header names too, and says which column fed each field",
    args: () => ["ingest", "customers", exportFile, "--db", ingestDb],
    check: (r) => {
      expect(r.stdout).toContain("customers: 200 rows read, 200 loaded, 0 rejected; 200 customers");
      expect(r.stdout).toContain("id ← Customerid");
    },
  },
  {
    name: "2. an unknown --exclude name is an error listing the columns",
    args: () => ["causes", "drivers", ...table, "--exclude", "Churncategory ,Churn reason,Nonexistent"],
    check: (r) => {
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(
        '--exclude column "Nonexistent" is not in the table (columns: Customerid, Gender, Age, Married, Zipcode,',
      );
    },
  },
  {
    name: "2. --exclude with padded and respelled names leaves those columns out",
    args: () => ["causes", "drivers", ...table, "--exclude", "Churncategory ,churn reason", "--json"],
    check: (r) => {
      const d = JSON.parse(r.stdout) as Drivers;
      expect(d.leftOut.filter((x) => x.kind === "leak").map((x) => x.column)).toEqual(["Churnvalue"]);
      expect(d.notes).toContain('--exclude "churn reason" matched the column "Churnreason"');
    },
  },
  {
    name: "3. columns that record the outcome are left out of the model with a warning naming them",
    args: () => ["causes", "drivers", ...table, ...value],
    check: (r) => {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(
        `warning: Churncategory left out of the model: filled only for defected customers (${churned.length} of ${churned.length}), blank for all ${200 - churned.length} others`,
      );
      expect(r.stdout).toContain("warning: Churnreason left out of the model");
      expect(r.stdout).toContain(
        "warning: Churnvalue left out of the model: its 2 levels separate defected from non-defected customers perfectly",
      );
      expect(r.stdout).not.toMatch(/^Churn(category|reason|value)=/m);
    },
  },
  {
    name: "4. zip, coordinates and account numbers are skipped with a note unless named",
    args: () => ["causes", "drivers", ...table, "--json"],
    check: (r) => {
      const d = JSON.parse(r.stdout) as Drivers;
      expect(d.leftOut.filter((x) => x.kind !== "leak")).toEqual([
        expect.objectContaining({ column: "Zipcode", kind: "postal code" }),
        expect.objectContaining({ column: "Latitude", kind: "coordinate" }),
        expect.objectContaining({ column: "Longitude", kind: "coordinate" }),
        expect.objectContaining({ column: "Accountno", kind: "identifier" }),
      ]);
      expect(d.notes).toContain(
        "left out as identifiers or coordinates (name one with --include to analyse it): Zipcode (postal code), Latitude (coordinate), Longitude (coordinate), Accountno (identifier)",
      );
      expect(d.drivers.some((x) => ["Zipcode", "Latitude", "Longitude"].includes(x.column))).toBe(false);
    },
  },
  {
    name: "4. --include brings a skipped column back",
    args: () => ["causes", "drivers", ...table, "--include", "latitude", "--json"],
    check: (r) => {
      const d = JSON.parse(r.stdout) as Drivers;
      expect(d.drivers.filter((x) => x.column === "Latitude").length).toBe(4);
      expect(d.leftOut.map((x) => x.column)).not.toContain("Latitude");
    },
  },
  {
    name: "5. profiles label the value as revenue and say nothing of the cost to serve",
    args: () => ["causes", "profiles", ...table, "--ignore", "Joined", ...value, "--json"],
    check: (r) => {
      const p = JSON.parse(r.stdout) as Profiles;
      expect([p.valueLabel, p.costKnown]).toEqual(["revenue (Monthlycharge × 12)", false]);
      expect(p.rows.some((x) => x.costlyAndLikelyToLeave)).toBe(false);
      const m2m = p.rows.find((x) => x.dimension === "Contract" && x.group === "Month-to-month");
      expect(m2m?.likelyToLeave).toBe(true);
      expect(p.leftOut.map((x) => x.column)).toEqual(
        expect.arrayContaining(["Churncategory", "Churnreason", "Churnvalue", "Zipcode"]),
      );
    },
  },
  {
    name: "5. the profiles table heads the value by what it is",
    args: () => ["causes", "profiles", ...table, "--ignore", "Joined", ...value],
    check: (r) => {
      expect(r.stdout).toContain("mean revenue (Monthlycharge × 12)");
      expect(r.stdout).not.toContain("mean profit");
      expect(r.stdout).not.toContain("costly to serve");
      expect(r.stdout).toContain("likely to leave, below-average revenue");
    },
  },
  {
    name: "6. significance per estimate; the sentence says when adjustment reverses the direction",
    args: () => ["causes", "drivers", ...table, "--ignore", "Joined", ...value, "--json"],
    check: (r) => {
      const d = JSON.parse(r.stdout) as Drivers;
      const none = d.drivers.find((x) => x.id === "Offer=None");
      // Crude: 43 of 110 without an offer churned against 13 of 70 with Offer A.
      expect(none?.relativeRisk).toBeCloseTo(43 / 110 / (13 / 70), 10);
      expect([none?.relativeRiskSignificant, none?.oddsRatioSignificant, none?.adjustmentReverses]).toEqual([
        true,
        false,
        true,
      ]);
      expect(none?.oddsRatio).toBeLessThan(1);
      expect(none?.sentence).toMatch(
        /^Removing Offer = None would keep about 23 customers worth 18,033 \(defection 39\.1% with it, 18\.6% without\)\. Adjusted for the other drivers the direction reverses: it goes with less defection \(odds ratio 0\.\d\d \[0\.\d\d–\d\.\d\d\], within noise\)/,
      );
      const offerA = d.drivers.find((x) => x.id === "Offer=Offer A");
      expect([offerA?.isReference, offerA?.oddsRatio, offerA?.oddsRatioSignificant]).toEqual([
        true,
        null,
        null,
      ]);
      const m2m = d.drivers.find((x) => x.id === "Contract=Month-to-month");
      expect([m2m?.relativeRiskSignificant, m2m?.oddsRatioSignificant, m2m?.adjustmentReverses]).toEqual([
        true,
        true,
        false,
      ]);
    },
  },
  {
    name: "6. the reference level shows reference in the table",
    args: () => ["causes", "drivers", ...table, "--ignore", "Joined", "--limit", "40"],
    check: (r) => {
      expect(r.stdout).toMatch(/^Offer=Offer A .* reference /m);
      expect(r.stdout).toMatch(/^Contract=Two year .* reference /m);
    },
  },
  {
    name: "7. --ignore leaves an outcome level out and the output names the denominator",
    args: () => ["causes", "drivers", ...table, "--ignore", "joined"],
    check: (r) => {
      expect(r.stdout).toContain(
        "denominator: 180 customers — Customerstatus = Churned against Stayed (Joined left out: 20 rows)",
      );
      expect(r.stdout).toContain(`180 customers, ${churned.length} defected (31.1%)`);
    },
  },
  {
    name: "7. without --ignore, Joined counts as staying, and says so",
    args: () => ["causes", "drivers", ...table, "--json"],
    check: (r) => {
      const d = JSON.parse(r.stdout) as Drivers;
      expect([d.customers, d.defected, d.population]).toEqual([
        200,
        churned.length,
        "Customerstatus = Churned against Joined, Stayed",
      ]);
    },
  },
  {
    name: "7. an unknown --positive or --ignore value is an error listing the values",
    args: () => ["causes", "drivers", ...table.slice(0, 4), "--ignore", "Left"],
    check: (r) => {
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(
        '--positive "Yes" is not a value of Customerstatus (values: Churned, Joined, Stayed)',
      );
    },
  },
  {
    name: "8. reasons from the export grouped by category, valued by revenue",
    args: () => [
      "causes",
      "reasons",
      ...table,
      ...value,
      "--reason",
      "Churnreason",
      "--category",
      "Churncategory ",
      "--level",
      "category",
      "--json",
    ],
    check: (r) => {
      const t = JSON.parse(r.stdout) as Reasons;
      expect(t.customers).toBe(churned.length);
      expect(t.value).toBeCloseTo(revenue(churned), 6);
      const byCategory = new Map<string, Record<string, string>[]>();
      for (const c of churned)
        byCategory.set(c.Churncategory ?? "", [...(byCategory.get(c.Churncategory ?? "") ?? []), c]);
      expect(t.rows.map((x) => [x.reason, x.customers, Math.round(x.value)]).sort()).toEqual(
        [...byCategory].map(([k, rows]) => [k, rows.length, Math.round(revenue(rows))]).sort(),
      );
    },
  },
  {
    name: "8. ingest --set gives the required fields a constant and loads reason with its category",
    args: () => [
      "ingest",
      "surveys",
      exportFile,
      "--set",
      "survey=exit",
      "--set",
      "occurred_at=2024-01-01",
      "--db",
      ingestDb,
    ],
    check: (r) => {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain("survey = exit");
      expect(r.stdout).toContain("reason_category ← Churncategory");
      const reasons = JSON.parse(
        runVafa(["causes", "reasons", "--by", "category", "--db", ingestDb, "--json"]).stdout,
      ) as Reasons;
      expect(reasons.customers).toBe(churned.length);
      const competitor = churned.filter((c) => c.Churncategory === "Competitor");
      expect(reasons.rows.filter((x) => x.group === "competitor").reduce((n, x) => n + x.customers, 0)).toBe(
        competitor.length,
      );
      const byCategory = JSON.parse(
        runVafa(["causes", "reasons", "--level", "category", "--db", ingestDb, "--json"]).stdout,
      ) as Reasons;
      expect(byCategory.rows.map((x) => x.reason).sort()).toEqual([
        "attitude",
        "competitor",
        "dissatisfaction",
        "other",
        "price",
      ]);
    },
  },
];

describe("root causes on a real churn export (issue 18)", () => {
  it.each(exportCases)("$name", ({ args, check }) => {
    check(runVafa(args()));
  });
});
