import { readFileSync } from "node:fs";
import {
  analyseDrivers,
  checkSurveyAnswers,
  DEFAULT_EXIT_REASONS,
  type DriverDataset,
  defectorProfiles,
  detectLeak,
  driverSentence,
  fitRidgeLogistic,
  identifierKind,
  LOCALES,
  matchColumn,
  npsCategory,
  parseComplaintStatus,
  parseCsv,
  questionnaireReason,
  relativeRisk,
  SURVEY_TYPES,
  summariseReasons,
  surveyQuestionnaire,
  tableDriverDataset,
} from "@vafa/core";
import { describe, expect, it } from "vitest";

/** mulberry32: a small seeded generator so the planted data are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 3,000 customers: complaint X (25%) triples the defection rate (10% → 30%), complaint Y (25%) has no effect. */
function planted(): DriverDataset {
  const rnd = random(20240601);
  const n = 3000;
  const x = new Uint8Array(n);
  const y = new Uint8Array(n);
  const outcome = new Uint8Array(n);
  const value = new Float64Array(n);
  const channel: string[] = [];
  for (let i = 0; i < n; i++) {
    x[i] = rnd() < 0.25 ? 1 : 0;
    y[i] = rnd() < 0.25 ? 1 : 0;
    outcome[i] = rnd() < (x[i] === 1 ? 0.3 : 0.1) ? 1 : 0;
    value[i] = Math.round(50 + rnd() * 450);
    channel.push(rnd() < 0.6 ? "store" : "web");
  }
  return {
    ids: Array.from({ length: n }, (_, i) => `c${i}`),
    outcome,
    value,
    valueBasis: "profit_12m",
    columns: [
      { kind: "flag", name: "complaint:x", label: "a complaint about x", values: x },
      { kind: "flag", name: "complaint:y", label: "a complaint about y", values: y },
      { kind: "category", name: "channel", values: channel },
    ],
  };
}

describe("relative risk and the ridge logistic regression", () => {
  it.each([
    [30, 100, 10, 100, 3, Math.sqrt(1 / 30 - 1 / 100 + 1 / 10 - 1 / 100)],
    [5, 50, 20, 400, 2, Math.sqrt(1 / 5 - 1 / 50 + 1 / 20 - 1 / 400)],
  ])("RR of %d/%d vs %d/%d is %d with the Katz interval", (a, n1, c, n0, rr, se) => {
    const r = relativeRisk(a, n1, c, n0);
    expect(r.value).toBeCloseTo(rr, 10);
    expect(r.low).toBeCloseTo(rr * Math.exp(-1.959964 * se), 10);
    expect(r.high).toBeCloseTo(rr * Math.exp(1.959964 * se), 10);
  });

  it("adds 0.5 to every cell when one is empty", () => {
    const r = relativeRisk(0, 10, 5, 10);
    expect(r.value).toBeCloseTo(0.5 / 11 / (5.5 / 11), 10);
    expect(Number.isFinite(r.high)).toBe(true);
  });

  it("without a penalty reproduces the 2×2 odds ratio and its Woolf standard error", () => {
    const fit = fitRidgeLogistic(
      {
        rows: 2,
        columns: 1,
        x: Float64Array.from([0, 1]),
        successes: Float64Array.from([10, 30]),
        trials: Float64Array.from([100, 100]),
      },
      { lambda: 0 },
    );
    expect(fit.converged).toBe(true);
    expect(Math.exp(fit.coefficients[1] ?? 0)).toBeCloseTo(30 / 70 / (10 / 90), 8);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(1 / 30 + 1 / 70 + 1 / 10 + 1 / 90), 6);
    // The penalty pulls the estimate toward 1, a little.
    const ridge = fitRidgeLogistic(
      {
        rows: 2,
        columns: 1,
        x: Float64Array.from([0, 1]),
        successes: Float64Array.from([10, 30]),
        trials: Float64Array.from([100, 100]),
      },
      { lambda: 1 },
    );
    expect(ridge.coefficients[1]).toBeLessThan(fit.coefficients[1] ?? 0);
    expect(ridge.coefficients[1]).toBeGreaterThan((fit.coefficients[1] ?? 0) * 0.8);
  });

  it("stays finite on perfectly collinear columns with the default penalty", () => {
    const fit = fitRidgeLogistic({
      rows: 2,
      columns: 2,
      x: Float64Array.from([0, 0, 1, 1]),
      successes: Float64Array.from([10, 30]),
      trials: Float64Array.from([100, 100]),
    });
    expect(fit.coefficients[1]).toBeCloseTo(fit.coefficients[2] ?? 0, 8);
    expect(Number.isFinite(fit.standardErrors[1])).toBe(true);
  });
});

describe("driver analysis on a planted effect", () => {
  const data = planted();
  const report = analyseDrivers(data);

  it("ranks X first, and Y's relative-risk and odds-ratio intervals contain 1", () => {
    expect(report.drivers[0]?.id).toBe("complaint:x");
    const x = report.drivers.find((d) => d.id === "complaint:x");
    const y = report.drivers.find((d) => d.id === "complaint:y");
    expect(x?.relativeRisk).toBeGreaterThan(2.4);
    expect(x?.relativeRisk).toBeLessThan(3.6);
    expect(x?.relativeRiskLow).toBeGreaterThan(1);
    expect(x?.oddsRatioLow).toBeGreaterThan(1);
    expect(x?.significant).toBe(true);
    expect(y?.relativeRiskLow).toBeLessThan(1);
    expect(y?.relativeRiskHigh).toBeGreaterThan(1);
    expect(y?.oddsRatioLow).toBeLessThan(1);
    expect(y?.oddsRatioHigh).toBeGreaterThan(1);
    expect(y?.significant).toBe(false);
  });

  it("computes the value at stake as (rate with − rate without) × value of the customers with it", () => {
    let nWith = 0;
    let dWith = 0;
    let dWithout = 0;
    let valueWith = 0;
    data.outcome.forEach((o, i) => {
      const xi = (data.columns[0] as { values: Uint8Array }).values[i];
      if (xi === 1) {
        nWith++;
        dWith += o;
        valueWith += data.value[i] ?? 0;
      } else dWithout += o;
    });
    const excess = dWith / nWith - dWithout / (3000 - nWith);
    const x = report.drivers.find((d) => d.id === "complaint:x");
    expect(x?.customersWith).toBe(nWith);
    expect(x?.valueWith).toBeCloseTo(valueWith, 6);
    expect(x?.valueAtStake).toBeCloseTo(excess * valueWith, 6);
    expect(x?.customersRetained).toBeCloseTo(excess * nWith, 6);
    const pWith = dWith / nWith;
    const pWithout = dWithout / (3000 - nWith);
    const se = Math.sqrt((pWith * (1 - pWith)) / nWith + (pWithout * (1 - pWithout)) / (3000 - nWith));
    expect(x?.customersRetainedLow).toBeCloseTo((excess - 1.959964 * se) * nWith, 9);
    expect(x?.valueAtStakeHigh).toBeCloseTo((excess + 1.959964 * se) * valueWith, 6);
    const w = (v: number) => Math.round(v).toLocaleString("en-US");
    expect(x?.sentence).toBe(
      `Customers with a complaint about x defect ${x?.relativeRisk.toFixed(2)}× as often as those without it (${x?.relativeRiskLow.toFixed(2)}–${x?.relativeRiskHigh.toFixed(2)}; ${(pWith * 100).toFixed(1)}% against ${(pWithout * 100).toFixed(1)}%). Fixing it would keep about ${w(excess * nWith)} customers (${w((excess - 1.959964 * se) * nWith)}–${w((excess + 1.959964 * se) * nWith)}) worth ${w(excess * valueWith)} (${w((excess - 1.959964 * se) * valueWith)}–${w((excess + 1.959964 * se) * valueWith)}).`,
    );
  });

  it("gives the return on a fix when its cost is given", () => {
    const r = analyseDrivers(data, { fixCosts: { "complaint:x": 10_000 } });
    const x = r.drivers.find((d) => d.id === "complaint:x");
    expect(x?.fixCost).toBe(10_000);
    expect(x?.returnOnFix).toBeCloseTo(((x?.valueAtStake ?? 0) - 10_000) / 10_000, 12);
    expect(x?.returnOnFixLow).toBeCloseTo(((x?.valueAtStakeLow ?? 0) - 10_000) / 10_000, 12);
    expect(r.drivers.find((d) => d.id === "complaint:y")?.returnOnFix).toBeNull();
    expect(x?.sentence).toMatch(/; against a fix costing 10,000 that returns \d+\.\d% \(/);
  });
});

describe("questionnaires", () => {
  it.each(SURVEY_TYPES)("%s has every text in en, fa and ar with the same ids", (type) => {
    const q = surveyQuestionnaire(type);
    for (const l of LOCALES) {
      expect(q.title[l].length).toBeGreaterThan(0);
      for (const question of q.questions) {
        expect(question.text[l].length, `${question.id} ${l}`).toBeGreaterThan(0);
        for (const o of question.options ?? []) expect(o.label[l].length).toBeGreaterThan(0);
      }
    }
    expect(new Set(q.questions.map((x) => x.id)).size).toBe(q.questions.length);
  });

  it("asks the exit reason from the worklist taxonomy, with a concrete follow-up per reason", () => {
    const q = surveyQuestionnaire("exit");
    const reason = q.questions.find((x) => x.id === "exit_reason");
    expect(reason?.options?.map((o) => o.code)).toEqual(DEFAULT_EXIT_REASONS);
    const competitor = q.questions.find((x) => x.id === "exit_competitor_offer_detail");
    expect(competitor?.text.en).toBe("Which competitor, and what did they offer?");
    expect(competitor?.when).toEqual({ question: "exit_reason", answer: "competitor_offer" });
    expect(q.questions.filter((x) => x.when !== undefined)).toHaveLength(DEFAULT_EXIT_REASONS.length);
    expect(q.questions.some((x) => x.kind === "scale")).toBe(false);
  });

  it("takes a business's own taxonomy", () => {
    const q = surveyQuestionnaire("exit", { reasons: ["price", "late_delivery"] });
    expect(q.questions.map((x) => x.id).slice(0, 3)).toEqual([
      "exit_reason",
      "exit_price_detail",
      "exit_late_delivery_detail",
    ]);
  });

  it.each([
    ["exit", [{ question: "exit_reason", value: "Price" }], [{ question: "exit_reason", reason: "price" }]],
    ["nps", [{ question: "nps_score", value: "3" }], [{ question: "nps_score", score: 3 }]],
  ] as const)("checks %s answers", (type, answers, expected) => {
    expect(checkSurveyAnswers(surveyQuestionnaire(type), answers)).toMatchObject(expected);
  });

  it.each([
    ["exit", [{ question: "exit_reason", value: "bored" }], /not an answer/],
    ["exit", [{ question: "exit_win_back", value: "x" }], /needs an answer/],
    ["nps", [{ question: "nps_score", value: 11 }], /from 0 to 10/],
    ["csat", [{ question: "overall", value: 3 }], /not in the csat/],
  ] as const)("rejects bad %s answers", (type, answers, message) => {
    expect(() => checkSurveyAnswers(surveyQuestionnaire(type), answers)).toThrow(message);
  });

  it.each([
    [0, "detractor"],
    [6, "detractor"],
    [7, "passive"],
    [8, "passive"],
    [9, "promoter"],
  ] as const)("NPS %d is %s", (score, category) => {
    expect(npsCategory(score)).toBe(category);
  });

  it("parses complaint statuses", () => {
    expect(parseComplaintStatus(" In_Progress ")).toBe("in_progress");
    expect(() => parseComplaintStatus("done")).toThrow(/open, in_progress, resolved, closed/);
  });
});

describe("reason analysis on a hand table", () => {
  // 19000 = 2022-01-08, 19100 = 2022-04-18.
  const rows = [
    {
      customer_id: "a",
      reason: "price",
      d: 19000,
      source: "contact",
      segment: "gold",
      branch: "n",
      clv: 500,
    },
    {
      customer_id: "b",
      reason: "price",
      d: 19000,
      source: "exit_survey",
      segment: "gold",
      branch: "s",
      sales_12m: 300,
      profit_12m: 90,
      cost_lines: 3,
      lines: 3,
    },
    // c: a contact then a later exit survey — the survey (latest) counts.
    {
      customer_id: "c",
      reason: "price",
      d: 19000,
      source: "contact",
      segment: null,
      branch: "n",
      sales_12m: 200,
      lines: 2,
    },
    {
      customer_id: "c",
      reason: "competitor_offer",
      d: 19100,
      source: "exit_survey",
      segment: null,
      branch: "n",
      sales_12m: 200,
      cost_lines: 1,
      lines: 2,
    },
  ];

  it("counts one reason per customer and values it by CLV, else profit, else sales", () => {
    const r = summariseReasons(rows);
    expect(r.customers).toBe(3);
    expect(r.value).toBe(500 + 90 + 200);
    expect(r.valueBasis).toEqual({ clv: 1, profit_12m: 1, sales_12m: 1, given: 0 });
    expect(r.rows).toEqual([
      {
        reason: "price",
        group: "(all)",
        customers: 2,
        share: 2 / 3,
        value: 590,
        valueShare: 590 / 790,
        sales12m: 300,
        clv: 500,
        questionnaireReason: "price",
      },
      {
        reason: "competitor_offer",
        group: "(all)",
        customers: 1,
        share: 1 / 3,
        value: 200,
        valueShare: 200 / 790,
        sales12m: 200,
        clv: null,
        questionnaireReason: "competitor_offer",
      },
    ]);
  });

  it("groups by branch and gives the trend per quarter", () => {
    const r = summariseReasons(rows, { by: "branch", period: "quarter" });
    expect(r.rows.map((x) => [x.group, x.reason, x.customers, x.value])).toEqual([
      ["n", "price", 1, 500],
      ["n", "competitor_offer", 1, 200],
      ["s", "price", 1, 90],
    ]);
    expect(r.trend.map((x) => [x.period, x.reason, x.customers])).toEqual([
      ["2022-Q1", "price", 2],
      ["2022-Q2", "competitor_offer", 1],
    ]);
  });
});

describe("defector profiles", () => {
  it.each([
    ["profit (costs known)", true, "profit", [true, false]],
    ["revenue only", false, "revenue (Monthlycharge × 12)", [false, false]],
  ] as const)(
    "with %s, flags costly to serve only when costs are known",
    (_, costKnown, valueLabel, costly) => {
      const inputs = [
        ...Array.from({ length: 100 }, (_, i) => ({
          groups: { channel: "web" },
          defected: i < 60,
          profit: 10,
        })),
        ...Array.from({ length: 300 }, (_, i) => ({
          groups: { channel: "store" },
          defected: i < 30,
          profit: 50,
        })),
      ];
      const r = defectorProfiles(inputs, ["channel"], { costKnown, valueLabel });
      expect([r.valueLabel, r.costKnown, r.baseMeanValue]).toEqual([valueLabel, costKnown, 40]);
      expect(
        r.rows.map((x) => [x.group, x.likelyToLeave, x.belowAverageValue, x.costlyAndLikelyToLeave]),
      ).toEqual([
        ["web", true, true, costly[0]],
        ["store", false, false, costly[1]],
      ]);
    },
  );

  it("flags groups that defect clearly more and earn less than the base", () => {
    const inputs = [
      ...Array.from({ length: 100 }, (_, i) => ({
        groups: { channel: "web" },
        defected: i < 60,
        profit: 10,
      })),
      ...Array.from({ length: 300 }, (_, i) => ({
        groups: { channel: "store" },
        defected: i < 30,
        profit: 50,
      })),
    ];
    const r = defectorProfiles(inputs, ["channel"]);
    expect(r.baseRate).toBeCloseTo(90 / 400, 10);
    expect(r.baseMeanValue).toBeCloseTo(40, 10);
    expect(r.rows.map((x) => [x.group, x.customers, x.rate, x.meanValue, x.costlyAndLikelyToLeave])).toEqual([
      ["web", 100, 0.6, 10, true],
      ["store", 300, 0.1, 50, false],
    ]);
    // Who not to attract: each profile against the rest, and what its defectors took.
    expect(
      r.rows.map((x) => [
        x.group,
        x.restCustomers,
        x.restRate,
        x.restMeanValue,
        x.relativeRisk?.toFixed(12),
        x.valueLost,
      ]),
    ).toEqual([
      ["web", 300, 0.1, 50, (6).toFixed(12), 600],
      ["store", 100, 0.6, 10, (0.1 / 0.6).toFixed(12), 1500],
    ]);
  });
});

describe("the telco churn file", () => {
  const text = readFileSync(
    new URL("../../../data/telco-churn/Telco-Customer-Churn.csv", import.meta.url),
    "utf8",
  );
  const data = tableDriverDataset(parseCsv(text), {
    outcome: "Churn",
    positive: "Yes",
    value: "MonthlyCharges",
    valueMultiplier: 12,
  });
  const report = analyseDrivers(data);

  it("finds the known strong drivers near the top", () => {
    expect(report.customers).toBe(7043);
    expect(report.defected).toBe(1869);
    expect(report.converged).toBe(true);
    // tenure describes the customer: adjusted for, never a driver.
    expect(report.drivers.some((d) => d.column === "tenure")).toBe(false);
    expect(report.adjustedFor).toEqual(expect.arrayContaining(["tenure", "gender", "SeniorCitizen"]));
    // Each category is measured against its largest level unless chosen: month-to-month is the
    // largest contract, so it is the reference, and no driver is its own reference.
    expect(report.drivers.some((d) => d.level === d.reference)).toBe(false);
    expect(report.drivers.find((d) => d.id === "Contract=Two year")?.reference).toBe("Month-to-month");
    const chosen = analyseDrivers(data, { references: { contract: "two year" } });
    const m2m = chosen.drivers.find((d) => d.id === "Contract=Month-to-month");
    expect([m2m?.reference, m2m?.oddsRatioSignificant]).toEqual(["Two year", true]);
    expect(m2m?.oddsRatio).toBeGreaterThan(3);
    expect(chosen.drivers.find((d) => d.id === "Contract=Two year")).toBeUndefined();
    expect(chosen.drivers[0]?.id).toBe("Contract=Month-to-month");
    expect(() => analyseDrivers(data, { references: { Contract: "Three year" } })).toThrow(
      '--reference "Three year" is not a level of Contract (levels: Month-to-month, One year, Two year)',
    );
    // The identifier and leak guards leave nothing of this file out: the figures are the same.
    expect(report.leftOut).toEqual([]);
    expect(report.population).toBe("Churn = Yes against No");
    // "No internet service" is the same customers in seven columns: merged into one driver.
    expect(report.drivers.find((d) => d.id === "InternetService=No")?.aliases).toHaveLength(6);
    const top = report.drivers.slice(0, 10).map((d) => ({
      driver: d.id,
      rr: `${d.relativeRisk.toFixed(2)} [${d.relativeRiskLow.toFixed(2)}–${d.relativeRiskHigh.toFixed(2)}]`,
      or: `${d.oddsRatio?.toFixed(2)} [${d.oddsRatioLow?.toFixed(2)}–${d.oddsRatioHigh?.toFixed(2)}]`,
      valueAtStake: Math.round(d.valueAtStake),
      kept: Math.round(d.customersRetained),
    }));
    console.log("telco top drivers by value at stake (value = MonthlyCharges × 12):");
    console.table(top);
  });
});

describe("reading a real export: columns, identifiers and leaks", () => {
  const header = ["Customerid", "Customerstatus", "Internet Service", "internet_service"];

  it.each([
    ["Customerstatus", { index: 1, column: "Customerstatus", exact: true }],
    [" Customerstatus ", { index: 1, column: "Customerstatus", exact: true }],
    ["customer status", { index: 1, column: "Customerstatus", exact: false }],
    ["CUSTOMER_STATUS", { index: 1, column: "Customerstatus", exact: false }],
  ])("finds %j ignoring case and spaces, saying whether it was exact", (name, expected) => {
    expect(matchColumn(header, name, "--outcome")).toEqual(expected);
  });

  it.each([
    [
      "Churn",
      /--outcome column "Churn" is not in the table \(columns: Customerid, Customerstatus, Internet Service, internet_service\)/,
    ],
    ["internetservice", /matches several columns \(Internet Service, internet_service\)/],
  ])("refuses %j, listing the columns", (name, message) => {
    expect(() => matchColumn(header, name, "--outcome")).toThrow(message);
  });

  const zips = Array.from({ length: 40 }, (_, i) => String(90001 + i * 3));
  const accounts = Array.from({ length: 40 }, (_, i) => String(1_000_000 + i * 7919));
  it.each([
    ["Zip Code", zips, "postal code"],
    ["Postcode", ["SW1A 1AA"], "postal code"],
    ["Latitude ", ["32.5"], "coordinate"],
    ["lon", ["-117.2"], "coordinate"],
    ["CustomerID", ["A1"], "identifier"],
    ["Customerid", ["A1"], "identifier"],
    ["Account", accounts, "numeric code"],
    // Traits repeat across customers: 500 tenures in 0–72 months, 500 ages in 19–78.
    ["tenure", Array.from({ length: 500 }, (_, i) => String(i % 73)), null],
    ["Age", Array.from({ length: 500 }, (_, i) => String(19 + (i % 60))), null],
    ["Avg Monthly Long Distance Charges", ["10.5", "3.2"], null],
    ["AmountPaid", accounts, "numeric code"],
  ] as const)("%s is %s", (name, values, kind) => {
    expect(identifierKind(name, values)).toBe(kind);
  });

  const outcome = Uint8Array.from([1, 1, 0, 0, 0, 1]);
  it.each([
    [
      "filled only for defectors",
      ["Price", "Competitor", null, null, null, "Price"],
      "filled only for defected customers (3 of 3), blank for all 3 others",
    ],
    [
      "filled only for stayers",
      [null, null, "renewed", "renewed", "renewed", null],
      "filled only for customers who did not defect (3 of 3), blank for all 3 others",
    ],
    [
      "levels separating perfectly",
      ["Yes", "Yes", "No", "No", "No", "Yes"],
      "its 2 levels separate defected from non-defected customers perfectly",
    ],
    ["an ordinary column", ["web", "store", "web", "store", "web", "web"], null],
    ["a column filled for both", ["Price", null, "Price", null, null, "x"], null],
  ] as const)("%s: %s", (_, values, expected) => {
    expect(detectLeak({ kind: "category", name: "c", values }, outcome)).toBe(expected);
  });

  it("a flag equal to the outcome is a leak too", () => {
    expect(
      detectLeak({ kind: "flag", name: "f", label: "f", values: Uint8Array.from(outcome) }, outcome),
    ).toMatch(/separate/);
  });
});

describe("the sentence follows the kind of driver", () => {
  const base = {
    label: "Offer = Offer A",
    column: "Offer",
    reference: "None",
    rateWith: 0.186,
    rateWithout: 0.391,
    relativeRisk: 0.475,
    relativeRiskLow: 0.29,
    relativeRiskHigh: 0.79,
    significant: true,
    customersRetained: -9,
    customersRetainedLow: -15,
    customersRetainedHigh: -3,
    valueAtStake: -6600,
    valueAtStakeLow: -9000,
    valueAtStakeHigh: -4000,
  };
  const up = {
    ...base,
    label: "a complaint about late delivery",
    column: "complaint:late",
    reference: null,
    rateWith: 0.4,
    rateWithout: 0.2,
    relativeRisk: 2,
    relativeRiskLow: 1.4,
    relativeRiskHigh: 2.9,
    customersRetained: 10,
    customersRetainedLow: 6,
    customersRetainedHigh: 14,
    valueAtStake: 1000,
    valueAtStakeLow: 600,
    valueAtStakeHigh: 1400,
  };
  it.each([
    [
      "a level that goes with less defection than its reference, adjusted more",
      { ...base, oddsRatio: 1.42, oddsRatioLow: 0.59, oddsRatioHigh: 3.46 },
      "Customers with Offer = Offer A defect 0.47× as often as those with Offer = None (0.29–0.79; 18.6% against 39.1%): not an issue to fix. Adjusted for the other drivers and the customers' traits the direction reverses: it goes with more defection (odds ratio 1.42 [0.59–3.46], within noise).",
    ],
    [
      "a flag: crude more, adjusted less (adjusted significant)",
      { ...up, oddsRatio: 0.6, oddsRatioLow: 0.4, oddsRatioHigh: 0.9 },
      "Customers with a complaint about late delivery defect 2.00× as often as those without it (1.40–2.90; 40.0% against 20.0%). Fixing it would keep about 10 customers (6–14) worth 1,000 (600–1,400). Adjusted for the other drivers and the customers' traits the direction reverses: it goes with less defection (odds ratio 0.60 [0.40–0.90]), so its crude excess belongs to what it travels with.",
    ],
    [
      "a level against its reference, with the return on a fix",
      {
        ...up,
        label: "Contract = Month-to-month",
        column: "Contract",
        reference: "Two year",
        fixCost: 500,
        returnOnFix: 1,
        returnOnFixLow: 0.2,
        returnOnFixHigh: 1.8,
      },
      "Customers with Contract = Month-to-month defect 2.00× as often as those with Contract = Two year (1.40–2.90; 40.0% against 20.0%). Bringing them to the defection of Contract = Two year would keep about 10 customers (6–14) worth 1,000 (600–1,400); against a fix costing 500 that returns 100.0% (20.0% to 180.0%).",
    ],
    [
      "within noise: not shown to pay",
      { ...up, significant: false, relativeRiskLow: 0.9 },
      "Customers with a complaint about late delivery defect 2.00× as often as those without it (0.90–2.90; 40.0% against 20.0%). Fixing it would keep about 10 customers (6–14) worth 1,000 (600–1,400) — but the relative risk's 95% interval includes 1, so it is not shown to pay.",
    ],
  ])("%s", (_, d, sentence) => {
    expect(driverSentence(d)).toBe(sentence);
    expect(driverSentence(d)).not.toMatch(/[Rr]emoving/);
  });
});

describe("reasons with their category", () => {
  const rows = [
    {
      customer_id: "a",
      reason: "competitor had better devices",
      reason_category: "competitor",
      d: 19000,
      source: "exit_survey",
      value: 100,
    },
    {
      customer_id: "b",
      reason: "competitor made better offer",
      reason_category: "competitor",
      d: 19000,
      source: "exit_survey",
      value: 50,
    },
    {
      customer_id: "c",
      reason: "price too high",
      reason_category: "price",
      d: 19000,
      source: "exit_survey",
      value: 30,
    },
    { customer_id: "d", reason: "moved", reason_category: null, d: null, source: "exit_survey", value: 20 },
  ];
  it.each([
    [
      "reason",
      null,
      [
        ["(all)", "competitor had better devices", 1, 100],
        ["(all)", "competitor made better offer", 1, 50],
        ["(all)", "price too high", 1, 30],
        ["(all)", "moved", 1, 20],
      ],
    ],
    [
      "category",
      null,
      [
        ["(all)", "competitor", 2, 150],
        ["(all)", "price", 1, 30],
        ["(all)", "(no category)", 1, 20],
      ],
    ],
    [
      "reason",
      "category",
      [
        ["(none)", "moved", 1, 20],
        ["competitor", "competitor had better devices", 1, 100],
        ["competitor", "competitor made better offer", 1, 50],
        ["price", "price too high", 1, 30],
      ],
    ],
  ] as const)("level %s by %s groups the value lost", (level, by, expected) => {
    const r = summariseReasons(rows, { level, by });
    expect(r.rows.map((x) => [x.group, x.reason, x.customers, x.value])).toEqual(expected);
    expect(r.valueBasis.given).toBe(4);
    // A row without a day (a snapshot) counts, but has no trend.
    expect(r.trend.reduce((n, x) => n + x.customers, 0)).toBe(3);
  });
});

describe("an export's reasons mapped onto the exit questionnaire where they match", () => {
  it.each([
    ["price", null, "price"],
    ["Competitor had better devices", "Competitor", "competitor_offer"],
    ["Attitude of support person", "Attitude", "staff_behaviour"],
    ["Price too high", "Price", "price"],
    ["Extra data charges", "Price", "price"],
    ["Network reliability", "Dissatisfaction", "service_quality"],
    ["Product dissatisfaction", "Dissatisfaction", "product"],
    ["Moved", "Other", "moved"],
    ["Don't know", "Other", null],
    [null, "Competitor", "competitor_offer"],
  ] as const)("%j in %j → %j", (reason, category, expected) => {
    expect(questionnaireReason(reason, category)).toBe(expected);
  });
});
