import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  assessIdentification,
  CURVATURE_THRESHOLD,
  compressPatterns,
  fitBgNbd,
  fitMaximumLikelihood,
  fitMbgNbd,
  fitNbd,
  fitParetoNbd,
  type IdentificationCode,
  type RfmData,
  symmetricEigen,
} from "../src/index.ts";
import { cdnowSummary } from "./datasets.ts";

/** Deterministic uniform(0, 1) generator (mulberry32), so the simulated data sets are fixed. */
function uniforms(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), boosted for shape < 1. */
function gamma(u: () => number, shape: number, rate: number): number {
  if (shape < 1) return gamma(u, shape + 1, rate) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    // A standard normal by Box–Muller.
    const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/**
 * Customers drawn from the BG/NBD story with planted parameters: rate λ ~ gamma(r, α), dropout
 * probability p ~ beta(a, b), exponential gaps, a coin of weight p after every repeat purchase; ages
 * T uniform on 26–52 weeks. Returns the compressed (x, tx, T, count) patterns.
 */
function simulateBgNbd(
  planted: { r: number; alpha: number; a: number; b: number },
  customers: number,
  seed: number,
) {
  const u = uniforms(seed);
  const x = new Float64Array(customers);
  const tx = new Float64Array(customers);
  const T = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const lambda = gamma(u, planted.r, planted.alpha);
    const ga = gamma(u, planted.a, 1);
    const p = ga / (ga + gamma(u, planted.b, 1));
    const age = 26 + 26 * u();
    let t = 0;
    let n = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      if (t > age) break;
      n++;
      last = t;
      if (u() < p) break;
    }
    x[i] = n;
    tx[i] = last;
    T[i] = age;
  }
  const c = compressPatterns([x, tx, T]);
  return {
    x: c.columns[0] as Float64Array,
    tx: c.columns[1] as Float64Array,
    T: c.columns[2] as Float64Array,
    count: c.count,
  };
}

/**
 * Customers drawn from the Pareto/NBD story: rate λ ~ gamma(r, α), dropout rate μ ~ gamma(s, β),
 * lifetime exponential(μ), Poisson purchases until the lifetime or the age T (uniform on 26–52 weeks)
 * ends. Returns the compressed (x, tx, T, count) patterns.
 */
function simulateParetoNbd(
  planted: { r: number; alpha: number; s: number; beta: number },
  customers: number,
  seed: number,
) {
  const u = uniforms(seed);
  const x = new Float64Array(customers);
  const tx = new Float64Array(customers);
  const T = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const lambda = gamma(u, planted.r, planted.alpha);
    const mu = gamma(u, planted.s, planted.beta);
    const age = 26 + 26 * u();
    const end = Math.min(age, -Math.log(1 - u()) / mu);
    let t = 0;
    let n = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      if (t > end) break;
      n++;
      last = t;
    }
    x[i] = n;
    tx[i] = last;
    T[i] = age;
  }
  const c = compressPatterns([x, tx, T]);
  return {
    x: c.columns[0] as Float64Array,
    tx: c.columns[1] as Float64Array,
    T: c.columns[2] as Float64Array,
    count: c.count,
  };
}

/** The Online Retail summary fixture (see the "#" lines of the file for how it was made). */
function onlineRetail(): RfmData {
  const text = readFileSync(new URL("./fixtures/onlineRetailWeekly.csv", import.meta.url), "utf8");
  const rows = text
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("#"))
    .slice(1)
    .map((l) => l.split(",").map(Number));
  const column = (j: number): Float64Array => Float64Array.from(rows, (r) => r[j] as number);
  return { x: column(0), tx: column(1), T: column(2), count: column(3) };
}

function cdnow(): RfmData {
  const s = cdnowSummary();
  const c = compressPatterns([s.x, s.tx, s.T]);
  return {
    x: c.columns[0] as Float64Array,
    tx: c.columns[1] as Float64Array,
    T: c.columns[2] as Float64Array,
    count: c.count,
  };
}

const purchaseModels = [
  ["BG/NBD", fitBgNbd],
  ["MBG/NBD", fitMbgNbd],
  ["Pareto/NBD", fitParetoNbd],
] as const;

describe("the identification notice on simulated data with planted parameters", () => {
  // CDNOW-like, and a dropout probability of 4e-5 per purchase: about one customer in 4,000 ever leaves.
  const wellIdentified = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
  const almostNoDropout = { r: 0.8, alpha: 10, a: 0.002, b: 50 };
  // CDNOW's published Pareto/NBD fit, and a mean dropout rate of 1e-6 a week.
  const paretoWell = { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 };
  const paretoNone = { r: 0.8, alpha: 10, s: 0.01, beta: 1e4 };
  const sets = {
    wellIdentified: simulateBgNbd(wellIdentified, 4000, 17),
    almostNoDropout: simulateBgNbd(almostNoDropout, 4000, 17),
    paretoWell: simulateParetoNbd(paretoWell, 4000, 23),
    paretoNone: simulateParetoNbd(paretoNone, 4000, 23),
  };

  it.each([
    ["BG/NBD story, well identified", "wellIdentified", "BG/NBD", "identified"],
    ["BG/NBD story, well identified", "wellIdentified", "MBG/NBD", "identified"],
    ["BG/NBD story, almost no dropout", "almostNoDropout", "BG/NBD", "dropout-not-identified"],
    ["BG/NBD story, almost no dropout", "almostNoDropout", "MBG/NBD", "dropout-not-identified"],
    // Pareto/NBD's optimum here drifts to s, β → ∞ together (a tiny homogeneous dropout rate): stop "bound".
    ["BG/NBD story, almost no dropout", "almostNoDropout", "Pareto/NBD", "dropout-not-identified"],
    ["Pareto/NBD story, well identified", "paretoWell", "Pareto/NBD", "identified"],
    ["Pareto/NBD story, well identified", "paretoWell", "BG/NBD", "identified"],
    ["Pareto/NBD story, almost no dropout", "paretoNone", "Pareto/NBD", "dropout-not-identified"],
    ["Pareto/NBD story, almost no dropout", "paretoNone", "BG/NBD", "dropout-not-identified"],
  ] as const)("%s: %s gets %s", (_label, set, model, code: IdentificationCode) => {
    const fit = (purchaseModels.find(([name]) => name === model) as (typeof purchaseModels)[number])[1];
    const result = fit(sets[set]);
    // Converged, or stopped at the no-dropout limit and saying so (never thrown, never an iteration cap).
    expect(result.stop.reason).toBe(result.converged ? "tolerance" : "bound");
    expect(result.identification.code).toBe(code);
    expect(result.identification.notice).toBe(code !== "identified");
    if (code === "identified") {
      expect(result.identification.evidence.boundaryStatistic).toBeGreaterThan(100);
      expect(result.identification.evidence.smallestCurvature).toBeGreaterThan(CURVATURE_THRESHOLD);
      expect(result.identification.message).toBe("");
    } else {
      expect(result.identification.evidence.boundaryStatistic).toBeLessThan(5.99);
      expect(result.identification.message).toMatch(/cannot separate customers who stopped/);
    }
  });

  it("brackets the planted parameters with the 95% intervals when they are identified", () => {
    const bg = fitBgNbd(sets.wellIdentified);
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expect(bg.intervals[name].lower).toBeLessThan(wellIdentified[name]);
      expect(bg.intervals[name].upper).toBeGreaterThan(wellIdentified[name]);
    }
    const pareto = fitParetoNbd(sets.paretoWell);
    for (const name of ["r", "alpha", "s", "beta"] as const) {
      expect(pareto.intervals[name].lower).toBeLessThan(paretoWell[name]);
      expect(pareto.intervals[name].upper).toBeGreaterThan(paretoWell[name]);
    }
  });
});

describe("the identification notice on real data", () => {
  it.each(purchaseModels)(
    "CDNOW (well identified): %s gets none, and its intervals hold the fit",
    (_name, fit) => {
      const result = fit(cdnow());
      expect(result.identification.code).toBe("identified");
      expect(result.stop.reason).toBe("tolerance");
      expect(result.stop.maxGradient).toBeLessThan(result.stop.tolerance);
      for (const [name, value] of Object.entries(result.params) as [keyof typeof result.params, number][]) {
        expect(result.intervals[name].lower).toBeLessThan(value);
        expect(result.intervals[name].upper).toBeGreaterThan(value);
      }
    },
  );

  it.each(purchaseModels)(
    "Online Retail (no visible dropout): %s gets it, naming the dropout parameters",
    (_name, fit) => {
      const result = fit(onlineRetail());
      expect(result.converged).toBe(true);
      expect(result.stop.reason).toBe("tolerance");
      expect(result.identification.code).toBe("dropout-not-identified");
      expect(result.identification.parameters.length).toBe(2);
      expect(result.identification.evidence.smallestCurvature).toBeLessThan(CURVATURE_THRESHOLD);
    },
  );

  it("Pareto/NBD converges on Online Retail to the no-dropout limit, its LL within 0.5 of BG/NBD's", () => {
    const data = onlineRetail();
    const started = performance.now();
    const pareto = fitParetoNbd(data);
    const seconds = (performance.now() - started) / 1000;
    const bg = fitBgNbd(data);
    const nbd = fitNbd(data);
    expect(pareto.stop.reason).toBe("tolerance");
    expect(pareto.logLikelihood).toBeGreaterThan(bg.logLikelihood - 0.5);
    // Both reduce to the NBD as dropout vanishes, and neither does worse than it.
    expect(pareto.logLikelihood).toBeCloseTo(nbd.logLikelihood, 3);
    expect(bg.logLikelihood).toBeGreaterThanOrEqual(nbd.logLikelihood);
    expect(pareto.params.s).toBeLessThan(1e-3);
    expect(pareto.params.r).toBeCloseTo(nbd.params.r, 3);
    expect(seconds).toBeLessThan(10);
  });
});

describe("assessIdentification", () => {
  const names = ["r", "alpha", "a", "b"] as const;
  const diagonal = (...v: number[]): Float64Array => {
    const m = new Float64Array(v.length * v.length);
    v.forEach((x, i) => {
      m[i * v.length + i] = x;
    });
    return m;
  };
  it.each([
    ["tight curvature, dropout clear", diagonal(0.01, 0.01, 0.01, 0.01), 50, "identified", []],
    [
      "tight curvature, no dropout visible",
      diagonal(0.01, 0.01, 0.01, 0.01),
      0.3,
      "dropout-not-identified",
      ["a", "b"],
    ],
    // se(ln b) = 2: b could move by a factor e^3.9 ≈ 50 — a curvature of 0.25 < 0.72.
    ["one flat direction", diagonal(0.01, 0.01, 0.01, 4), 50, "weakly-identified", ["b"]],
    // Each se(ln p) is 1, but a and b move together with correlation 0.99: curvature 1/1.99 along a + b.
    [
      "a flat combination",
      Float64Array.of(0.01, 0, 0, 0, 0, 0.01, 0, 0, 0, 0, 1, 0.99, 0, 0, 0.99, 1),
      50,
      "weakly-identified",
      ["a", "b"],
    ],
    ["singular information", undefined, 50, "weakly-identified", ["r", "alpha", "a", "b"]],
  ] as const)("%s → %s", (_label, covariance, statistic, code, parameters) => {
    const result = assessIdentification(names, covariance, { parameters: ["a", "b"], statistic });
    expect(result.code).toBe(code);
    if (code === "weakly-identified")
      expect(result.message).toBe(
        parameters.length === 1
          ? `The data pin down ${parameters[0]} only loosely: it could change by a factor of 10 and fit almost as well, so predictions that depend on it are uncertain.`
          : `The data pin down ${parameters.join(", ")} only loosely: together they could change by a factor of 10 and fit almost as well, so predictions that depend on them are uncertain.`,
      );
    expect(result.parameters).toEqual(parameters);
    expect(result.notice).toBe(code !== "identified");
  });

  it("states its curvature threshold: χ²₁(0.95) / (ln 10)²", () => {
    expect(CURVATURE_THRESHOLD).toBeCloseTo(3.841458820694124 / Math.LN10 ** 2, 15);
  });

  it("symmetricEigen gives ascending eigenvalues and unit eigenvectors", () => {
    const e = symmetricEigen(Float64Array.of(1, 0.99, 0.99, 1), 2);
    expect(e.values[0]).toBeCloseTo(0.01, 14);
    expect(e.values[1]).toBeCloseTo(1.99, 14);
    expect(Math.abs(e.vectors[1]?.[0] as number)).toBeCloseTo(Math.SQRT1_2, 14);
  });
});

describe("how a fit stopped", () => {
  /** A lopsided cusp at ln a = 1: the slope jumps from 2 to −1 there, so no point has a small gradient. */
  const cusp = (p: Float64Array): number => {
    const d = Math.log(p[0] as number) - 1;
    return d < 0 ? 2 * d : -d;
  };
  it.each([
    // ln L = ln a grows without end: a runs off to the edge of the doubles.
    ["a parameter running off to infinity", "bound", (p: Float64Array) => Math.log(p[0] as number), ["a"]],
    ["a kink at the optimum", "stalled", cusp, []],
  ] as const)(
    "reports %s in the result (stop.reason %s), not only converged: false",
    (_label, reason, logLikelihood, parameters) => {
      const problem = { model: "demo", names: ["a"] as const, n: 1, starts: [[1]], logLikelihood };
      const result = fitMaximumLikelihood(problem, { allowNonConvergence: true });
      expect(result.converged).toBe(false);
      expect(result.stop.reason).toBe(reason);
      expect(result.stop.parameters).toEqual(parameters);
      expect(result.stop.maxGradient > result.stop.tolerance || Number.isNaN(result.stop.maxGradient)).toBe(
        true,
      );
      expect(() => fitMaximumLikelihood(problem)).toThrow(/did not converge/);
    },
  );
});
