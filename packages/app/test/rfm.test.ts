import { type DuckDBEngine, openDuckDBEngine } from "@vafa/duckdb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rfm, rfmCustomers } from "../src/index.ts";
import { loadSegmentsFixture } from "./segmentsFixtures.ts";

describe("RFM in SQL", () => {
  let store: DuckDBEngine;
  beforeAll(async () => {
    store = await openDuckDBEngine(":memory:");
    await loadSegmentsFixture(store);
  });
  afterAll(() => store.close());

  it("scores each customer with ties kept together", async () => {
    const rows = await rfmCustomers(store, { asOf: "2011-01-31" });
    expect(
      rows.map((r) => [
        r.customer_id,
        r.recency_days,
        r.frequency,
        r.monetary,
        r.r_score,
        r.f_score,
        r.m_score,
        r.rfm_segment,
      ]),
    ).toEqual([
      ["a", 1, 3, 200, 3, 5, 3, "loyal"],
      ["b", 1, 1, 200, 3, 1, 3, "about_to_sleep"],
      ["c", 30, 1, 5, 1, 1, 1, "lost"],
      ["d", 15, 2, 70, 2, 4, 2, "at_risk"],
      ["e", 1, 1, 200, 3, 1, 3, "about_to_sleep"],
    ]);
  });

  it("segment sizes and value, as of the last transaction day by default", async () => {
    const result = await rfm(store);
    expect(result.asOf).toBe("2011-01-30");
    expect(result).toMatchObject({ customers: 5, sales: 675 });
    const by = Object.fromEntries(result.segments.map((s) => [s.segment, [s.customers, s.sales, s.share]]));
    expect(by).toMatchObject({
      loyal: [1, 200, 0.2],
      about_to_sleep: [2, 400, 0.4],
      lost: [1, 5, 0.2],
      at_risk: [1, 70, 0.2],
      champions: [0, 0, 0],
    });
    expect(result.segments).toHaveLength(11);
  });

  it("movement between two dates is a transition matrix of counts", async () => {
    const result = await rfm(store, { asOf: "2011-01-31", compare: "2011-01-15" });
    expect(result.transitions).toEqual({
      from: "2011-01-15",
      to: "2011-01-31",
      rows: [
        { from: null, to: "about_to_sleep", customers: 2 },
        { from: "potential_loyalist", to: "at_risk", customers: 1 },
        { from: "at_risk", to: "loyal", customers: 1 },
        { from: "lost", to: "lost", customers: 1 },
      ],
    });
  });

  it.each([
    { bins: 2, scores: { a: [1, 2, 1], c: [1, 1, 1], d: [1, 2, 1] } },
    { bins: 3, scores: { a: [2, 3, 2], c: [1, 1, 1], d: [1, 2, 1] } },
  ])("configurable bins: $bins", async ({ bins, scores }) => {
    const rows = await rfmCustomers(store, { asOf: "2011-01-31", bins });
    const got = Object.fromEntries(rows.map((r) => [r.customer_id, [r.r_score, r.f_score, r.m_score]]));
    expect(got).toMatchObject(scores);
  });
});
