import {
  Categorical,
  CsvBytes,
  formatMoney,
  formatTimestamp,
  Random,
  sampleBeta,
  sampleExponential,
  sampleGamma,
  samplePoisson,
  timeOfDay,
} from "@vafa/core/simulate";
import { describe, expect, it } from "vitest";

const DRAWS = 200_000;

function moments(draw: () => number, n = DRAWS): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean };
}

describe("Random", () => {
  it("repeats its sequence for the same seed and stream, and differs otherwise", () => {
    const take = (seed: number, stream = 0) => {
      const rng = new Random(seed, stream);
      return Array.from({ length: 5 }, () => rng.nextUint32());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    expect(take(42, 0)).not.toEqual(take(42, 1));
    // The high half of a large seed counts too.
    expect(take(2 ** 40)).not.toEqual(take(0));
  });

  it("gives uniforms strictly inside (0, 1) with mean 1/2 and variance 1/12", () => {
    const rng = new Random(7);
    let min = 1;
    let max = 0;
    const m = moments(() => {
      const u = rng.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      return u;
    });
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(m.variance).toBeCloseTo(1 / 12, 3);
  });
});

describe("samplers match their moments on 200k draws", () => {
  const rng = new Random(2024);
  it.each([
    // [name, draw, mean, variance]
    ["gamma(0.25, 10)", () => sampleGamma(rng, 0.25, 10), 0.025, 0.25 / 100],
    ["gamma(0.8, 1)", () => sampleGamma(rng, 0.8, 1), 0.8, 0.8],
    ["gamma(3.8, 15)", () => sampleGamma(rng, 3.8, 15), 3.8 / 15, 3.8 / 225],
    ["gamma(6, 0.2)", () => sampleGamma(rng, 6, 0.2), 30, 150],
    ["beta(0.8, 2.5)", () => sampleBeta(rng, 0.8, 2.5), 0.8 / 3.3, (0.8 * 2.5) / (3.3 * 3.3 * 4.3)],
    ["beta(2, 3)", () => sampleBeta(rng, 2, 3), 0.4, 6 / (25 * 6)],
    ["exponential(0.5)", () => sampleExponential(rng, 0.5), 2, 4],
    ["poisson(0.7)", () => samplePoisson(rng, 0.7), 0.7, 0.7],
    ["poisson(12)", () => samplePoisson(rng, 12), 12, 12],
    ["poisson(250) (PTRS)", () => samplePoisson(rng, 250), 250, 250],
  ] as const)("%s", (_name, draw, mean, variance) => {
    const m = moments(draw);
    expect(Math.abs(m.mean - mean) / mean).toBeLessThan(0.02);
    expect(Math.abs(m.variance - variance) / variance).toBeLessThan(0.06);
  });

  it("categorical draws follow the weights", () => {
    const pick = new Categorical(["a", "b", "c", "d"], [5, 3, 2, 0]);
    const counts = new Map<string, number>();
    for (let i = 0; i < DRAWS; i++) {
      const v = pick.sample(rng);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect((counts.get("a") ?? 0) / DRAWS).toBeCloseTo(0.5, 2);
    expect((counts.get("b") ?? 0) / DRAWS).toBeCloseTo(0.3, 2);
    expect((counts.get("c") ?? 0) / DRAWS).toBeCloseTo(0.2, 2);
    expect(counts.get("d")).toBeUndefined();
  });

  it("categorical rejects bad weights", () => {
    expect(() => new Categorical(["a"], [0])).toThrow(/weights/);
    expect(() => new Categorical(["a", "b"], [1])).toThrow(/one weight per value/);
  });
});

describe("formatting", () => {
  it.each([
    [0, "0"],
    [12, "12"],
    [12.3, "12.30"],
    [0.07, "0.07"],
    [-3.5, "-3.50"],
    [-0.001, "0"],
    [1234567.891, "1234567.89"],
  ])("formatMoney(%s) = %s", (value, text) => {
    expect(formatMoney(value)).toBe(text);
  });

  it.each([
    [Date.UTC(2024, 0, 2, 3, 4, 5), "2024-01-02 03:04:05"],
    [Date.UTC(2022, 11, 31, 23, 59, 59, 999), "2022-12-31 23:59:59"],
    [0, "1970-01-01 00:00:00"],
  ])("formatTimestamp(%s) = %s", (ms, text) => {
    expect(formatTimestamp(ms)).toBe(text);
  });

  it("CsvBytes writes what the string formatters write", () => {
    const out = new CsvBytes(4);
    const values = [0, 7, -12.3, 99.99, 1234567.891];
    for (const v of values) {
      out.money(v);
      out.comma();
      out.int(Math.round(v));
      out.comma();
    }
    out.timestamp(Date.UTC(2024, 0, 2, 3, 4, 5));
    out.text("Tehran Central");
    out.ascii("x");
    out.newline();
    const expected = `${values.map((v) => `${formatMoney(v)},${Math.round(v)},`).join("")}2024-01-02 03:04:05Tehran Centralx\n`;
    expect(new TextDecoder().decode(out.take())).toBe(expected);
    expect(out.length).toBe(0);
  });

  it("timeOfDay is monotone, stays in the day and puts most purchases in daytime", () => {
    let last = -1;
    let daytime = 0;
    for (let i = 0; i < 1000; i++) {
      const t = timeOfDay(i / 1000);
      expect(t).toBeGreaterThanOrEqual(last);
      expect(t).toBeLessThan(1);
      if (t >= 8 / 24 && t < 22 / 24) daytime++;
      last = t;
    }
    expect(daytime / 1000).toBeGreaterThan(0.85);
  });
});
