import { describe, expect, it } from "vitest";
import {
  bgBbConditionalExpectedTransactions,
  bgBbLogLikelihood,
  bgBbProbabilityAlive,
  bgNbdConditionalExpectedPurchases,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
  gammaGammaConditionalExpectedSpend,
  gammaGammaLogLikelihood,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdLogLikelihood,
  mbgNbdProbabilityAlive,
  mbgNbdProbabilityOfPurchases,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilityOfPurchases,
} from "../src/index.ts";

// Daily data: customers with hundreds of purchases over thousands of days, no repeat purchases, and
// t_x = T (bought on the last day). Parameters are on a daily scale (alpha, beta ≈ 7 × weekly).
const cases: [string, number, number, number][] = [
  ["x = 0", 0, 0, 3000],
  ["x = 0, T small", 0, 0, 0.5],
  ["t_x = T", 5, 3000, 3000],
  ["x = 300, recent", 300, 2990, 3000],
  ["x = 300, lapsed", 300, 1000, 3000],
  ["x = 800, t_x = T", 800, 5000, 5000],
  ["x = 1, t_x tiny", 1, 0.01, 4000],
];

const bg = { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 };
const mbg = { r: 0.525, alpha: 43.3, a: 0.891, b: 1.614 };
const paretoLow = { r: 0.553, alpha: 74, s: 0.606, beta: 81.7 };
const paretoHigh = { r: 0.553, alpha: 81.7, s: 0.606, beta: 20 };

type Scorer = {
  ll: (x: number, tx: number, T: number) => number;
  alive: (x: number, tx: number, T: number) => number;
  expect: (t: number, x: number, tx: number, T: number) => number;
  pmf: (t: number, x: number) => number;
};

const scorers: [string, Scorer][] = [
  [
    "BG/NBD",
    {
      ll: (x, tx, T) => bgNbdLogLikelihood(bg, { x: [x], tx: [tx], T: [T] }),
      alive: (x, tx, T) => bgNbdProbabilityAlive(bg, [x], [tx], [T])[0] as number,
      expect: (t, x, tx, T) => bgNbdConditionalExpectedPurchases(bg, t, [x], [tx], [T])[0] as number,
      pmf: (t, x) => bgNbdProbabilityOfPurchases(bg, t, x),
    },
  ],
  [
    "MBG/NBD",
    {
      ll: (x, tx, T) => mbgNbdLogLikelihood(mbg, { x: [x], tx: [tx], T: [T] }),
      alive: (x, tx, T) => mbgNbdProbabilityAlive(mbg, [x], [tx], [T])[0] as number,
      expect: (t, x, tx, T) => mbgNbdConditionalExpectedPurchases(mbg, t, [x], [tx], [T])[0] as number,
      pmf: (t, x) => mbgNbdProbabilityOfPurchases(mbg, t, x),
    },
  ],
  ...(
    [
      ["Pareto/NBD (alpha < beta)", paretoLow],
      ["Pareto/NBD (alpha > beta)", paretoHigh],
    ] as const
  ).map(([name, p]): [string, Scorer] => [
    name,
    {
      ll: (x, tx, T) => paretoNbdLogLikelihood(p, { x: [x], tx: [tx], T: [T] }),
      alive: (x, tx, T) => paretoNbdProbabilityAlive(p, [x], [tx], [T])[0] as number,
      expect: (t, x, tx, T) => paretoNbdConditionalExpectedPurchases(p, t, [x], [tx], [T])[0] as number,
      pmf: (t, x) => paretoNbdProbabilityOfPurchases(p, t, x),
    },
  ]),
];

describe.each(scorers)("%s at extreme inputs", (_model, s) => {
  it.each(cases)(
    "%s: finite likelihood, P(alive) in [0,1], finite non-negative forecasts",
    (_name, x, tx, T) => {
      expect(Number.isFinite(s.ll(x, tx, T))).toBe(true);
      const p = s.alive(x, tx, T);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      for (const t of [1, 30, 365, 3650]) {
        const e = s.expect(t, x, tx, T);
        expect(Number.isFinite(e)).toBe(true);
        expect(e).toBeGreaterThanOrEqual(0);
      }
    },
  );

  it("a heavy buyer active to the end is almost surely alive and forecast near their own rate", () => {
    expect(s.alive(300, 2990, 3000)).toBeGreaterThan(0.99);
    // 300 purchases in ~3000 days ≈ 0.1 a day; over 30 days the forecast is a few purchases.
    const e = s.expect(30, 300, 2990, 3000);
    expect(e).toBeGreaterThan(1);
    expect(e).toBeLessThan(4);
  });

  it("a heavy buyer silent for 2000 days is almost surely gone", () => {
    expect(s.alive(300, 1000, 3000)).toBeLessThan(1e-6);
  });

  it.each([0, 1, 50, 300])("P(X(3000) = %d) is a finite probability", (x) => {
    const p = s.pmf(3000, x);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  });
});

describe("BG/BB and Gamma-Gamma at extreme inputs", () => {
  const bgbb = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
  it.each([
    [0, 0, 500],
    [400, 500, 500],
    [400, 420, 500],
    [1, 1, 1000],
  ])("BG/BB x=%d, tx=%d, n=%d", (x, tx, n) => {
    expect(Number.isFinite(bgBbLogLikelihood(bgbb, { x: [x], tx: [tx], n: [n] }))).toBe(true);
    const p = bgBbProbabilityAlive(bgbb, [x], [tx], [n])[0] as number;
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
    const e = bgBbConditionalExpectedTransactions(bgbb, 100, [x], [tx], [n])[0] as number;
    expect(Number.isFinite(e) && e >= 0).toBe(true);
  });

  it("Gamma-Gamma with thousands of transactions", () => {
    const gg = { p: 6.25, q: 3.74, v: 15.44 };
    expect(Number.isFinite(gammaGammaLogLikelihood(gg, { x: [5000], m: [35] }))).toBe(true);
    expect(gammaGammaConditionalExpectedSpend(gg, [5000], [35])[0]).toBeCloseTo(35, 1);
  });
});
