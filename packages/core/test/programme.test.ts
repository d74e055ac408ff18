import { describe, expect, it } from "vitest";
import {
  type CustomerProfile,
  classifyCustomers,
  defaultClassificationRules,
  evaluateArms,
  expectedYears,
  type MemberOutcome,
  newcombeUplift,
  parseClassificationRules,
  parseStrategy,
  programmeTotals,
  retentionEconomics,
  seededRandom,
  stableArm,
  studentTQuantile,
  targetMetricSeries,
  targetProgress,
  welchUplift,
} from "../src/index.ts";

const base: CustomerProfile = {
  customerId: "x",
  clv: null,
  historicalValue: 100,
  purchases: 2,
  pAlive: null,
  status: null,
  daysSinceLast: 10,
  tags: null,
  strategicByRule: false,
  complaints: 0,
  returnsShare: 0,
  costToServeShare: null,
  discountedShare: null,
  payments: 0,
  badPaymentShare: null,
};
const rules = { ...defaultClassificationRules, highValue: { value: 1000 }, highVolume: { value: 10 } };

describe("classification", () => {
  const cases: [string, Partial<CustomerProfile>, string, string[]][] = [
    ["high value, alive → retain_and_grow", { clv: 2340, pAlive: 0.9 }, "retain_and_grow", []],
    ["high value, low P(alive) → retain", { clv: 2340, pAlive: 0.3 }, "retain", []],
    ["low value, alive → maintain", { pAlive: 0.9 }, "maintain_at_low_cost", []],
    ["low value, at risk → let_go", { pAlive: 0.2 }, "let_go", []],
    ["high volume counts as high value", { purchases: 12, status: "active" }, "retain_and_grow", []],
    ["status at_risk without P(alive)", { historicalValue: 5000, status: "at_risk" }, "retain", []],
    ["silent 200 days without scores → at risk", { historicalValue: 5000, daysSinceLast: 200 }, "retain", []],
    [
      "tag benchmark lifts let_go to retain",
      { pAlive: 0.1, tags: "vip, benchmark" },
      "retain",
      ["strategic"],
    ],
    ["strategic by rule", { pAlive: 0.9, strategicByRule: true }, "retain", ["strategic"]],
    [
      "complaints → costly, capped",
      { clv: 5000, pAlive: 0.9, complaints: 3 },
      "maintain_at_low_cost",
      ["costly_to_serve"],
    ],
    [
      "returns share → costly",
      { clv: 5000, pAlive: 0.9, returnsShare: 0.25 },
      "maintain_at_low_cost",
      ["costly_to_serve"],
    ],
    [
      "deal seeker",
      { clv: 5000, pAlive: 0.9, purchases: 4, discountedShare: 0.71 },
      "maintain_at_low_cost",
      ["deal_seeker"],
    ],
    [
      "deal seeker needs 3 purchases",
      { clv: 5000, pAlive: 0.9, purchases: 2, discountedShare: 1 },
      "retain_and_grow",
      [],
    ],
    [
      "bad payer",
      { clv: 5000, pAlive: 0.9, payments: 5, badPaymentShare: 0.4 },
      "maintain_at_low_cost",
      ["bad_payer"],
    ],
    [
      "strategic wins over a flag",
      { clv: 5000, pAlive: 0.3, tags: "door_opener", complaints: 5 },
      "retain",
      ["strategic", "costly_to_serve"],
    ],
  ];
  it.each(cases)("%s", (_name, over, expected, flags) => {
    const { classifications } = classifyCustomers([{ ...base, ...over }], rules);
    expect(classifications[0]?.class).toBe(expected);
    expect(classifications[0]?.flags.map((f) => f.flag)).toEqual(flags);
  });

  it("explains the decision in one sentence", () => {
    const p = { ...base, clv: 2340, pAlive: 0.42, purchases: 34, discountedShare: 0.71, customerId: "a" };
    const others = Array.from({ length: 9 }, (_, i) => ({ ...base, customerId: `o${i}`, clv: i * 10 }));
    const c = classifyCustomers([p, ...others], rules).classifications[0];
    expect(c?.explanation).toBe(
      "maintain_at_low_cost (lowered from retain: no retention spend on deal seeker): CLV 2,340 (top 10%), 34 purchases, P(alive) 0.42; flags: deal seeker (71% of purchases discounted)",
    );
  });

  it("resolves quantile thresholds", () => {
    const ps = Array.from({ length: 101 }, (_, i) => ({
      ...base,
      customerId: String(i),
      historicalValue: i,
    }));
    const r = classifyCustomers(ps, { ...defaultClassificationRules, highVolume: { value: 99 } });
    expect(r.thresholds.highValue).toBeCloseTo(80, 10);
    expect(r.classifications.filter((c) => c.highValue).length).toBe(21);
  });

  it("validates rules", () => {
    expect(parseClassificationRules({ highValue: { value: 5 } }).highValue).toEqual({ value: 5 });
    expect(() => parseClassificationRules({ highValue: { quantile: 2 } })).toThrow(/quantile/);
    expect(() => parseClassificationRules({ nope: 1 })).toThrow(/unknown classification rule/);
    expect(() => parseStrategy("raffle")).toThrow(/lottery/);
  });
});

describe("target metrics and progress", () => {
  // a, b, c active in P0; a, b in P1 (c lost); d new in P0 and active in P1 too.
  const rows = [
    { customerId: "a", periodIndex: 0, sales: 100, profit: 30, active: true },
    { customerId: "b", periodIndex: 0, sales: 100, profit: 30, active: true },
    { customerId: "c", periodIndex: 0, sales: 200, profit: 60, active: true },
    { customerId: "d", periodIndex: 0, sales: 100, profit: 30, active: true },
    { customerId: "a", periodIndex: 1, sales: 150, profit: 45, active: true },
    { customerId: "b", periodIndex: 1, sales: 50, profit: null, active: true },
    { customerId: "d", periodIndex: 1, sales: 100, profit: 30, active: true },
  ];
  const first = new Map([
    ["a", -3],
    ["b", -3],
    ["c", -2],
    ["d", 0],
  ]);
  const cases: [string, number | null][] = [
    ["raw", 0.75],
    ["defection_rate", 0.25],
    ["sales_adjusted", 300 / 500],
    ["profit_adjusted", null],
    ["sales_from_retained", 300],
    ["new_to_retained", 1],
  ];
  it.each(cases)("%s", (metric, expected) => {
    const [v] = targetMetricSeries(rows, first, metric as "raw", [1]);
    if (expected === null) expect(v?.value).toBeNull();
    else expect(v?.value).toBeCloseTo(expected, 12);
  });

  const target = {
    id: "t",
    name: null,
    metric: "defection_rate",
    scope: "all",
    baseline: 0.3,
    goal: 0.2,
    startDay: 0,
    deadlineDay: 100,
  };
  it("compares with the straight line and forecasts by trend", () => {
    const r = targetProgress(target, 0.3, [
      { period: "P1", endDay: 25, value: 0.28 },
      { period: "P2", endDay: 50, value: 0.26 },
    ]);
    expect(r.rows.map((x) => x.planned)).toEqual([0.275, 0.25]);
    expect(r.rows.map((x) => x.onTrack)).toEqual([false, false]);
    expect(r.rows[0]?.ahead).toBeCloseTo(-0.005, 12);
    expect(r.forecast).toBeCloseTo(0.22, 12);
    expect(r.willMeet).toBe(false);
  });
  it("holds the latest value on request, and meets a falling goal", () => {
    const r = targetProgress(target, 0.3, [{ period: "P1", endDay: 25, value: 0.19 }], "hold");
    expect(r.forecast).toBe(0.19);
    expect(r.willMeet).toBe(true);
    expect(r.rows[0]?.onTrack).toBe(true);
  });
});

describe("stable random assignment", () => {
  it("gives the same arm on every run", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `c${i}`);
    const a = ids.map((id) => stableArm("camp-1", id, 0.1));
    const b = ids.map((id) => stableArm("camp-1", id, 0.1));
    expect(b).toEqual(a);
    // Raising the share only moves treatment into control.
    ids.forEach((id, i) => {
      if (a[i] === "control") expect(stableArm("camp-1", id, 0.2)).toBe("control");
    });
  });
  it.each([0.1, 0.25, 0.5])("control share %s within binomial error on 10,000 ids", (share) => {
    const n = 10_000;
    const control = Array.from({ length: n }, (_, i) => stableArm("spring", String(12000 + i), share)).filter(
      (x) => x === "control",
    ).length;
    const se = Math.sqrt((share * (1 - share)) / n);
    expect(Math.abs(control / n - share)).toBeLessThan(3 * se);
  });
});

describe("evaluation maths", () => {
  it("Welch on hand-computed data", () => {
    // means 4 and 2, variances 1 and 1, n 3 and 3: se = sqrt(2/3), df = 4, t(0.975, 4) = 2.776445
    const u = welchUplift([3, 4, 5], [1, 2, 3]);
    expect(u.uplift).toBe(2);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.776445, 5);
    expect(u.low).toBeCloseTo(2 - 2.776445 * Math.sqrt(2 / 3), 5);
    expect(u.high).toBeCloseTo(2 + 2.776445 * Math.sqrt(2 / 3), 5);
    expect(u.pValue).toBeCloseTo(0.0705, 4); // t = 2.4495 on 4 df
  });
  it("Newcombe's worked example (56/70 vs 48/80)", () => {
    const u = newcombeUplift(56, 70, 48, 80);
    expect(u.uplift).toBeCloseTo(0.2, 12);
    expect(u.low).toBeCloseTo(0.0524, 4); // Newcombe (1998) table II, method 10
    expect(u.high).toBeCloseTo(0.3339, 4);
  });

  function simulate(uplift: number, seed: number): MemberOutcome[] {
    const next = seededRandom(seed);
    return Array.from({ length: 4000 }, (_, i): MemberOutcome => {
      const arm = i % 2 === 0 ? "treatment" : "control";
      const extra = arm === "treatment" && next() < uplift;
      const baseBuy = next() < 0.5;
      const purchases = (baseBuy ? 1 + Math.floor(next() * 3) : 0) + (extra ? 1 : 0);
      const sales = purchases * 50;
      return { arm, active: purchases > 0, purchases, sales, profit: sales * 0.3, redeemed: extra };
    });
  }
  it("recovers a planted uplift", () => {
    const e = evaluateArms(simulate(0.2, 7), { costPerContact: 1, costPerRedemption: 2 });
    // 0.2 extra purchases per treated member, 15 profit each → 3 profit per member.
    expect(e.purchases.low).toBeLessThan(0.2);
    expect(e.purchases.high).toBeGreaterThan(0.2);
    expect(e.purchases.low).toBeGreaterThan(0);
    expect(e.profit?.low).toBeLessThan(3);
    expect(e.profit?.high).toBeGreaterThan(3);
    expect(e.cost).toBe(2000 * 1 + e.redemptions * 2);
    expect(e.roi).toBeCloseTo(((e.profit?.uplift ?? 0) * 2000 - e.cost) / e.cost, 10);
    expect(e.tooSmallToTell).toBe(false);
  });
  it("no uplift gives intervals containing 0 and a too-small warning", () => {
    const e = evaluateArms(simulate(0, 11), { costPerContact: 1, costPerRedemption: 0 });
    for (const u of [e.retention, e.purchases, e.sales]) {
      expect(u.low).toBeLessThan(0);
      expect(u.high).toBeGreaterThan(0);
    }
    expect(e.tooSmallToTell).toBe(true);
  });
  it("warns when control has fewer than 100 members", () => {
    const small = simulate(0.5, 3).slice(0, 150);
    const e = evaluateArms(small, { costPerContact: 0, costPerRedemption: 0 });
    expect(e.warnings.some((w) => /fewer than 100/.test(w))).toBe(true);
  });
  it("adds up the programme", () => {
    const t = programmeTotals([
      { campaignId: "a", cost: 100, incrementalProfit: 250, tooSmallToTell: false },
      { campaignId: "b", cost: 50, incrementalProfit: null, tooSmallToTell: true },
    ]);
    expect(t).toMatchObject({
      cost: 150,
      incrementalProfit: 250,
      net: 100,
      profitUnknown: ["b"],
      inconclusive: ["b"],
    });
    expect(t.roi).toBeCloseTo(100 / 150, 12);
  });
});

describe("economics", () => {
  it("values a point of retention and a customer", () => {
    expect(expectedYears(0.5, 3)).toBeCloseTo(1.75, 12);
    const r = retentionEconomics({
      activeBase: 4000,
      meanClv: null,
      meanAnnualValue: 500,
      annualValueBasis: "profit",
      annualRetention: 0.5,
      horizonYears: 3,
      discountRate: 0,
      acquisitionCost: 200,
      retentionCostRatio: 0.1,
      groupBy: "branch",
      groups: [{ name: "X", customers: 100, meanAnnualValue: 4000, annualRetention: 0.5 }],
    });
    expect(r.customerValue).toBeCloseTo(875, 9);
    expect(r.valueOfOnePoint).toBeCloseTo(0.01 * 4000 * 875, 9);
    expect(r.retentionCost).toBe(20);
    expect(r.groups[0]?.sentence).toMatch(/^a customer of branch X is worth 7,000 over 3 years/);
  });
});
