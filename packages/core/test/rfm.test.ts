import { describe, expect, it } from "vitest";
import { rfmGrid, rfmSegmentIds, rfmSegmentOf, scoreCuts, scoreOf, toFivePoint } from "../src/index.ts";

const counts = (values: readonly number[]) => {
  const m = new Map<number, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([value, count]) => ({ value, count }));
};

describe("RFM scores by percentile rank: 1 + floor(bins × below / n), ties share a score", () => {
  it.each([
    { name: "five distinct values, one per quintile", values: [10, 20, 30, 40, 50], scores: [1, 2, 3, 4, 5] },
    {
      name: "ten values, two per quintile",
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      scores: [1, 1, 2, 2, 3, 3, 4, 4, 5, 5],
    },
    {
      name: "a big tie at the bottom keeps score 1 and skips to 5",
      values: [1, 1, 1, 1, 2],
      scores: [1, 1, 1, 1, 5],
    },
    {
      name: "a tie across the quintile boundary stays together",
      values: [1, 2, 2, 2, 3],
      scores: [1, 2, 2, 2, 5],
    },
    { name: "all equal: all score 1", values: [7, 7, 7, 7], scores: [1, 1, 1, 1] },
    { name: "order of input does not matter", values: [50, 10, 40, 20, 30], scores: [5, 1, 4, 2, 3] },
    { name: "negative (returns) values", values: [-5, 0, 0, 100], scores: [1, 2, 2, 4] },
  ])("$name", ({ values, scores }) => {
    const cuts = scoreCuts(counts(values), 5);
    expect(values.map((v) => scoreOf(v, cuts))).toEqual(scores);
  });

  it("equal values always get equal scores, on random data with many ties", () => {
    const values = Array.from({ length: 200 }, (_, i) => (i * 7919) % 13);
    const cuts = scoreCuts(counts(values), 5);
    const byValue = new Map<number, Set<number>>();
    for (const v of values) byValue.set(v, (byValue.get(v) ?? new Set()).add(scoreOf(v, cuts)));
    for (const s of byValue.values()) expect(s.size).toBe(1);
  });

  it.each([
    { bins: 3, values: [1, 2, 3, 4, 5, 6], scores: [1, 1, 2, 2, 3, 3] },
    { bins: 10, values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], scores: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  ])("bins $bins", ({ bins, values, scores }) => {
    const cuts = scoreCuts(counts(values), bins);
    expect(cuts).toHaveLength(bins - 1);
    expect(values.map((v) => scoreOf(v, cuts))).toEqual(scores);
  });

  it("rejects bins outside 2–10", () => {
    expect(() => scoreCuts(counts([1]), 1)).toThrow(/bins must be a whole number from 2 to 10/);
  });
});

describe("the R × FM segment grid", () => {
  it.each([
    { r: 5, f: 5, m: 5, segment: "champions" },
    { r: 5, f: 4, m: 3, segment: "champions" }, // fm = ceil(3.5) = 4
    { r: 5, f: 3, m: 2, segment: "potential_loyalist" }, // fm = ceil(2.5) = 3
    { r: 4, f: 5, m: 4, segment: "loyal" },
    { r: 5, f: 1, m: 1, segment: "new" },
    { r: 4, f: 1, m: 1, segment: "promising" },
    { r: 3, f: 3, m: 3, segment: "need_attention" },
    { r: 3, f: 1, m: 2, segment: "about_to_sleep" },
    { r: 2, f: 3, m: 4, segment: "at_risk" },
    { r: 1, f: 5, m: 5, segment: "cant_lose" },
    { r: 2, f: 1, m: 1, segment: "hibernating" },
    { r: 1, f: 1, m: 1, segment: "lost" },
  ])("r $r f $f m $m → $segment", ({ r, f, m, segment }) => {
    expect(rfmSegmentOf(r, f, m)).toBe(segment);
  });

  it("every named segment appears in the grid", () => {
    const used = new Set(Object.values(rfmGrid).flat());
    expect([...used].sort()).toEqual([...rfmSegmentIds].sort());
  });

  it.each([
    { score: 1, bins: 3, five: 1 },
    { score: 2, bins: 3, five: 2 },
    { score: 3, bins: 3, five: 4 },
    { score: 10, bins: 10, five: 5 },
    { score: 4, bins: 5, five: 4 },
  ])("score $score of $bins → $five on five points", ({ score, bins, five }) => {
    expect(toFivePoint(score, bins)).toBe(five);
  });
});
