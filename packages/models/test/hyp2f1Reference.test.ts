import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { continueHyp2f1 } from "../src/continueHyp2f1.ts";
import {
  HYP2F1_MAX_TERMS,
  hyp2f1TermBound,
  hyp2f1TermCap,
  logHyp2f1Batch,
  logHyp2f1Work,
} from "../src/index.ts";
import { logGammaRatio } from "../src/logGammaRatio.ts";

/**
 * The rows of reference/hyp2f1Reference.csv (made by reference/hyp2f1Reference.py with mpmath at 60
 * digits; its "#" lines say how): region, a, b, c, z, ln|2F1|, sign.
 */
function readReference(): {
  region: string;
  a: number;
  b: number;
  c: number;
  z: number;
  logAbs: number;
  sign: number;
}[] {
  const text = readFileSync(new URL("./reference/hyp2f1Reference.csv", import.meta.url), "utf8");
  const lines = text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  expect(lines[0]).toBe("region,a,b,c,z,logAbs,sign");
  return lines.slice(1).map((line) => {
    const [region, a, b, c, z, logAbs, sign] = line.split(",");
    return {
      region: region as string,
      a: Number(a),
      b: Number(b),
      c: Number(c),
      z: Number(z),
      logAbs: Number(logAbs),
      sign: Number(sign),
    };
  });
}

const cases = readReference();

/** |ln F − ln F_ref| relative to max(1, |ln F_ref|). */
function logError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
}

describe("2F1 against mpmath at 60 digits (reference/hyp2f1Reference.csv)", () => {
  it("holds every region the table was made for", () => {
    expect(cases.length).toBe(1626);
    expect(new Set(cases.map((c) => c.region)).size).toBe(9);
    expect(cases.some((c) => c.z === 1 - 1e-9)).toBe(true);
    expect(cases.some((c) => c.a >= 250 && c.b >= 250)).toBe(true);
  });

  // Per region: the largest term count measured when this table was added, as a ceiling that catches
  // a change that makes the work grow; every case must also stay within the stated hyp2f1TermBound.
  it.each([
    ["grid c=max+0.5", 4_000],
    ["grid c=a+b", 8_500],
    ["grid c=a+b+1e-8", 8_500],
    ["grid c=a+b+2.5", 8_000],
    ["grid c=2(a+b)", 34_000],
    ["grid c=a+1", 4_000],
    ["pareto alpha<beta", 40_000],
    ["pareto alpha>beta", 7_500],
    ["sbg", 4_000],
  ])("%s: ln 2F1 within 1e-12 (relative), the sign right, at most %i terms", (region, ceiling) => {
    const rows = cases.filter((c) => c.region === region);
    expect(rows.length).toBeGreaterThanOrEqual(27);
    let worst = 0;
    let most = 0;
    for (const row of rows) {
      const got = logHyp2f1Work(row.a, row.b, row.c, row.z);
      expect(got.converged).toBe(true);
      expect(got.sign).toBe(row.sign);
      expect(got.terms).toBeLessThanOrEqual(hyp2f1TermBound(row.a, row.b, row.c));
      worst = Math.max(worst, logError(got.logAbs, row.logAbs));
      most = Math.max(most, got.terms);
    }
    expect(worst).toBeLessThan(1e-12);
    expect(most).toBeLessThanOrEqual(ceiling);
  });

  it("evaluates many arguments sharing a, b, c (logHyp2f1Batch) as the reference does, with one step per extra argument", () => {
    // The Pareto/NBD families: one (a, b, c) per purchase count and dropout setting, z over ages.
    const families = new Map<string, typeof cases>();
    for (const row of cases.filter((c) => c.region.startsWith("pareto"))) {
      const key = `${row.a},${row.b},${row.c}`;
      families.set(key, [...(families.get(key) ?? []), row]);
    }
    expect(families.size).toBe(50);
    for (const rows of families.values()) {
      const sorted = [...rows].sort((p, q) => p.z - q.z);
      const first = sorted[0] as (typeof cases)[number];
      const out = new Float64Array(sorted.length);
      const terms = logHyp2f1Batch(
        first.a,
        first.b,
        first.c,
        sorted.map((r) => r.z),
        out,
      );
      sorted.forEach((row, i) => {
        expect(logError(out[i] as number, row.logAbs)).toBeLessThan(1e-12);
      });
      expect(terms).toBeLessThanOrEqual(hyp2f1TermBound(first.a, first.b, first.c) + 300 * sorted.length);
    }
  });
});

describe("bounded work near z = 1, where the Gauss series needs about 1/(1−z) terms", () => {
  // Pareto/NBD as the fit drives s → 0 and β up (z = (β−α)/(β+t) → 1), and sBG at a tiny discount rate.
  it.each([
    // α < β: Euler's form 2F1(1, s+1; c; z) by the connection formula (c−a−b = 1−r−x is far from an integer).
    ["Pareto/NBD x = 0, s = 1e-8, z = 1 − 1e-9", 50, 0.55 + 1e-8, 0.55, 1.55 + 1e-8, 1 - 1e-9],
    ["Pareto/NBD x = 1, s = 1e-8, z = 1 − 1e-9", 50, 1.55 + 1e-8, 1.55, 2.55 + 1e-8, 1 - 1e-9],
    ["Pareto/NBD x = 300, s = 1e-8, z = 1 − 1e-9", 50, 300.55 + 1e-8, 300.55, 301.55 + 1e-8, 1 - 1e-9],
    // α > β: c−a−b = −s is within 1e-8 of an integer, so the equation is continued instead.
    ["Pareto/NBD α > β, x = 0, s = 1e-8, z = 1 − 1e-9", 2_500, 0.55 + 1e-8, 1 + 1e-8, 1.55 + 1e-8, 1 - 1e-9],
    ["Pareto/NBD α > β, x = 300, z = 1 − 1e-9", 3_500, 300.55 + 1e-8, 1 + 1e-8, 301.55 + 1e-8, 1 - 1e-9],
    // s and β both large (the fit drifting to a homogeneous dropout rate): the connection formula.
    ["Pareto/NBD x = 0, s = 5000, β = 1e8", 50, 5000.55, 0.55, 5001.55, (1e8 - 10) / (1e8 + 30)],
    ["Pareto/NBD x = 1, s = 5000, β = 1e8", 50, 5001.55, 1.55, 5002.55, (1e8 - 10) / (1e8 + 30)],
    ["sBG DERL, d = 1e-9", 50, 1, 3.806 + 1, 0.668 + 3.806 + 1, 1 / (1 + 1e-9)],
  ])("%s: at most %i terms", (_name, ceiling, a, b, c, z) => {
    const got = logHyp2f1Work(a, b, c, z);
    expect(got.converged).toBe(true);
    expect(Number.isFinite(got.logAbs)).toBe(true);
    expect(got.terms).toBeLessThanOrEqual(ceiling);
  });

  it.each([
    // Parameters a fit may probe on its way to a boundary: s and β in the millions.
    ["Pareto/NBD s = 8e6, β = 2.7e7", 8e6 + 1, 8e6 + 1 + 97, 8e6 + 98.4, (2.7e7 - 3.7e4) / (2.7e7 + 30)],
    ["a, b, c in the millions at z = 1 − 1e-9", 3e6, 4e6, 9e6, 1 - 1e-9],
  ])("%s: never more than HYP2F1_MAX_TERMS (NaN, not a hang, past it)", (_name, a, b, c, z) => {
    const got = logHyp2f1Work(a, b, c, z);
    expect(got.terms).toBeLessThanOrEqual(HYP2F1_MAX_TERMS + hyp2f1TermCap(a, b, c) + 3);
    expect(got.converged ? Number.isFinite(got.logAbs) : Number.isNaN(got.logAbs)).toBe(true);
  });

  it("2F1(1, 1; 2; z) = −ln(1−z)/z up to z = 1 − 2^−52, the hardest double", () => {
    for (const z of [0.75, 1 - 1e-9, 1 - 2 ** -52]) {
      const expected = Math.log(-Math.log1p(-z) / z);
      expect(Math.abs(logHyp2f1Work(1, 1, 2, z).logAbs - expected)).toBeLessThan(1e-14);
    }
  });

  it("continues the hypergeometric equation from 1/2 as documented", () => {
    const f0 = 2 * Math.LN2;
    const d0 = (1 / 0.5 - f0) / 0.5;
    const end = continueHyp2f1(
      1,
      1,
      2,
      { value: f0, derivative: d0, logScale: 0, terms: 0, converged: true },
      0.5,
      0.999,
    );
    expect(end.value * Math.exp(end.logScale)).toBeCloseTo(-Math.log(0.001) / 0.999, 12);
  });
});

describe("logGammaRatio, the Γ ratio of the connection formula", () => {
  // ln Γ(x+h) − ln Γ(x) from mpmath at 40 digits, at the same binary x and h, rounded to doubles.
  it.each([
    [5000, 1.55, 13.201734690728152],
    [50, 0.3, 1.1715041312076273],
    [1e6, 2.5, 34.538778269909436],
    [60, -5, -20.213716598254308],
    [3.5, 2.25, 3.165742434275212],
  ])("ln Γ(%d + %d) − ln Γ(x)", (x, h, expected) => {
    expect(Math.abs(logGammaRatio(x, h) - expected)).toBeLessThan(4e-15 * Math.max(1, Math.abs(expected)));
  });
});
