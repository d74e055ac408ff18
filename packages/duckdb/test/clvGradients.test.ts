// Analytic gradients and the warm-started fits of @vafa/models, kept with the CLV pipeline tests.
import { describe, expect, it } from "vitest";
import { bgNbdEvaluator } from "../../models/src/bgNbdLikelihood.ts";
import { distinctValues, sampleRows } from "../../models/src/distinctValues.ts";
import { gammaGammaEvaluator } from "../../models/src/gammaGammaLikelihood.ts";
import { fitBgNbd, fitGammaGamma, numericGradient } from "../../models/src/index.ts";
import { cdnowSummary, readCsv } from "../../models/test/datasets.ts";

// The fits on many patterns run BFGS on analytic gradients; a wrong derivative would stop the search
// early at a wrong point, so each component is checked against central differences of the likelihood.

const cdnow = cdnowSummary();
const spend = readCsv("cdnow/cdnow_customers_summary_with_transactions.csv");
const spendData = { x: spend.x as Float64Array, m: spend.zbar as Float64Array };

describe("analytic gradients match central differences of the log-likelihood", () => {
  const bg = bgNbdEvaluator(cdnow);
  const gg = gammaGammaEvaluator(spendData);
  it.each([
    ["BG/NBD at the CDNOW optimum", bg, [0.243, 4.414, 0.793, 2.426]],
    ["BG/NBD far from it", bg, [1.5, 0.8, 3, 0.4]],
    ["BG/NBD with a < 1 and b near 1", bg, [0.1, 20, 0.2, 1.05]],
    ["Gamma-Gamma at the CDNOW optimum", gg, [6.25, 3.74, 15.44]],
    ["Gamma-Gamma far from it", gg, [0.7, 12, 200]],
  ] as const)("%s", (_, evaluate, at) => {
    const analytic = new Float64Array(at.length);
    evaluate(at, analytic);
    // Relative step: the parameters differ by orders of magnitude.
    const numeric = numericGradient(
      (p) => evaluate(p.map((v, i) => v * (at[i] as number))),
      Float64Array.from(at, () => 1),
      1e-5,
    ).map((g, i) => g / (at[i] as number));
    for (let i = 0; i < at.length; i++) {
      const scale = Math.max(1, Math.abs(numeric[i] as number));
      expect(Math.abs((analytic[i] as number) - (numeric[i] as number)) / scale).toBeLessThan(1e-5);
    }
  });
});

describe("distinct values and samples", () => {
  it.each([
    [
      [3, 1, 3, 0, 1],
      [3, 1, 0],
      [0, 1, 0, 2, 1],
    ],
    [[], [], []],
    [[2.5, 2.5], [2.5], [0, 0]],
  ])("distinctValues(%j)", (column, values, index) => {
    const d = distinctValues(column);
    expect(Array.from(d.values)).toEqual(values);
    expect(Array.from(d.index)).toEqual(index);
  });
  it.each([
    [10, 20, 10],
    [100_000, 20_000, 20_000],
    [1_000_000, 20_000, 20_000],
  ])("sampleRows(%i, %i) keeps about %i distinct rows in order", (length, target, expected) => {
    const rows = sampleRows(length, target);
    expect(Math.abs(rows.length - expected) / expected).toBeLessThan(0.02);
    for (let i = 1; i < rows.length; i++) expect(rows[i] as number).toBeGreaterThan(rows[i - 1] as number);
  });
});

describe("fits on many patterns (warm start from a subsample, then a polish on all)", () => {
  // 60,000 distinct patterns: each CDNOW pattern with T shifted by a small per-copy amount, so the
  // data are CDNOW's up to a negligible change in age and the optimum must stay near the published one.
  const copies = 26;
  const len = cdnow.x.length * copies;
  const x = new Float64Array(len);
  const tx = new Float64Array(len);
  const T = new Float64Array(len);
  for (let c = 0; c < copies; c++) {
    for (let i = 0; i < cdnow.x.length; i++) {
      const j = c * cdnow.x.length + i;
      x[j] = cdnow.x[i] as number;
      tx[j] = cdnow.tx[i] as number;
      T[j] = (cdnow.T[i] as number) + c * 1e-4;
    }
  }
  it("BG/NBD converges to the CDNOW fit with a vanishing analytic gradient", () => {
    const fit = fitBgNbd({ x, tx, T });
    expect(fit.converged).toBe(true);
    const expected = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    for (const [name, value] of Object.entries(expected)) {
      expect(Math.abs(fit.params[name as keyof typeof expected] / value - 1)).toBeLessThan(0.005);
    }
    const g = new Float64Array(4);
    const p = [fit.params.r, fit.params.alpha, fit.params.a, fit.params.b];
    bgNbdEvaluator({ x, tx, T })(p, g);
    for (let i = 0; i < 4; i++)
      expect(Math.abs((g[i] as number) * (p[i] as number)) / len).toBeLessThan(1e-5);
    expect(fit.stdErrors.r).toBeGreaterThan(0);
  });
  it("Gamma-Gamma on 60,000 repeated spend rows matches the fit on the 946 originals", () => {
    const reps = Math.ceil(60_000 / spendData.x.length);
    const many = {
      x: Float64Array.from(
        { length: spendData.x.length * reps },
        (_, j) => spendData.x[j % spendData.x.length] as number,
      ),
      m: Float64Array.from(
        { length: spendData.x.length * reps },
        (_, j) =>
          (spendData.m[j % spendData.x.length] as number) * (1 + Math.floor(j / spendData.x.length) * 1e-12),
      ),
    };
    const small = fitGammaGamma(spendData);
    const large = fitGammaGamma(many);
    for (const name of ["p", "q", "v"] as const) {
      expect(Math.abs(large.params[name] / small.params[name] - 1)).toBeLessThan(1e-4);
    }
    expect(large.logLikelihood / reps).toBeCloseTo(small.logLikelihood, 3);
  });
});
