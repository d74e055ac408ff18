import { describe, expect, it } from "vitest";
import {
  bgBbConditionalExpectedTransactions,
  bgBbExpectedTransactions,
  bgBbProbabilityAlive,
  bgBbProbabilityOfTransactions,
  gammaGammaConditionalExpectedSpend,
  logBeta,
  sbgDiscountedExpectedLifetime,
  sbgDiscountedExpectedResidualLifetime,
  sbgProjectSurvivors,
  sbgRetentionRate,
  sbgSurvival,
} from "../src/index.ts";
import { expectRelative } from "./expectations.ts";

const bgbb = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const highEnd = { alpha: 0.668, beta: 3.806 };

describe("BG/BB scoring", () => {
  it.each([6, 10, 40])("P(X(%d) = x) sums to one and its mean is E[X(n)]", (n) => {
    let total = 0;
    let mean = 0;
    for (let x = 0; x <= n; x++) {
      const p = bgBbProbabilityOfTransactions(bgbb, n, x);
      total += p;
      mean += x * p;
    }
    expect(total).toBeCloseTo(1, 10);
    expectRelative(mean, bgBbExpectedTransactions(bgbb, n), 1e-10);
  });

  it.each([
    [1, 0.5],
    [0.657, 2.783],
    [1 + 1e-9, 2],
    [3, 1],
  ])("E[X(n)] closed form equals the sum of alive probabilities (gamma=%d, delta=%d)", (gamma, delta) => {
    const p = { ...bgbb, gamma, delta };
    let sum = 0;
    for (let i = 1; i <= 40; i++) sum += Math.exp(logBeta(gamma, delta + i) - logBeta(gamma, delta));
    expectRelative(bgBbExpectedTransactions(p, 40), (bgbb.alpha / (bgbb.alpha + bgbb.beta)) * sum, 1e-9);
  });

  it.each([
    [0, 0, 6],
    [1, 1, 6],
    [3, 6, 6],
    [6, 6, 6],
    [3, 3, 6],
  ])("P(alive | x=%d, tx=%d, n=%d) is a probability; forecasts are positive", (x, tx, n) => {
    const p = bgBbProbabilityAlive(bgbb, [x], [tx], [n])[0] as number;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThanOrEqual(1);
    const e5 = bgBbConditionalExpectedTransactions(bgbb, 5, [x], [tx], [n])[0] as number;
    const e20 = bgBbConditionalExpectedTransactions(bgbb, 20, [x], [tx], [n])[0] as number;
    expect(e5).toBeGreaterThan(0);
    expect(e20).toBeGreaterThan(e5);
  });

  it("a donor who gave last year survives to next year with the posterior retention; a lapsed one likely not", () => {
    const [recent, lapsed] = bgBbProbabilityAlive(bgbb, [3, 3], [6, 3], [6, 6]);
    // Alive through opportunity 6 for sure, so only the next-period dropout remains: E[1−θ | alive at 6].
    expect(recent).toBeCloseTo((bgbb.delta + 6) / (bgbb.gamma + bgbb.delta + 6), 12);
    expect(lapsed as number).toBeLessThan(0.6);
  });
});

describe("Gamma-Gamma scoring", () => {
  const gg = { p: 6.25, q: 3.74, v: 15.44 };
  it.each([
    [2, 22.35, (6.25 * (15.44 + 2 * 22.35)) / (6.25 * 2 + 3.74 - 1)],
    [0, 0, (6.25 * 15.44) / (3.74 - 1)],
    [1000, 50, (6.25 * (15.44 + 1000 * 50)) / (6.25 * 1000 + 3.74 - 1)],
  ])("E[spend | x=%d, m=%d]", (x, m, expected) => {
    expectRelative(gammaGammaConditionalExpectedSpend(gg, [x], [m])[0] as number, expected, 1e-12);
  });

  it("shrinks a customer's mean towards the population mean, less so with more transactions", () => {
    const population = (gg.p * gg.v) / (gg.q - 1);
    const [few, many] = gammaGammaConditionalExpectedSpend(gg, [1, 50], [100, 100]);
    expect(few as number).toBeGreaterThan(population);
    expect(few as number).toBeLessThan(many as number);
    expect(many as number).toBeLessThan(100);
  });
});

describe("sBG", () => {
  it.each([1, 2, 5, 12])("S(%d) is the product of retention rates and the Beta-function ratio", (t) => {
    let product = 1;
    for (let i = 1; i <= t; i++) product *= sbgRetentionRate(highEnd, i);
    expectRelative(sbgSurvival(highEnd, t), product, 1e-12);
    const beta = Math.exp(logBeta(highEnd.alpha, highEnd.beta + t) - logBeta(highEnd.alpha, highEnd.beta));
    expectRelative(sbgSurvival(highEnd, t), beta, 1e-10);
  });

  it("retention rates increase over time (heterogeneity sorts out the churners)", () => {
    const r = [1, 2, 3, 10].map((t) => sbgRetentionRate(highEnd, t));
    for (let i = 1; i < r.length; i++) expect(r[i] as number).toBeGreaterThan(r[i - 1] as number);
    expect(sbgProjectSurvivors(highEnd, 1000, 3)[0]).toBe(1000);
  });

  it.each([
    [0, 0.1],
    [4, 0.1],
    [10, 0.05],
    [0, 0.5],
  ])("DERL after %d renewals at d=%d equals the discounted sum of conditional survival", (renewals, d) => {
    const n = renewals + 1;
    let sum = 0;
    for (let t = n; t < n + 20_000; t++) {
      sum += (sbgSurvival(highEnd, t) / sbgSurvival(highEnd, n - 1)) * (1 + d) ** -(t - n);
    }
    expectRelative(sbgDiscountedExpectedResidualLifetime(highEnd, renewals, d), sum, 1e-8);
  });

  it("discounted expected lifetime of a new customer is Σ S(t)/(1+d)^t", () => {
    let sum = 0;
    for (let t = 0; t < 20_000; t++) sum += sbgSurvival({ alpha: 1, beta: 1 }, t) * 1.1 ** -t;
    expectRelative(sbgDiscountedExpectedLifetime({ alpha: 1, beta: 1 }, 0.1), sum, 1e-8);
    expect(sbgDiscountedExpectedLifetime(highEnd, 0)).toBeNaN();
  });
});
