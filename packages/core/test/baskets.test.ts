import { describe, expect, it } from "vitest";
import {
  associationRules,
  type BasketRule,
  type FrequentItemset,
  fpGrowth,
  mineBaskets,
  recommendFromRules,
  seededRandom,
} from "../src/index.ts";

// The textbook five baskets (Tan, Steinbach & Kumar): bread 0, milk 1, diaper 2, beer 3, eggs 4, cola 5.
const five = [
  [0, 1],
  [0, 2, 3, 4],
  [1, 2, 3, 5],
  [0, 1, 2, 3],
  [0, 1, 2, 5],
];

function bruteForce(
  baskets: readonly (readonly number[])[],
  minCount: number,
  maxLength: number,
): FrequentItemset[] {
  const items = [...new Set(baskets.flat())].sort((a, b) => a - b);
  const out: FrequentItemset[] = [];
  const sets = baskets.map((b) => new Set(b));
  const visit = (start: number, chosen: number[]) => {
    for (let i = start; i < items.length; i++) {
      const next = [...chosen, items[i] ?? 0];
      const count = sets.filter((s) => next.every((x) => s.has(x))).length;
      if (count < minCount) continue; // anti-monotone: no superset can be frequent
      out.push({ items: next, count });
      if (next.length < maxLength) visit(i + 1, next);
    }
  };
  visit(0, []);
  return out;
}

const canonical = (sets: readonly FrequentItemset[]) =>
  sets.map((s) => `${s.items.join(",")}:${s.count}`).sort();

describe("association rules on five hand-built baskets", () => {
  const rules = associationRules(fpGrowth(five, { minCount: 2 }), { baskets: 5 });
  const find = (x: number[], y: number[]) =>
    rules.find((r) => r.antecedent.join() === x.join() && r.consequent.join() === y.join());
  it.each([
    // antecedent, consequent, count, support, confidence, lift
    { x: [2], y: [3], count: 3, support: 3 / 5, confidence: 3 / 4, lift: 1.25 },
    { x: [3], y: [2], count: 3, support: 3 / 5, confidence: 1, lift: 1.25 },
    { x: [1, 2], y: [3], count: 2, support: 2 / 5, confidence: 2 / 3, lift: 10 / 9 },
    { x: [3], y: [1, 2], count: 2, support: 2 / 5, confidence: 2 / 3, lift: 10 / 9 },
    { x: [0], y: [1], count: 3, support: 3 / 5, confidence: 3 / 4, lift: 15 / 16 },
    { x: [2], y: [5], count: 2, support: 2 / 5, confidence: 2 / 4, lift: 1.25 },
  ])(
    "$x ⇒ $y: support $support, confidence $confidence, lift $lift",
    ({ x, y, count, support, confidence, lift }) => {
      expect(find(x, y)).toEqual({ antecedent: x, consequent: y, count, support, confidence, lift });
    },
  );

  it("finds exactly the itemsets with count ≥ 2 and drops eggs (1 basket)", () => {
    const sets = fpGrowth(five, { minCount: 2 });
    expect(canonical(sets)).toEqual(canonical(bruteForce(five, 2, 99)));
    expect(sets.some((s) => s.items.includes(4))).toBe(false);
    expect(sets[0]).toEqual({ items: [0], count: 4 });
  });

  it("minConfidence filters and maxLength bounds the itemsets", () => {
    const all = associationRules(fpGrowth(five, { minCount: 2 }), { baskets: 5 });
    const strong = associationRules(fpGrowth(five, { minCount: 2 }), { baskets: 5, minConfidence: 0.9 });
    expect(strong).toEqual(all.filter((r) => r.confidence >= 0.9));
    expect(strong.length).toBeGreaterThan(0);
    expect(strong.length).toBeLessThan(all.length);
    expect(Math.max(...fpGrowth(five, { minCount: 1, maxLength: 2 }).map((s) => s.items.length))).toBe(2);
  });

  it("mineBaskets names items from engine rows and counts support against all baskets", () => {
    const names = ["bread", "milk", "diaper", "beer", "eggs", "cola"];
    const pairs = five.flatMap((b, i) => b.map((item) => ({ basket: `o${i}`, item: names[item] })));
    const counts = [
      ...names.map((n, i) => ({ item: n, label: null, baskets: five.filter((b) => b.includes(i)).length })),
      { item: null, label: null, baskets: 5 },
    ];
    const result = mineBaskets(counts, pairs, { minSupport: 0.4, minConfidence: 0.9 });
    expect(result).toMatchObject({ baskets: 5, frequentItems: 5 });
    const beer = result.rules.find(
      (r) => r.antecedent.map((a) => a.item).join() === "beer" && r.consequent.length === 1,
    );
    expect(beer).toEqual({
      antecedent: [{ item: "beer", label: null }],
      consequent: [{ item: "diaper", label: null }],
      count: 3,
      support: 0.6,
      confidence: 1,
      lift: 1.25,
    });
  });
});

describe("FP-growth equals a brute-force enumeration on random baskets", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])("seed %i", (seed) => {
    const random = seededRandom(seed);
    const items = 4 + Math.floor(random() * 8);
    const baskets = Array.from({ length: 10 + Math.floor(random() * 40) }, () =>
      Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.floor(random() ** 1.5 * items)),
    );
    const minCount = 1 + Math.floor(random() * 5);
    const maxLength = 2 + Math.floor(random() * 4);
    expect(canonical(fpGrowth(baskets, { minCount, maxLength }))).toEqual(
      canonical(
        bruteForce(
          baskets.map((b) => [...new Set(b)]),
          minCount,
          maxLength,
        ),
      ),
    );
  });
});

describe("recommendFromRules", () => {
  const item = (code: string) => ({ item: code, label: null });
  const rule = (x: string[], y: string[], confidence: number, lift: number, support = 0.1): BasketRule => ({
    antecedent: x.map(item),
    consequent: y.map(item),
    count: 1,
    support,
    confidence,
    lift,
  });
  const rules = [
    rule(["a"], ["b"], 0.5, 2), // score 1
    rule(["a"], ["c"], 0.9, 3), // score 2.7
    rule(["a", "d"], ["e"], 0.8, 5), // needs d too
    rule(["a"], ["x"], 0.6, 4), // x already bought
    rule(["c"], ["b"], 0.9, 9), // antecedent c not bought
    rule(["a"], ["b", "f"], 0.7, 2), // score 1.4: beats the first rule for b, and offers f
  ];
  it.each([
    { bought: ["a", "x"], expected: ["c", "b", "f"] },
    { bought: ["a", "d"], expected: ["e", "c", "x", "b", "f"] },
    { bought: ["z"], expected: [] },
  ])("bought $bought → $expected", ({ bought, expected }) => {
    expect(recommendFromRules(rules, new Set(bought)).map((r) => r.item)).toEqual(expected);
  });
  it("each recommendation carries its best rule and score", () => {
    const [, b] = recommendFromRules(rules, new Set(["a", "x"]));
    expect(b).toMatchObject({
      item: "b",
      score: 0.7 * 2,
      confidence: 0.7,
      lift: 2,
      rule: { consequent: [item("b"), item("f")] },
    });
  });
});
