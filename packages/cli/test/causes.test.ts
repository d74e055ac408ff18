import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "@vafa/core";
import { openStore } from "@vafa/duckdb";
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
      "--reference",
      "Contract=Two year",
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
  level: string | null;
  reference: string | null;
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
      // Four quartiles: three compared with the largest, which is the reference.
      expect(d.drivers.filter((x) => x.column === "Latitude").length).toBe(3);
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
      // The largest offer level (None, 110 customers) is the reference: Offer A is measured against it.
      expect(d.drivers.find((x) => x.id === "Offer=None")).toBeUndefined();
      const offerA = d.drivers.find((x) => x.id === "Offer=Offer A");
      // Crude: 13 of 70 with Offer A churned against 43 of 110 without an offer.
      expect(offerA?.reference).toBe("None");
      expect(offerA?.relativeRisk).toBeCloseTo(13 / 70 / (43 / 110), 10);
      expect([
        offerA?.relativeRiskSignificant,
        offerA?.oddsRatioSignificant,
        offerA?.adjustmentReverses,
      ]).toEqual([true, false, true]);
      expect(offerA?.oddsRatio).toBeGreaterThan(1);
      expect(offerA?.sentence).toMatch(
        /^Customers with Offer = Offer A defect 0\.48× as often as those with Offer = None \(0\.\d\d–0\.\d\d; 18\.6% against 39\.1%\): not an issue to fix\. Adjusted for the other drivers and the customers' traits the direction reverses: it goes with more defection \(odds ratio 1\.\d\d \[0\.\d\d–\d\.\d\d\], within noise\)\.$/,
      );
      const m2m = d.drivers.find((x) => x.id === "Contract=Month-to-month");
      expect([m2m?.relativeRiskSignificant, m2m?.oddsRatioSignificant, m2m?.adjustmentReverses]).toEqual([
        true,
        true,
        false,
      ]);
    },
  },
  {
    name: "6. the table names the level each driver is compared with; no reference is its own driver",
    args: () => ["causes", "drivers", ...table, "--ignore", "Joined", "--limit", "40"],
    check: (r) => {
      expect(r.stdout).toMatch(/^Offer=Offer A +None +70 /m);
      expect(r.stdout).toMatch(/^Contract=Month-to-month +Two year +80 /m);
      expect(r.stdout).not.toMatch(/^(Offer=None|Contract=Two year) /m);
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

const onlineRetail = fileURLToPath(
  new URL("../../../data/online-retail/online-retail.csv.gz", import.meta.url),
);

/** Counts of the telco file by plain SQL over the CSV itself, not through Vafa's loader. */
async function telcoCounts(level: string, reference: string) {
  const store = await openStore(":memory:");
  try {
    const [row] = await store.client.all(
      sql(
        `SELECT count(*) FILTER (WHERE Contract = $2) AS n1,
          count(*) FILTER (WHERE Contract = $2 AND Churn = 'Yes') AS a,
          count(*) FILTER (WHERE Contract = $3) AS n0,
          count(*) FILTER (WHERE Contract = $3 AND Churn = 'Yes') AS c,
          sum(CAST(MonthlyCharges AS DOUBLE) * 12) FILTER (WHERE Contract = $2) AS value
        FROM read_csv($1, all_varchar = true)`,
        [telco, level, reference],
      ),
    );
    return {
      n1: Number(row?.n1),
      a: Number(row?.a),
      n0: Number(row?.n0),
      c: Number(row?.c),
      value: Number(row?.value),
    };
  } finally {
    store.close();
  }
}

interface FullDriver extends Driver {
  customersWith: number;
  defectedWith: number;
  customersWithout: number;
  defectedWithout: number;
  relativeRiskLow: number;
  relativeRiskHigh: number;
  valueWith: number;
  customersRetained: number;
  customersRetainedLow: number;
  customersRetainedHigh: number;
  returnOnFix: number | null;
}

describe("root causes from a loaded snapshot: the IBM telco file (issue 15)", () => {
  const db = join(dir, "telco.duckdb");
  const load = () =>
    runVafa([
      "ingest",
      "customers",
      telco,
      "--map",
      "status=Churn",
      "--map",
      "id=customerID",
      "--db",
      db,
      "--json",
    ]);
  const drivers = (...extra: string[]) => {
    const r = runVafa(["causes", "drivers", "--db", db, "--value", "MonthlyCharges", "--json", ...extra]);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { drivers: FullDriver[]; adjustedFor: string[]; source: string };
  };

  it("loads in one command with --map flags only: every other column an attribute, churn the status", () => {
    const r = load();
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as {
      rows_loaded: number;
      mappings: {
        columns: Record<string, string>;
        attributes: { name: string; type: string; values: number }[];
      }[];
    };
    expect(s.rows_loaded).toBe(7043);
    expect(s.mappings[0]?.columns).toEqual({ id: "customerID", status: "Churn" });
    const types = Object.fromEntries(
      (s.mappings[0]?.attributes ?? []).map((a) => [a.name, [a.type, a.values]]),
    );
    expect(Object.keys(types)).toHaveLength(19);
    expect(types).toMatchObject({
      Contract: ["text", 7043],
      tenure: ["number", 7043],
      Partner: ["yes/no", 7043],
      SeniorCitizen: ["number", 7043],
      TotalCharges: ["number", 7032],
    });
    expect(runVafa(["ingest", "customers", telco, "--map", "status=Churn", "--db", db]).stdout).toContain(
      "19 attributes: gender (text), SeniorCitizen (number), Partner (yes/no),",
    );
  });

  it("Contract = Month-to-month against the chosen reference equals plain SQL over the file to 1e-9", async () => {
    const d = drivers("--reference", "Contract=Two year", "--fix-cost", "Contract=Month-to-month=100000");
    expect(d.source).toBe("snapshot");
    const m2m = d.drivers.find((x) => x.id === "Contract=Month-to-month");
    const { n1, a, n0, c, value } = await telcoCounts("Month-to-month", "Two year");
    expect([
      m2m?.reference,
      m2m?.customersWith,
      m2m?.defectedWith,
      m2m?.customersWithout,
      m2m?.defectedWithout,
    ]).toEqual(["Two year", n1, a, n0, c]);
    const rr = a / n1 / (c / n0);
    const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0);
    const expected = [rr, Math.exp(Math.log(rr) - 1.959964 * se), Math.exp(Math.log(rr) + 1.959964 * se)];
    const got = [m2m?.relativeRisk ?? 0, m2m?.relativeRiskLow ?? 0, m2m?.relativeRiskHigh ?? 0];
    expect(got.map((x, i) => Math.abs(x - (expected[i] ?? 0)) < 1e-9)).toEqual([true, true, true]);
    expect(Math.abs((m2m?.valueWith ?? 0) - value)).toBeLessThan(1e-6);
    // What a fix pays: customers kept with its interval from the difference of the two rates.
    const p1 = a / n1;
    const p0 = c / n0;
    const diffSe = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
    expect(Math.abs((m2m?.customersRetained ?? 0) - (p1 - p0) * n1)).toBeLessThan(1e-9);
    expect(Math.abs((m2m?.customersRetainedLow ?? 0) - (p1 - p0 - 1.959964 * diffSe) * n1)).toBeLessThan(
      1e-9,
    );
    expect(m2m?.returnOnFix).toBeCloseTo(((p1 - p0) * value - 100_000) / 100_000, 9);
    expect(d.drivers[0]?.id).toBe("Contract=Month-to-month");
  });

  it("without a choice the largest level is the reference, and no driver is its own reference", () => {
    const d = drivers();
    expect(d.drivers.find((x) => x.id === "Contract=Month-to-month")).toBeUndefined();
    expect(d.drivers.find((x) => x.id === "Contract=Two year")?.reference).toBe("Month-to-month");
    expect(d.drivers.filter((x) => x.level === x.reference)).toEqual([]);
  });

  it("tenure is not a driver (a descriptor, adjusted for) and appears in the profiles", () => {
    const d = drivers("--reference", "Contract=Two year");
    expect(d.drivers.some((x) => x.column === "tenure")).toBe(false);
    expect(d.adjustedFor).toEqual(expect.arrayContaining(["tenure", "gender", "SeniorCitizen", "Partner"]));
    const r = runVafa(["causes", "profiles", "--db", db, "--value", "MonthlyCharges", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout) as Profiles;
    expect(p.customers).toBe(7043);
    expect(p.rows.filter((x) => x.dimension === "tenure").length).toBe(4);
  });
});

describe("the demo data (Online Retail): descriptors are never drivers (issue 15)", () => {
  const db = join(dir, "demo.duckdb");
  it("no driver's level equals its reference, and no sentence says removing", () => {
    const load = runVafa(["ingest", "transactions", onlineRetail, "--preset", "online-retail", "--db", db]);
    expect(load.status, load.stderr).toBe(0);
    const r = runVafa(["causes", "drivers", "--db", db, "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as Drivers & { adjustedFor: string[] };
    expect(d.drivers.filter((x) => x.level !== null && x.level === x.reference)).toEqual([]);
    expect(d.drivers.filter((x) => /removing/i.test(x.sentence))).toEqual([]);
    expect(d.drivers.some((x) => ["tenure", "country", "channel", "segment"].includes(x.column))).toBe(false);
    expect(d.adjustedFor).toEqual(["channel", "tenure", "segment"]);
  }, 120_000);
});

describe("value lost by reason and category from a loaded snapshot (issue 15)", () => {
  it("counts and values each reason and each category", () => {
    const db = join(dir, "reasons.duckdb");
    const load = runVafa(["ingest", "customers", exportFile, "--db", db]);
    expect(load.status, load.stderr).toBe(0);
    expect(load.stdout).toContain(
      "status ← Customerstatus, exit_reason ← Churnreason, reason_category ← Churncategory",
    );
    const r = runVafa(["causes", "reasons", "--db", db, "--value", "Monthlycharge", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout) as Reasons & { categories: Reasons["rows"] };
    expect(t.customers).toBe(churned.length);
    const by = (key: string) => {
      const m = new Map<string, Record<string, string>[]>();
      for (const c of churned)
        m.set((c[key] ?? "").toLowerCase(), [...(m.get((c[key] ?? "").toLowerCase()) ?? []), c]);
      return [...m].map(([k, rows]) => [k, rows.length, Math.round(revenue(rows) * 1e6) / 1e6]).sort();
    };
    const round = (rows: Reasons["rows"]) =>
      rows.map((x) => [x.reason, x.customers, Math.round(x.value * 1e6) / 1e6]).sort();
    expect(round(t.rows)).toEqual(by("Churnreason"));
    expect(round(t.categories)).toEqual(by("Churncategory"));
  });
});
