import { parseProfitabilityDimension, SegmentError, sql } from "@vafa/core";
import { type DuckDBEngine, openDuckDBEngine } from "@vafa/duckdb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clusters,
  defineSegment,
  deleteSegment,
  listSegments,
  segmentMembers,
  segmentMembersQueryFor,
  targets,
} from "../src/index.ts";
import { loadSegmentsFixture } from "./segmentsFixtures.ts";

describe("saved segments and rules over the store", () => {
  let store: DuckDBEngine;
  beforeAll(async () => {
    store = await openDuckDBEngine(":memory:");
    await loadSegmentsFixture(store);
  });
  afterAll(() => store.close());

  it.each([
    { rule: 'country = "France"', members: ["b", "e", "f"] },
    { rule: 'country in ("France", "Germany") and monetary > 100', members: ["b", "e"] },
    { rule: 'tags contains "vip"', members: ["a"] },
    { rule: 'tags contains "vip_"', members: ["d"] },
    { rule: "monetary >= 200", members: ["a", "b", "e"] },
    { rule: 'rfm_segment = "about_to_sleep"', members: ["b", "e"] },
    { rule: 'not rfm_segment = "lost"', members: ["a", "b", "d", "e", "f"] },
    { rule: 'categories contains "toys"', members: ["d", "e"] },
    { rule: "spend_10d > 0", members: ["a", "b", "e"] },
    { rule: 'created_at < "2011-01-15"', members: ["a", "c"] },
    { rule: "clv > 0 or p_alive < 0.5", members: [] },
    { rule: 'frequency > 1 or country = "Germany"', members: ["a", "d"] },
    { rule: '{"field": "recency_days", "op": "<=", "value": 0}', members: ["a", "b", "e"] },
  ])("$rule → $members", async ({ rule, members }) => {
    expect(await segmentMembers(store, rule)).toEqual(members);
  });

  it("an injection attempt is a harmless parameter: it matches nothing and the table survives", async () => {
    const evil = `country = "x'); DROP TABLE customers; --"`;
    await defineSegment(store, "evil", evil);
    expect(await segmentMembers(store, "evil")).toEqual([]);
    const q = await segmentMembersQueryFor(store, "evil");
    expect(q.params).toContain("x'); DROP TABLE customers; --");
    const [row] = await store.client.all(sql("SELECT count(*) AS n FROM customers"));
    expect(row?.n).toBe(6);
    await deleteSegment(store, "evil");
  });

  it("define, list, show by name and delete", async () => {
    await defineSegment(store, "big-spenders", "monetary >= 200", "top of the base");
    await defineSegment(store, "french", 'country = "France"');
    expect((await listSegments(store)).map((s) => [s.name, s.rule, s.description])).toEqual([
      ["big-spenders", "monetary >= 200", "top of the base"],
      ["french", 'country = "France"', null],
    ]);
    expect(await segmentMembers(store, "big-spenders")).toEqual(["a", "b", "e"]);
    await defineSegment(store, "french", 'country = "France" and monetary > 0');
    expect(await segmentMembers(store, "french")).toEqual(["b", "e"]);
    expect(await deleteSegment(store, "french")).toBe(true);
    expect(await deleteSegment(store, "french")).toBe(false);
  });

  it.each([
    { name: "bad", rule: "monetry > 1", message: /unknown field "monetry"/ },
    { name: "bad name!", rule: "monetary > 1", message: /segment name "bad name!" is not valid/ },
    { name: "bad", rule: 'country = "x', message: /unterminated string/ },
  ])("define rejects $name / $rule", async ({ name, rule, message }) => {
    await expect(defineSegment(store, name, rule)).rejects.toThrow(message);
    await expect(defineSegment(store, name, rule)).rejects.toBeInstanceOf(SegmentError);
  });

  it("targets by country: size, share, sales, profit only where cost is known, growth", async () => {
    const result = await targets(store, {
      by: { kind: "dimension", dimension: parseProfitabilityDimension("country") },
      periodDays: 10,
    });
    expect(result.total).toMatchObject({ customers: 6, sales: 675 });
    const by = Object.fromEntries(result.rows.map((r) => [r.group, r]));
    expect(by["United Kingdom"]).toMatchObject({
      customers: 2,
      share: 2 / 6,
      sales: 205,
      profit: 82,
      clv: null,
    });
    expect(by.Germany).toMatchObject({
      customers: 1,
      sales: 70,
      profit: 40,
      new_last_period: 0,
      new_previous_period: 1,
      growth: -1,
    });
    expect(by.France).toMatchObject({
      customers: 3,
      sales: 400,
      profit: null,
      new_last_period: 2,
      new_previous_period: 0,
      growth: null,
    });
  });

  it("targets by RFM segment and by saved segments", async () => {
    const rfmTargets = await targets(store);
    expect(Object.fromEntries(rfmTargets.rows.map((r) => [r.group, r.customers]))).toEqual({
      loyal: 1,
      about_to_sleep: 2,
      at_risk: 1,
      lost: 1,
    });
    const saved = await targets(store, { by: { kind: "segments" } });
    expect(saved.rows.map((r) => [r.group, r.customers, r.sales])).toEqual([["big-spenders", 3, 600]]);
  });

  it("clusters customers with k given, described in words", async () => {
    const result = await clusters(store, { k: 2, seed: 1 });
    expect(result.clusters.map((c) => c.customers).reduce((a, b) => a + b)).toBe(5);
    expect(Object.keys(result.members).sort()).toEqual(["a", "b", "c", "d", "e"]);
    for (const c of result.clusters) expect(c.description).toMatch(/\w/);
  });
});
