import { describe, expect, it } from "vitest";
import {
  aic,
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityOfPurchases,
  bic,
  compressPatterns,
  customerLifetimeValue,
  expectedFrequencyCounts,
  FitError,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMaximumLikelihood,
  fitSbg,
  gammaGammaConditionalExpectedSpend,
  logGamma,
  type MaximumLikelihoodProblem,
  observedFrequencyCounts,
} from "../src/index.ts";
import { cdnowSummary, readCsv } from "./datasets.ts";
import { expectRelative } from "./expectations.ts";

const cdnow = cdnowSummary();
const compressed = compressPatterns([cdnow.x, cdnow.tx, cdnow.T]);
const rfm = {
  x: compressed.columns[0] as Float64Array,
  tx: compressed.columns[1] as Float64Array,
  T: compressed.columns[2] as Float64Array,
  count: compressed.count,
};
const bgFit = fitBgNbd(rfm);

function expand(columns: Float64Array[], count: Float64Array): Float64Array[] {
  const total = count.reduce((s, c) => s + c, 0);
  return columns.map((col) => {
    const out = new Float64Array(total);
    let k = 0;
    count.forEach((c, i) => {
      for (let j = 0; j < c; j++) out[k++] = col[i] as number;
    });
    return out;
  });
}

describe("dense vs compressed input", () => {
  it("BG/NBD: one row per customer gives the same fit as distinct patterns with counts", () => {
    const dense = fitBgNbd(cdnow);
    expect(dense.n).toBe(bgFit.n);
    expect(dense.logLikelihood).toBeCloseTo(bgFit.logLikelihood, 6);
    for (const k of ["r", "alpha", "a", "b"] as const) expectRelative(dense.params[k], bgFit.params[k], 1e-4);
  });

  it("BG/BB: the 11,104 donors expanded row by row give the same fit as the 22 patterns", () => {
    const d = readCsv("donations/donations.csv");
    const [x, tx, n] = expand(
      [d.frequency as Float64Array, d.recency as Float64Array, d.periods as Float64Array],
      d.weights as Float64Array,
    );
    const dense = fitBgBb({ x: x as Float64Array, tx: tx as Float64Array, n: n as Float64Array });
    const comp = fitBgBb({
      x: d.frequency as Float64Array,
      tx: d.recency as Float64Array,
      n: d.periods as Float64Array,
      count: d.weights as Float64Array,
    });
    expect(dense.n).toBe(11104);
    expect(dense.logLikelihood).toBeCloseTo(comp.logLikelihood, 5);
    for (const k of ["alpha", "beta", "gamma", "delta"] as const)
      expectRelative(dense.params[k], comp.params[k], 1e-4);
  });

  it("compressPatterns keeps first-seen order and counts duplicates", () => {
    const c = compressPatterns([
      [0, 1, 0, 1],
      [0, 5, 0, 6],
    ]);
    expect(c.columns.map((col) => Array.from(col))).toEqual([
      [0, 1, 1],
      [0, 5, 6],
    ]);
    expect(Array.from(c.count)).toEqual([2, 1, 1]);
  });
});

describe("fit options and failures", () => {
  it("a penalizer shrinks the parameters and lowers the likelihood", () => {
    const penalised = fitBgNbd(rfm, { penalizer: 0.01 });
    const sumSquares = (p: Record<string, number>): number => Object.values(p).reduce((s, v) => s + v * v, 0);
    expect(sumSquares(penalised.params)).toBeLessThan(sumSquares(bgFit.params));
    expect(penalised.logLikelihood).toBeLessThan(bgFit.logLikelihood);
  });

  it("throws FitError when no starting point has a finite likelihood", () => {
    expect(() => fitGammaGamma({ x: [2, 3], m: [-1, -5] })).toThrow(FitError);
  });

  it("throws FitError when the optimum runs off to infinity, or reports converged: false on request", () => {
    const problem = {
      model: "runaway",
      names: ["a"] as const,
      n: 1,
      starts: [[1]],
      logLikelihood: (p: Float64Array) => Math.log(p[0] as number),
    };
    expect(() => fitMaximumLikelihood(problem)).toThrow(/runaway: did not converge/);
    const result = fitMaximumLikelihood(problem, { allowNonConvergence: true });
    expect(result.converged).toBe(false);
  });

  it("fitMaximumLikelihood recovers a normal mean and its standard error", () => {
    const sample = [4.1, 5.3, 4.8, 5.9, 5.0, 4.4, 5.6, 4.9];
    const mean = sample.reduce((s, v) => s + v, 0) / sample.length;
    const fit = fitMaximumLikelihood({
      model: "normal",
      names: ["mu"] as const,
      n: sample.length,
      starts: [[1]],
      logLikelihood: (p) => sample.reduce((s, v) => s - 0.5 * (v - (p[0] as number)) ** 2, 0),
    });
    expect(fit.params.mu).toBeCloseTo(mean, 6);
    expect(fit.stdErrors.mu).toBeCloseTo(1 / Math.sqrt(sample.length), 4);
  });

  it.each([1, 2])(
    "a derivative-free fit warm-started from %i level(s) of stand-ins reaches the full optimum in far fewer passes",
    (levels) => {
      // Gamma(shape, rate) log-likelihood of a sample; each stand-in is a biased half of the level above.
      const sample = Array.from({ length: 400 }, (_, i) => 0.5 + ((i * 7919) % 400) / 100);
      const gammaProblem = (values: number[], passes: { count: number }) => ({
        model: "gamma",
        names: ["shape", "rate"] as const,
        n: values.length,
        starts: [[1, 1]],
        logLikelihood: (p: Float64Array) => {
          passes.count++;
          const [k, rate] = [p[0] as number, p[1] as number];
          return values.reduce(
            (s, v) => s + k * Math.log(rate) - logGamma(k) + (k - 1) * Math.log(v) - rate * v,
            0,
          );
        },
      });
      const cold = { count: 0 };
      const warm = { count: 0 };
      const direct = fitMaximumLikelihood(gammaProblem(sample, cold));
      const full: MaximumLikelihoodProblem<string, "shape" | "rate"> = gammaProblem(sample, warm);
      let level = full;
      let values = sample;
      for (let k = 0; k < levels; k++) {
        values = values.filter((_, i) => i % 2 === 0);
        level.coarse = gammaProblem(values, { count: 0 });
        level = level.coarse;
      }
      const warmed = fitMaximumLikelihood(full);
      expect(warmed.converged).toBe(true);
      for (const name of ["shape", "rate"] as const) {
        expect(Math.abs(warmed.params[name] / direct.params[name] - 1)).toBeLessThan(1e-5);
        expect(Math.abs(warmed.stdErrors[name] / direct.stdErrors[name] - 1)).toBeLessThan(1e-3);
      }
      expect(warm.count).toBeLessThan(cold.count / 3);
    },
  );

  it("sBG rejects a series without any later period", () => {
    expect(() => fitSbg([1000])).toThrow(RangeError);
  });
});

describe("model checks", () => {
  it("BG/NBD expected customers per repeat-purchase class track the CDNOW histogram", () => {
    const maxClass = 7;
    const expected = expectedFrequencyCounts(
      (x, t) => bgNbdProbabilityOfPurchases(bgFit.params, t, x),
      rfm.T,
      rfm.count,
      maxClass,
    );
    const observed = observedFrequencyCounts(rfm.x, rfm.count, maxClass);
    expect(observed.reduce((s, v) => s + v, 0)).toBe(2357);
    expect(expected.reduce((s, v) => s + v, 0)).toBeCloseTo(2357, 6);
    // Observed 1,411 customers with no repeat purchase; the model's expectation is within 2%.
    expect(observed[0]).toBe(1411);
    expectRelative(expected[0] as number, observed[0] as number, 0.02);
    for (let k = 1; k <= maxClass; k++)
      expect(Math.abs((expected[k] as number) - (observed[k] as number))).toBeLessThan(40);
  });

  it.each([
    [-9582.43, 4, 2357, 4 * Math.log(2357) + 2 * 9582.43, 8 + 2 * 9582.43],
    [-33225.6, 4, 11104, 4 * Math.log(11104) + 2 * 33225.6, 8 + 2 * 33225.6],
    [-1611.2, 2, 1000, 2 * Math.log(1000) + 2 * 1611.2, 4 + 2 * 1611.2],
  ])("BIC and AIC for LL %d, k=%d, n=%d", (ll, k, n, expectedBic, expectedAic) => {
    expect(bic(ll, k, n)).toBeCloseTo(expectedBic, 9);
    expect(aic(ll, k)).toBeCloseTo(expectedAic, 9);
  });
});

describe("customer lifetime value", () => {
  it.each([
    [0.01, 12, 1],
    [0.1, 5, 4.345],
    [0, 3, 2],
  ])(
    "with a constant purchase rate it is a discounted annuity (d=%d, steps=%d, length=%d)",
    (d, steps, len) => {
      const rate = 0.5;
      const spend = [10, 20];
      const clv = customerLifetimeValue({
        expectedPurchases: (t) => Float64Array.from(spend, () => rate * t),
        spend,
        margin: 0.3,
        discountRate: d,
        steps,
        stepLength: len,
      });
      let annuity = 0;
      for (let i = 1; i <= steps; i++) annuity += (1 + d) ** -i;
      spend.forEach((s, j) => {
        expect(clv[j]).toBeCloseTo(rate * len * s * 0.3 * annuity, 10);
      });
    },
  );

  it("BG/NBD × Gamma-Gamma CLV on CDNOW is positive, and higher for frequent recent buyers", () => {
    const g = readCsv("cdnow/cdnow_customers_summary_with_transactions.csv");
    const ggFit = fitGammaGamma({ x: g.x as Float64Array, m: g.zbar as Float64Array });
    const x = Float64Array.of(0, 2, 10);
    const tx = Float64Array.of(0, 30.43, 38);
    const T = Float64Array.of(38.86, 38.86, 38.86);
    const spend = gammaGammaConditionalExpectedSpend(ggFit.params, x, Float64Array.of(0, 22.35, 22.35));
    const clv = customerLifetimeValue({
      expectedPurchases: (t) => bgNbdConditionalExpectedPurchases(bgFit.params, t, x, tx, T),
      spend,
      margin: 1,
      discountRate: 0.01,
      steps: 12,
      stepLength: 4.345,
    });
    expect(clv[0] as number).toBeGreaterThan(0);
    expect(clv[1] as number).toBeGreaterThan(clv[0] as number);
    expect(clv[2] as number).toBeGreaterThan(clv[1] as number);
    // Without discounting the CLV is the 12-month forecast times spend.
    const undiscounted = customerLifetimeValue({
      expectedPurchases: (t) => bgNbdConditionalExpectedPurchases(bgFit.params, t, x, tx, T),
      spend,
      discountRate: 0,
      steps: 12,
      stepLength: 4.345,
    });
    const forecast = bgNbdConditionalExpectedPurchases(bgFit.params, 12 * 4.345, x, tx, T);
    expect(undiscounted[1]).toBeCloseTo((forecast[1] as number) * (spend[1] as number), 10);
  });
});
