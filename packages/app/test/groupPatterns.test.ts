import { describe, expect, it } from "vitest";
import { groupPatterns } from "../src/clv/groupPatterns.ts";

/** The patterns and each customer's pattern, as plain arrays. */
function grouped(x: number[], tx: number[], T: number[], unitDays: number) {
  const g = groupPatterns(Float64Array.from(x), Float64Array.from(tx), Float64Array.from(T), unitDays);
  return {
    patterns: Array.from(g.patterns.x, (xv, k) => [
      xv,
      g.patterns.tx[k],
      g.patterns.T[k],
      g.patterns.count[k],
    ]),
    patternOf: Array.from(g.patternOf),
  };
}

describe("groupPatterns: distinct (x, t_x, T) sorted by (x, T, t_x), whatever the customers' order", () => {
  const w = (days: number) => days / 7;
  const cases: [string, number[], number[], number[], number, unknown][] = [
    [
      "whole days in weeks (packed keys)",
      [1, 0, 1, 2, 1],
      [w(3), 0, w(3), w(9), w(5)],
      [w(10), w(12), w(10), w(10), w(10)],
      7,
      {
        patterns: [
          [0, 0, w(12), 1],
          [1, w(3), w(10), 2],
          [1, w(5), w(10), 1],
          [2, w(9), w(10), 1],
        ],
        patternOf: [1, 0, 1, 3, 2],
      },
    ],
    [
      "exact times (sorted by comparison)",
      [1, 1, 0],
      [0.25, 0.125, 0],
      [3.5, 3.5, 2.75],
      1,
      {
        patterns: [
          [0, 0, 2.75, 1],
          [1, 0.125, 3.5, 1],
          [1, 0.25, 3.5, 1],
        ],
        patternOf: [2, 1, 0],
      },
    ],
    ["one customer", [0], [0], [4], 1, { patterns: [[0, 0, 4, 1]], patternOf: [0] }],
  ];
  it.each(cases)("%s", (_, x, tx, T, unitDays, expected) => {
    expect(grouped(x, tx, T, unitDays)).toEqual(expected);
  });

  it("gives the same groups on both paths", () => {
    const n = 5000;
    const x = Array.from({ length: n }, (_, i) => (i * 7919) % 13);
    const T = Array.from({ length: n }, (_, i) => w(100 + ((i * 104729) % 50)));
    const tx = T.map((t, i) => (x[i] === 0 ? 0 : w(Math.floor((t * 7 * ((i * 31) % 17)) / 17))));
    const packed = grouped(x, tx, T, 7);
    // A unit that makes the values fractional takes the comparison path.
    const compared = grouped(x, tx, T, 1);
    expect(packed).toEqual(compared);
    expect(packed.patterns.reduce((s, p) => s + Number(p[3]), 0)).toBe(n);
  });

  it("gives the same groups when the ranges are too wide to rank in one number (sorted by comparison)", () => {
    // Ages up to a million days and a repeat count of 8,000 overflow the exact range of a ranked key.
    const x = [8000, 0, 8000, 3];
    const T = [999_999, 5, 999_999, 700_000];
    const tx = [999_000, 0, 998_000, 699_999];
    expect(grouped(x, tx, T, 1)).toEqual({
      patterns: [
        [0, 0, 5, 1],
        [3, 699_999, 700_000, 1],
        [8000, 998_000, 999_999, 1],
        [8000, 999_000, 999_999, 1],
      ],
      patternOf: [3, 0, 2, 1],
    });
  });
});
