import {
  type CustomerFeatures,
  type DefectionRules,
  defaultDefectionRules,
  defectionReason,
  evaluateDefection,
  nextStatus,
  parseDefectionRules,
  purchaseHorizon,
  type ReasonFacts,
  retryDelay,
  valueAtStake,
  verifyWebhookSignature,
  webhookSignature,
  wilsonInterval,
} from "@vafa/core";
import { describe, expect, it } from "vitest";

const AS_OF = 20_000;

function features(over: Partial<CustomerFeatures> = {}): CustomerFeatures {
  return {
    customerId: "c",
    segment: null,
    branch: null,
    owner: null,
    purchases: 10,
    firstDay: AS_OF - 300,
    lastDay: AS_OF - 10,
    ownGap: 10,
    segmentGap: 30,
    baseGap: 50,
    windows: [{ recentPurchases: 3, baselinePurchases: 9, recentSpend: 300, baselineSpend: 900 }],
    sales12m: 1000,
    profit12m: 400,
    pAlive: null,
    pPurchase: null,
    clv: null,
    contractEnd: null,
    renewed: false,
    ...over,
  };
}

const silence: DefectionRules = {
  combine: "any",
  rules: [{ kind: "silence", atRisk: 2, defected: 4, floorDays: 5, minPurchases: 3, fallback: "segment" }],
};
const drops = (kind: "frequency_drop" | "spend_drop"): DefectionRules => ({
  combine: "any",
  rules: [{ kind, recentDays: 90, baselineDays: 270, atRisk: 0.5, defected: 0, minBaselinePurchases: 3 }],
});

describe("evaluateDefection", () => {
  it.each([
    ["silent exactly 2 × gap: not fired", silence, features({ lastDay: AS_OF - 20 }), "active", null],
    ["silent 2 × gap + 1: at risk", silence, features({ lastDay: AS_OF - 21 }), "at_risk", AS_OF],
    [
      "silent exactly 4 × gap: still at risk",
      silence,
      features({ lastDay: AS_OF - 40 }),
      "at_risk",
      AS_OF - 19,
    ],
    ["silent 4 × gap + 1: defected", silence, features({ lastDay: AS_OF - 41 }), "defected", AS_OF],
    ["floor beats a tiny gap", silence, features({ ownGap: 1, lastDay: AS_OF - 5 }), "active", null],
    ["past the floor", silence, features({ ownGap: 1, lastDay: AS_OF - 6 }), "defected", AS_OF],
    [
      "one purchase uses the segment gap (30): 61 days is at risk",
      silence,
      features({ purchases: 1, ownGap: null, segment: "retail", lastDay: AS_OF - 61 }),
      "at_risk",
      AS_OF,
    ],
    [
      "one purchase, no segment gap: the base gap (50) keeps 61 days active",
      silence,
      features({ purchases: 1, ownGap: null, segmentGap: null, lastDay: AS_OF - 61 }),
      "active",
      null,
    ],
    [
      "two purchases are below minPurchases: segment gap, not own",
      silence,
      features({ purchases: 2, ownGap: 5, lastDay: AS_OF - 30 }),
      "active",
      null,
    ],
    // Baseline 9 in 270 days predicts 3 in 90: 1.5 is exactly 50% (fires), 2 is above.
    [
      "frequency at exactly 50%: at risk",
      drops("frequency_drop"),
      features({
        windows: [{ recentPurchases: 1.5, baselinePurchases: 9, recentSpend: 0, baselineSpend: 0 }],
      }),
      "at_risk",
      AS_OF,
    ],
    [
      "frequency at 67%: active",
      drops("frequency_drop"),
      features({ windows: [{ recentPurchases: 2, baselinePurchases: 9, recentSpend: 0, baselineSpend: 0 }] }),
      "active",
      null,
    ],
    [
      "frequency to zero: defected",
      drops("frequency_drop"),
      features({ windows: [{ recentPurchases: 0, baselinePurchases: 9, recentSpend: 0, baselineSpend: 0 }] }),
      "defected",
      AS_OF,
    ],
    [
      "thin baseline: no verdict",
      drops("frequency_drop"),
      features({ windows: [{ recentPurchases: 0, baselinePurchases: 2, recentSpend: 0, baselineSpend: 0 }] }),
      "active",
      null,
    ],
    [
      "spend down 60%: at risk",
      drops("spend_drop"),
      features({
        windows: [{ recentPurchases: 3, baselinePurchases: 9, recentSpend: 120, baselineSpend: 900 }],
      }),
      "at_risk",
      AS_OF,
    ],
    ["spend steady: active", drops("spend_drop"), features(), "active", null],
    [
      "a customer who started 100 days before the recent window has a 100-day baseline",
      drops("frequency_drop"),
      features({
        firstDay: AS_OF - 189,
        windows: [{ recentPurchases: 1, baselinePurchases: 4, recentSpend: 0, baselineSpend: 0 }],
      }),
      "at_risk",
      AS_OF,
    ],
    [
      "model: P(alive) 0.18 below 0.2",
      { combine: "any", rules: [{ kind: "model", atRisk: 0.5, defected: 0.2 }] },
      features({ pAlive: 0.18 }),
      "defected",
      AS_OF,
    ],
    [
      "model: P(alive) exactly 0.5 is not below",
      { combine: "any", rules: [{ kind: "model", atRisk: 0.5, defected: 0.2 }] },
      features({ pAlive: 0.5 }),
      "active",
      null,
    ],
    [
      "model without a score: no verdict",
      { combine: "any", rules: [{ kind: "model", atRisk: 0.5, defected: 0.2 }] },
      features(),
      "active",
      null,
    ],
    [
      "model: P(purchase) 0.3 below 0.4 reads pPurchase, not pAlive",
      { combine: "any", rules: [{ kind: "model", measure: "p_purchase", atRisk: 0.4, defected: 0.25 }] },
      features({ pAlive: 0.99, pPurchase: 0.3 }),
      "at_risk",
      AS_OF,
    ],
    [
      "model: P(purchase) missing gives no verdict, so under `all` silence decides alone",
      {
        combine: "all",
        rules: [
          { kind: "silence", atRisk: 2, defected: 4, floorDays: 5, minPurchases: 3, fallback: "segment" },
          { kind: "model", measure: "p_purchase", atRisk: 0.4, defected: 0.25 },
        ],
      },
      features({ lastDay: AS_OF - 21, pAlive: 0.1 }),
      "at_risk",
      AS_OF,
    ],
    [
      "all: silence past 4 gaps but P(purchase) 0.6 — the model vetoes",
      {
        combine: "all",
        rules: [
          { kind: "silence", atRisk: 2, defected: 4, floorDays: 5, minPurchases: 3, fallback: "segment" },
          { kind: "model", measure: "p_purchase", atRisk: 0.4, defected: 0.25 },
        ],
      },
      features({ lastDay: AS_OF - 50, pPurchase: 0.6 }),
      "active",
      null,
    ],
    [
      "contract ended 10 days ago, not renewed",
      {
        combine: "any",
        rules: [{ kind: "contract", atRiskDays: 0, defectedDays: 30, renewalWindowDays: 90 }],
      },
      features({ contractEnd: AS_OF - 10 }),
      "at_risk",
      AS_OF - 9,
    ],
    [
      "contract ended 31 days ago: defected",
      {
        combine: "any",
        rules: [{ kind: "contract", atRiskDays: 0, defectedDays: 30, renewalWindowDays: 90 }],
      },
      features({ contractEnd: AS_OF - 31 }),
      "defected",
      AS_OF,
    ],
    [
      "contract renewed",
      {
        combine: "any",
        rules: [{ kind: "contract", atRiskDays: 0, defectedDays: 30, renewalWindowDays: 90 }],
      },
      features({ contractEnd: AS_OF - 31, renewed: true }),
      "active",
      null,
    ],
    [
      "any-of: silence defected wins over spend at risk",
      { combine: "any", rules: [...silence.rules, ...drops("spend_drop").rules] },
      features({
        lastDay: AS_OF - 41,
        windows: [{ recentPurchases: 3, baselinePurchases: 9, recentSpend: 120, baselineSpend: 900 }],
      }),
      "defected",
      AS_OF,
    ],
    [
      "all-of: spend at risk but silence active gives active",
      { combine: "all", rules: [...silence.rules, ...drops("spend_drop").rules] },
      features({
        windows: [{ recentPurchases: 3, baselinePurchases: 9, recentSpend: 120, baselineSpend: 900 }],
      }),
      "active",
      null,
    ],
  ] as const)("%s", (_name, rules, f, level, firedDay) => {
    const e = evaluateDefection(f, rules as DefectionRules, AS_OF);
    expect(e.level).toBe(level);
    expect(e.firedDay).toBe(firedDay);
  });

  it("names the rule that fired", () => {
    const rules: DefectionRules = {
      combine: "any",
      rules: [
        ...silence.rules,
        {
          kind: "spend_drop",
          recentDays: 90,
          baselineDays: 270,
          atRisk: 0.5,
          defected: 0,
          minBaselinePurchases: 3,
          name: "wallet",
        },
      ],
    };
    const e = evaluateDefection(
      features({
        windows: [{ recentPurchases: 3, baselinePurchases: 9, recentSpend: 0, baselineSpend: 900 }],
      }),
      rules,
      AS_OF,
    );
    expect([e.level, e.rule, e.facts.spendChange]).toEqual(["defected", "wallet", -1]);
  });
});

describe("nextStatus", () => {
  it.each([
    [null, "at_risk", 10, "at_risk"],
    [{ status: "defected", sinceDay: 100 }, "at_risk", 101, "reactivated"],
    [{ status: "defected", sinceDay: 100 }, "defected", 101, "reactivated"],
    [{ status: "defected", sinceDay: 100 }, "active", 90, "active"],
    [{ status: "defected", sinceDay: 100 }, "defected", 90, "defected"],
    [{ status: "reactivated", sinceDay: 100 }, "active", 120, "reactivated"],
    [{ status: "reactivated", sinceDay: 100 }, "at_risk", 120, "at_risk"],
    [{ status: "at_risk", sinceDay: 100 }, "active", 120, "active"],
  ] as const)("%j + %s (last purchase %d) → %s", (prev, verdict, last, expected) => {
    expect(nextStatus(prev, verdict, last)).toBe(expected);
  });
});

describe("defectionReason", () => {
  const facts: ReasonFacts = {
    purchases: 40,
    typicalGap: 9,
    gapSource: "own",
    historyDays: 365,
    silentDays: 41,
    frequencyChange: null,
    spendChange: -0.6,
    pAlive: 0.18,
    pPurchase: null,
    purchaseHorizonDays: null,
    contractEndedDaysAgo: null,
  };
  it.each([
    ["en", facts, "bought every 9 days for 12 months; nothing for 41 days; spend down 60%; P(alive) 0.18"],
    [
      "fa",
      facts,
      "۱۲ ماه هر ۹ روز یک‌بار خرید می‌کرد؛ ۴۱ روز است خریدی نکرده؛ مبلغ خرید ۶۰٪ کم شده؛ احتمال فعال ماندن ۰٫۱۸",
    ],
    [
      "ar",
      facts,
      "كان يشتري كل ٩ أيام لمدة ١٢ شهرًا؛ لا مشتريات منذ ٤١ يومًا؛ انخفض الإنفاق بنسبة ٦٠٪؛ احتمال بقائه نشطًا ٠٫١٨",
    ],
    [
      "en",
      {
        ...facts,
        purchases: 1,
        typicalGap: 34,
        gapSource: "segment",
        historyDays: 0,
        spendChange: null,
        pAlive: null,
        silentDays: 1,
      },
      "bought once (customers like this buy every 34 days); nothing for 1 day",
    ],
    [
      "en",
      {
        ...facts,
        typicalGap: null,
        gapSource: null,
        spendChange: null,
        pAlive: null,
        frequencyChange: -0.5,
        contractEndedDaysAgo: 12,
      },
      "nothing for 41 days; visits down 50%; contract ended 12 days ago and was not renewed",
    ],
    [
      "en",
      { ...facts, spendChange: null, pAlive: null, pPurchase: 0.312, purchaseHorizonDays: 90 },
      "bought every 9 days for 12 months; nothing for 41 days; P(purchase within 90 days) 0.31",
    ],
    [
      "fa",
      { ...facts, spendChange: null, pAlive: null, pPurchase: 0.312, purchaseHorizonDays: 90 },
      "۱۲ ماه هر ۹ روز یک‌بار خرید می‌کرد؛ ۴۱ روز است خریدی نکرده؛ احتمال خرید در ۹۰ روز آینده ۰٫۳۱",
    ],
    [
      "ar",
      { ...facts, spendChange: null, pAlive: null, pPurchase: 0.312, purchaseHorizonDays: 90 },
      "كان يشتري كل ٩ أيام لمدة ١٢ شهرًا؛ لا مشتريات منذ ٤١ يومًا؛ احتمال الشراء خلال ٩٠ يومًا ٠٫٣١",
    ],
  ] as const)("%s: %s", (locale, f, expected) => {
    expect(defectionReason(f, locale)).toBe(expected);
  });

  it("uses no Latin digits in Persian and Arabic", () => {
    for (const locale of ["fa", "ar"] as const) expect(defectionReason(facts, locale)).not.toMatch(/[0-9]/);
  });
});

describe("value at stake and priority", () => {
  it.each([
    [
      "CLV × (1 − P(alive)) when scored",
      features({ clv: 1200, pAlive: 0.25 }),
      "at_risk",
      { value: 1200, basis: "clv", priority: 900 },
    ],
    ["12-month profit × severity", features(), "at_risk", { value: 400, basis: "profit_12m", priority: 200 }],
    [
      "sales when the cost is unknown",
      features({ profit12m: null }),
      "defected",
      { value: 1000, basis: "sales_12m", priority: 1000 },
    ],
    [
      "never negative",
      features({ profit12m: -50 }),
      "defected",
      { value: 0, basis: "profit_12m", priority: 0 },
    ],
  ] as const)("%s", (_n, f, level, expected) => {
    expect(valueAtStake(f, level)).toEqual(expected);
  });
});

describe("parseDefectionRules", () => {
  it("reads a P(purchase) model rule with a 90-day default horizon, and the default rules round-trip", () => {
    expect(parseDefectionRules({ rules: [{ kind: "model", measure: "p_purchase", atRisk: 0.4 }] })).toEqual({
      combine: "any",
      rules: [{ kind: "model", measure: "p_purchase", horizonDays: 90, atRisk: 0.4, defected: 0.2 }],
    });
    expect(parseDefectionRules(JSON.parse(JSON.stringify(defaultDefectionRules)))).toEqual(
      defaultDefectionRules,
    );
    expect(purchaseHorizon(defaultDefectionRules)).toBe(90);
    expect(
      purchaseHorizon({ combine: "any", rules: [{ kind: "model", atRisk: 0.5, defected: 0.2 }] }),
    ).toBeNull();
  });
  it("fills defaults", () => {
    expect(parseDefectionRules({ rules: [{ kind: "silence" }] })).toEqual({
      combine: "any",
      rules: [
        { kind: "silence", atRisk: 2, defected: 4, floorDays: 14, minPurchases: 3, fallback: "segment" },
      ],
    });
  });
  it.each([
    [{ rules: [] }, /non-empty/],
    [{ rules: [{ kind: "mood" }] }, /kind must be one of/],
    [{ rules: [{ kind: "silence", atRisk: 4, defected: 2 }] }, /atRisk \(4\) must not exceed defected/],
    [
      { rules: [{ kind: "spend_drop", atRisk: 0.2, defected: 0.5 }] },
      /defected \(0.5\) must not exceed atRisk/,
    ],
    [{ rules: [{ kind: "model", atRisk: 2 }] }, /between 0 and 1/],
    [{ combine: "most", rules: [{ kind: "model" }] }, /combine/],
    [{ rules: [{ kind: "model" }, { kind: "model" }] }, /named "model"/],
    [{ rules: [{ kind: "model", measure: "p_churn" }] }, /measure must be "p_alive" or "p_purchase"/],
    [{ rules: [{ kind: "model", horizonDays: 30 }] }, /horizonDays applies to "measure": "p_purchase" only/],
    [
      {
        rules: [
          { kind: "model", name: "q", measure: "p_purchase", horizonDays: 90 },
          { kind: "model", name: "y", measure: "p_purchase", horizonDays: 365 },
        ],
      },
      /share one horizonDays, got 90 and 365/,
    ],
  ])("rejects %j", (value, message) => {
    expect(() => parseDefectionRules(value)).toThrow(message);
  });
});

describe("helpers", () => {
  it.each([
    [2, 10, 0.0567, 0.5098],
    [0, 10, 0, 0.2775],
    [50, 100, 0.4038, 0.5962],
  ])("wilson(%d/%d) ≈ [%d, %d]", (k, n, low, high) => {
    const ci = wilsonInterval(k, n);
    expect(ci.low).toBeCloseTo(low, 3);
    expect(ci.high).toBeCloseTo(high, 3);
  });
  it("signs and verifies webhooks", () => {
    const sig = webhookSignature("s3cret-key", "1700000000", '{"a":1}');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature("s3cret-key", "1700000000", '{"a":1}', sig)).toBe(true);
    expect(verifyWebhookSignature("s3cret-key", "1700000001", '{"a":1}', sig)).toBe(false);
  });
  it.each([
    [1, 0, 500],
    [1, 1, 1000],
    [3, 0.5, 3000],
    [30, 1, 10_000],
  ])("retry delay after %d attempts (random %d) = %d ms", (attempts, r, ms) => {
    expect(retryDelay(attempts, { baseDelayMs: 1000, maxDelayMs: 10_000, maxAttempts: 5 }, () => r)).toBe(ms);
  });
});
