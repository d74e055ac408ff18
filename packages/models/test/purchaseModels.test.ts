import { describe, expect, it } from "vitest";
import {
  type BgNbdParams,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
  hyp2f1,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdProbabilityAlive,
  mbgNbdProbabilityOfPurchases,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilityOfPurchases,
} from "../src/index.ts";
import { expectRelative } from "./expectations.ts";

const bg = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const mbg = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const pareto = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

type Conditional = (t: number, x: number[], tx: number[], T: number[]) => Float64Array;
type Model = {
  alive: (x: number[], tx: number[], T: number[]) => Float64Array;
  conditional: Conditional;
  expected: (t: number) => number;
  pmf: (t: number, x: number) => number;
};

const models: [string, Model][] = [
  [
    "BG/NBD",
    {
      alive: (x, tx, T) => bgNbdProbabilityAlive(bg, x, tx, T),
      conditional: (t, x, tx, T) => bgNbdConditionalExpectedPurchases(bg, t, x, tx, T),
      expected: (t) => bgNbdExpectedPurchases(bg, t),
      pmf: (t, x) => bgNbdProbabilityOfPurchases(bg, t, x),
    },
  ],
  [
    "MBG/NBD",
    {
      alive: (x, tx, T) => mbgNbdProbabilityAlive(mbg, x, tx, T),
      conditional: (t, x, tx, T) => mbgNbdConditionalExpectedPurchases(mbg, t, x, tx, T),
      expected: (t) => mbgNbdExpectedPurchases(mbg, t),
      pmf: (t, x) => mbgNbdProbabilityOfPurchases(mbg, t, x),
    },
  ],
  [
    "Pareto/NBD",
    {
      alive: (x, tx, T) => paretoNbdProbabilityAlive(pareto, x, tx, T),
      conditional: (t, x, tx, T) => paretoNbdConditionalExpectedPurchases(pareto, t, x, tx, T),
      expected: (t) => paretoNbdExpectedPurchases(pareto, t),
      pmf: (t, x) => paretoNbdProbabilityOfPurchases(pareto, t, x),
    },
  ],
];

describe.each(models)("%s scoring", (_name, model) => {
  it.each([10, 39, 78])("P(X(%d) = x) sums to one and its mean is E[X(t)]", (t) => {
    let total = 0;
    let mean = 0;
    for (let x = 0; x < 400; x++) {
      const p = model.pmf(t, x);
      expect(p).toBeGreaterThanOrEqual(0);
      total += p;
      mean += x * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expectRelative(mean, model.expected(t), 1e-6);
  });

  it.each([1, 39, 200])(
    "E[X(%d)] for a new customer equals the conditional forecast at x = tx = T = 0",
    (t) => {
      const conditional = model.conditional(t, [0], [0], [0])[0] as number;
      expectRelative(model.expected(t), conditional, 1e-10);
      expect(model.expected(t)).toBeGreaterThan(0);
    },
  );

  it.each([
    [0, 0, 38.86],
    [2, 30.43, 38.86],
    [2, 5, 38.86],
    [10, 38, 38.86],
    [10, 10, 38.86],
  ])("P(alive | x=%d, tx=%d, T=%d) is a probability and expectations grow with t", (x, tx, T) => {
    const p = model.alive([x], [tx], [T])[0] as number;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThanOrEqual(1);
    const e = [1, 10, 39, 100].map((t) => model.conditional(t, [x], [tx], [T])[0] as number);
    for (let i = 1; i < e.length; i++) expect(e[i] as number).toBeGreaterThan(e[i - 1] as number);
    expect(model.conditional(0, [x], [tx], [T])[0]).toBe(0);
  });

  it("a recent frequent buyer is more likely alive than one who stopped long ago", () => {
    const [recent, lapsed] = model.alive([10, 10], [38, 5], [38.86, 38.86]);
    expect(recent as number).toBeGreaterThan(lapsed as number);
  });
});

describe("BG/NBD conditional expectation", () => {
  // The textbook form (FHL 2005 eq. 10) evaluated with hyp2f1, fine for moderate x.
  function textbook(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
    const { r, alpha, a, b } = p;
    const hyp = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
    const num = ((a + b + x - 1) / (a - 1)) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp);
    const den = 1 + (x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0);
    return num / den;
  }

  it.each([
    [39, 2, 30.43, 38.86],
    [39, 0, 0, 38.86],
    [10, 7, 35, 38.86],
    [100, 25, 30, 38.86],
    [52, 3, 20, 30],
  ])("matches the textbook hypergeometric form for t=%d, x=%d, tx=%d, T=%d", (t, x, tx, T) => {
    const got = bgNbdConditionalExpectedPurchases(bg, t, [x], [tx], [T])[0] as number;
    expectRelative(got, textbook(bg, t, x, tx, T), 1e-9);
  });

  it("is continuous through a = 1, where the textbook form is 0/0", () => {
    const at = (a: number): number =>
      bgNbdConditionalExpectedPurchases({ ...bg, a }, 39, [2], [30], [38.86])[0] as number;
    expectRelative(at(1), (at(1 - 1e-7) + at(1 + 1e-7)) / 2, 1e-6);
  });
});

describe("Pareto/NBD likelihood cases", () => {
  /** Direct numeric integral of the dropout branch: s ∫_tx^T (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, scaled. */
  function bruteForceLogLikelihood(p: typeof pareto, x: number, tx: number, T: number): number {
    const { r, alpha, s, beta } = p;
    const logF = (tau: number): number => -(r + x) * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau);
    const shift = logF(tx);
    // Composite Simpson on a grid that is dense near tx, where the integrand is concentrated for large x.
    const n = 20_000;
    let integral = 0;
    const map = (u: number): number => tx + (T - tx) * u ** 3;
    const jac = (u: number): number => 3 * (T - tx) * u ** 2;
    for (let i = 0; i <= n; i++) {
      const u = i / n;
      const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
      integral += w * Math.exp(logF(map(u)) - shift) * jac(u);
    }
    integral /= 3 * n;
    const dead = Math.log(s) + shift + Math.log(integral);
    const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
    const head = r * Math.log(alpha) + s * Math.log(beta);
    const lgRatio = (() => {
      let v = 0;
      for (let j = 0; j < x; j++) v += Math.log(r + j);
      return v;
    })();
    const m = Math.max(dead, alive);
    return lgRatio + head + m + Math.log(Math.exp(dead - m) + Math.exp(alive - m));
  }

  it.each([
    ["alpha < beta", pareto, 2, 30.43, 38.86],
    ["alpha > beta", { ...pareto, alpha: 20, beta: 5 }, 2, 30.43, 38.86],
    ["alpha = beta", { ...pareto, beta: pareto.alpha }, 5, 10, 38.86],
    ["large x, days", { ...pareto, alpha: 80 }, 300, 2500, 3000],
    ["large x, alpha > beta", { ...pareto, alpha: 80, beta: 8 }, 300, 2500, 3000],
    ["x = 0", pareto, 0, 0, 38.86],
  ])("%s: the 2F1 closed form equals a numeric integral", (_name, p, x, tx, T) => {
    const closed = paretoNbdLogLikelihood(p, { x: [x], tx: [tx], T: [T] });
    expect(closed).toBeCloseTo(bruteForceLogLikelihood(p, x, tx, T), 6);
  });
});
