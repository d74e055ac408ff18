import { describe, expect, it } from "vitest";
import {
  bgBbLogLikelihood,
  bgNbdConditionalExpectedPurchases,
  bgNbdLogLikelihood,
  compressPatterns,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  fitSbg,
  gammaGammaLogLikelihood,
  paretoNbdLogLikelihood,
  sbgLogLikelihood,
  sbgProjectSurvivors,
} from "../src/index.ts";
import { cdnowSummary, readCsv } from "./datasets.ts";
import { expectRelative } from "./expectations.ts";

// Every log-likelihood here is the total Σ count × ln L_i, the convention of the papers. lifetimes
// minimises the mean negative log-likelihood (−LL/n); its `log_likelihood_` multiplies back by n, so
// the published totals compare directly.

const cdnow = cdnowSummary();
const compressed = compressPatterns([cdnow.x, cdnow.tx, cdnow.T]);
const rfm = {
  x: compressed.columns[0] as Float64Array,
  tx: compressed.columns[1] as Float64Array,
  T: compressed.columns[2] as Float64Array,
  count: compressed.count,
};
const spendCsv = readCsv("cdnow/cdnow_customers_summary_with_transactions.csv");
const donations = readCsv("donations/donations.csv");
const bgbbData = {
  x: donations.frequency as Float64Array,
  tx: donations.recency as Float64Array,
  n: donations.periods as Float64Array,
  count: donations.weights as Float64Array,
};
const survival = readCsv("sbg-fader-hardie-2007/sbg_fader_hardie_2007_survival.csv");

const PARAM_TOLERANCE = 0.005;
const LL_TOLERANCE = 0.05;

function checkFit(
  fit: { params: Record<string, number>; logLikelihood: number; converged: boolean },
  published: Record<string, number>,
  publishedLogLikelihood: number,
): void {
  expect(fit.converged).toBe(true);
  for (const [name, value] of Object.entries(published)) {
    expectRelative(fit.params[name] as number, value, PARAM_TOLERANCE);
  }
  expect(Math.abs(fit.logLikelihood - publishedLogLikelihood)).toBeLessThanOrEqual(LL_TOLERANCE);
}

describe("published fits", () => {
  it("compresses CDNOW to far fewer patterns than customers", () => {
    expect(cdnow.x.length).toBe(2357);
    expect(compressed.count.reduce((s, c) => s + c, 0)).toBe(2357);
    expect(compressed.count.length).toBeLessThan(1100);
  });

  it("BG/NBD on CDNOW (Fader, Hardie & Lee 2005)", () => {
    const fit = fitBgNbd(rfm);
    expect(fit.n).toBe(2357);
    checkFit(fit, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, -9582.43);
    const e = bgNbdConditionalExpectedPurchases(fit.params, 39, [2], [30.43], [38.86]);
    expect(e[0]).toBeCloseTo(1.226, 3);
    expect(Object.values(fit.stdErrors).every((s) => s > 0 && Number.isFinite(s))).toBe(true);
  });

  it("Pareto/NBD on CDNOW", () => {
    checkFit(fitParetoNbd(rfm), { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, -9594.98);
  });

  it("MBG/NBD on CDNOW matches lifetimes' ModifiedBetaGeoFitter", () => {
    const fit = fitMbgNbd(rfm);
    // lifetimes' test values; its LL is not published, so the fitted LL is checked against a direct evaluation.
    checkFit(fit, { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, fit.logLikelihood);
    expect(fit.logLikelihood).toBeCloseTo(-9582.13, 1);
  });

  it("Gamma-Gamma on CDNOW repeat buyers", () => {
    const fit = fitGammaGamma({ x: spendCsv.x as Float64Array, m: spendCsv.zbar as Float64Array });
    expect(fit.n).toBe(946);
    checkFit(fit, { p: 6.25, q: 3.74, v: 15.44 }, -4055.92);
  });

  it("BG/BB on the donations data (Fader, Hardie & Shang 2010)", () => {
    const fit = fitBgBb(bgbbData);
    expect(fit.n).toBe(11104);
    checkFit(fit, { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, -33225.6);
  });

  describe.each([
    ["highend_alive", 0.668, 3.806, -1611.2],
    ["regular_alive", 0.704, 1.182, -1680.3],
  ])("sBG %s (Fader & Hardie 2007)", (column, alpha, beta, ll) => {
    const series = Array.from(survival[column] as Float64Array);
    const fit = fitSbg(series.slice(0, 8));

    it("reproduces the calibration estimates", () => {
      expect(fit.n).toBe(1000);
      checkFit(fit, { alpha, beta }, ll);
    });

    it("projects the holdout years 8–12 within 5% of the actual survivors", () => {
      const projected = sbgProjectSurvivors(fit.params, 1000, 12);
      for (let year = 8; year <= 12; year++) {
        expectRelative(projected[year] as number, series[year] as number, 0.05);
      }
    });
  });

  it.each([
    ["BG/NBD", () => bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, rfm), -9582.43],
    [
      "Pareto/NBD",
      () => paretoNbdLogLikelihood({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, rfm),
      -9594.98,
    ],
    [
      "Gamma-Gamma",
      () =>
        gammaGammaLogLikelihood(
          { p: 6.25, q: 3.74, v: 15.44 },
          { x: spendCsv.x as Float64Array, m: spendCsv.zbar as Float64Array },
        ),
      -4055.92,
    ],
    [
      "BG/BB",
      () => bgBbLogLikelihood({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, bgbbData),
      -33225.6,
    ],
  ])("%s log-likelihood at the published parameters", (_name, evaluate, expected) => {
    expect(Math.abs(evaluate() - expected)).toBeLessThan(0.05);
  });

  it("sBG log-likelihood of survival shares at alpha = beta = 1 is −2.115 (shifted_beta_geometric_py, 3 decimals truncated)", () => {
    const shares = [1, 0.869, 0.743, 0.653, 0.593, 0.551, 0.517, 0.491];
    expect(sbgLogLikelihood({ alpha: 1, beta: 1 }, shares)).toBeCloseTo(-2.115, 2);
  });
});
