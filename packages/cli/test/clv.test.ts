import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runVafa } from "./runVafa.ts";

const datasets = fileURLToPath(new URL("../../../data/", import.meta.url));

/** Published estimates: BG/NBD and Pareto/NBD (FHL 2005), Gamma-Gamma (FHL 2005 note), BG/BB (FHS 2010), sBG (FH 2007). */
const cases: {
  args: string[];
  params: Record<string, number>;
  logLikelihood: number;
  llTolerance: number;
}[] = [
  {
    args: ["--model", "bgnbd", "--summary", "cdnow/cdnow_customers_summary.csv"],
    params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    logLikelihood: -9582.43,
    llTolerance: 0.05,
  },
  {
    args: ["--model", "pareto-nbd", "--summary", "cdnow/cdnow_customers_summary.csv"],
    params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
    logLikelihood: -9594.98,
    llTolerance: 0.05,
  },
  {
    args: ["--model", "gamma-gamma", "--summary", "cdnow/cdnow_customers_summary_with_transactions.csv"],
    params: { p: 6.25, q: 3.74, v: 15.44 },
    logLikelihood: -4055.92,
    llTolerance: 0.05,
  },
  {
    args: ["--model", "bgbb", "--summary", "donations/donations.csv"],
    params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 },
    logLikelihood: -33225.6,
    llTolerance: 0.05,
  },
  {
    args: [
      "--model",
      "sbg",
      "--summary",
      "sbg-fader-hardie-2007/sbg_fader_hardie_2007_survival.csv",
      "--column",
      "highend_alive",
      "--periods",
      "7",
    ],
    params: { alpha: 0.668, beta: 3.806 },
    logLikelihood: -1611.2,
    llTolerance: 0.05,
  },
  {
    args: [
      "--model",
      "sbg",
      "--summary",
      "sbg-fader-hardie-2007/sbg_fader_hardie_2007_survival.csv",
      "--column",
      "regular_alive",
      "--periods",
      "7",
    ],
    params: { alpha: 0.704, beta: 1.182 },
    logLikelihood: -1680.3,
    llTolerance: 0.05,
  },
];

describe("vafa clv fit on the published summaries", () => {
  it.each(cases)(
    "$args.1 on $args.3 reproduces the paper",
    ({ args, params, logLikelihood, llTolerance }) => {
      const withPath = args.map((a, i) => (args[i - 1] === "--summary" ? join(datasets, a) : a));
      const r = runVafa(["clv", "fit", ...withPath, "--json"]);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const fit = JSON.parse(r.stdout) as {
        model: string;
        params: Record<string, number>;
        log_likelihood: number;
        n: number;
        converged: boolean;
        std_errors: Record<string, number>;
        intervals: Record<string, { lower: number; upper: number }>;
        stop: { reason: string };
        identification: { code: string };
      };
      expect(Object.keys(fit)).toEqual([
        "model",
        "params",
        "log_likelihood",
        "n",
        "converged",
        "std_errors",
        "intervals",
        "stop",
        "identification",
      ]);
      expect(fit.stop.reason).toBe("tolerance");
      expect(Object.keys(fit.intervals)).toEqual(Object.keys(params));
      for (const [name, { lower, upper }] of Object.entries(fit.intervals))
        expect([name, lower < (fit.params[name] ?? 0), upper > (fit.params[name] ?? 0)]).toEqual([
          name,
          true,
          true,
        ]);
      expect(fit.model).toBe(args[1]);
      expect(fit.converged).toBe(true);
      expect(Object.keys(fit.params)).toEqual(Object.keys(params));
      expect(Object.keys(fit.std_errors)).toEqual(Object.keys(params));
      for (const [name, paper] of Object.entries(params)) {
        expect(Math.abs((fit.params[name] ?? 0) / paper - 1), name).toBeLessThan(0.005);
      }
      expect(Math.abs(fit.log_likelihood - logLikelihood)).toBeLessThanOrEqual(llTolerance);
    },
  );

  it("rejects an unknown model with a message naming the choices", () => {
    const r = runVafa(["clv", "fit", "--model", "nbd", "--summary", "x.csv", "--json"]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("bgnbd, mbgnbd, pareto-nbd, bgbb, gamma-gamma, sbg");
  });
});

describe("vafa clv on a store loaded with CDNOW_sample.txt", () => {
  const dir = mkdtempSync(join(tmpdir(), "vafa-clv-"));
  const db = join(dir, "cdnow.duckdb");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fits from the store, records the fit, scores everyone and writes the CSV", () => {
    const ingest = runVafa([
      "ingest",
      "transactions",
      join(datasets, "cdnow/CDNOW_sample.txt"),
      "--preset",
      "cdnow",
      "--db",
      db,
      "--json",
    ]);
    expect(ingest.status).toBe(0);
    const fit = runVafa([
      "clv",
      "fit",
      "--model",
      "bgnbd",
      "--calibration-end",
      "1997-09-30",
      "--unit",
      "week",
      "--db",
      db,
      "--json",
    ]);
    expect(fit.status).toBe(0);
    const params = (JSON.parse(fit.stdout) as { params: Record<string, number> }).params;
    for (const [name, paper] of Object.entries({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 })) {
      expect(Math.abs((params[name] ?? 0) / paper - 1), name).toBeLessThan(0.005);
    }

    const out = join(dir, "scores.csv");
    const score = runVafa([
      "clv",
      "score",
      "--calibration-end",
      "1997-09-30",
      "--out",
      out,
      "--db",
      db,
      "--json",
    ]);
    expect(score.stderr).toBe("");
    const report = JSON.parse(score.stdout) as {
      customers: number;
      total_clv: number;
      mean_p_alive: number;
      top: { clv: number }[];
      rows_written: number;
      refitted: boolean;
    };
    expect(report.customers).toBe(2357);
    expect(report.rows_written).toBe(2357);
    expect(report.refitted).toBe(true); // Gamma-Gamma had not been fitted yet
    expect(report.mean_p_alive).toBeGreaterThan(0);
    expect(report.mean_p_alive).toBeLessThanOrEqual(1);
    expect(report.top).toHaveLength(10);
    expect(report.top[0]?.clv).toBeGreaterThanOrEqual(report.top[9]?.clv ?? 0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, "utf8").split("\n")[0]).toBe(
      "customer_id,p_alive,expected_purchases,expected_spend,clv,historical_value",
    );

    // The second run reuses both stored fits (no load since) and replaces the scores.
    const again = JSON.parse(
      runVafa(["clv", "score", "--calibration-end", "1997-09-30", "--db", db, "--json"]).stdout,
    ) as { customers: number; refitted: boolean; total_clv: number };
    expect(again).toMatchObject({ customers: 2357, refitted: false });
    expect(again.total_clv).toBeCloseTo(report.total_clv, 6);
  });

  it("checks the purchase models against the holdout", () => {
    const r = runVafa([
      "clv",
      "check",
      "--calibration-end",
      "1997-09-30",
      "--holdout-end",
      "1998-06-30",
      "--db",
      db,
      "--json",
    ]);
    expect(r.stderr).toBe("");
    const check = JSON.parse(r.stdout) as {
      comparison: { model: string; k: number; bic: number }[];
      frequency: unknown[];
      tracking: unknown[];
    };
    expect(check.comparison.map((c) => c.model).sort()).toEqual(["bgnbd", "mbgnbd", "pareto-nbd"]);
    expect(check.frequency).toHaveLength(8);
    expect(check.tracking).toHaveLength(78);
    const text = runVafa([
      "clv",
      "check",
      "--calibration-end",
      "1997-09-30",
      "--holdout-end",
      "1998-06-30",
      "--db",
      db,
    ]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("holdout MAE");
  });
});
