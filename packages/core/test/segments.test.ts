import { describe, expect, it } from "vitest";
import {
  describeCentroid,
  duckdbDialect,
  kmeans,
  parseRule,
  ruleNeeds,
  SegmentError,
  seededRandom,
  segmentMembersQuery,
  silhouette,
} from "../src/index.ts";

describe("parseRule: text and JSON into one validated AST", () => {
  it.each([
    {
      rule: 'monetary > 1000 and country in ("United Kingdom", "France") and not rfm_segment = "lost"',
      ast: {
        and: [
          { field: "monetary", op: ">", value: 1000 },
          { field: "country", op: "in", value: ["United Kingdom", "France"] },
          { not: { field: "rfm_segment", op: "=", value: "lost" } },
        ],
      },
    },
    {
      rule: "(frequency >= 5 or spend_90d > 200) AND tags contains 'vip'",
      ast: {
        and: [
          {
            or: [
              { field: "frequency", op: ">=", value: 5 },
              { field: "spend_90d", op: ">", value: 200 },
            ],
          },
          { field: "tags", op: "contains", value: "vip" },
        ],
      },
    },
    { rule: "Region <> 'North' ", ast: { field: "region", op: "!=", value: "North" } },
    { rule: "owner is not null", ast: { field: "owner", op: "is not null" } },
    { rule: 'created_at >= "2011-01-01"', ast: { field: "created_at", op: ">=", value: "2011-01-01" } },
    { rule: "country not in ('x''y')", ast: { field: "country", op: "not in", value: ["x'y"] } },
    { rule: 'categories contains "Books"', ast: { field: "categories", op: "contains", value: "Books" } },
    { rule: "p_alive < -0.5e-1", ast: { field: "p_alive", op: "<", value: -0.05 } },
    {
      rule: '{"and": [{"field": "clv", "op": ">", "value": 500}, {"not": {"field": "branch", "op": "=", "value": "B1"}}]}',
      ast: {
        and: [{ field: "clv", op: ">", value: 500 }, { not: { field: "branch", op: "=", value: "B1" } }],
      },
    },
  ])("$rule", ({ rule, ast }) => {
    expect(parseRule(rule)).toEqual(ast);
  });

  it.each([
    { rule: "monetery > 5", message: /unknown field "monetery".*\(at position 1\)/, position: 0 },
    { rule: "monetary => 5", message: /unknown operator "=>"; operators are =, !=/, position: 9 },
    { rule: "monetary ~ 5", message: /unexpected character "~" \(at position 10\)/, position: 9 },
    { rule: "frequency 5", message: /expected an operator after frequency .* got "5"/, position: 10 },
    {
      rule: 'country = "France',
      message: /unterminated string starting with " \(at position 11\)/,
      position: 10,
    },
    { rule: 'monetary > "abc"', message: /type mismatch: monetary is a number.*"abc"/, position: 11 },
    { rule: "country = 5", message: /type mismatch: country is a text.*5/, position: 10 },
    {
      rule: 'rfm_segment = "vip"',
      message: /rfm_segment has no value "vip"; use one of champions/,
      position: 14,
    },
    {
      rule: 'created_at > "yesterday"',
      message: /created_at is a date: write it as "YYYY-MM-DD"/,
      position: 13,
    },
    { rule: 'country < "F"', message: /operator "<" does not apply to country \(a text\)/, position: 8 },
    { rule: "monetary > 1 and", message: /expected a field name, got the end of the rule/, position: 16 },
    { rule: "(monetary > 1", message: /expected "\)" to close the parenthesis/, position: 13 },
    {
      rule: "monetary > 1 frequency > 2",
      message: /expected "and", "or" or the end of the rule, got "frequency"/,
      position: 13,
    },
    { rule: "", message: /the rule is empty/, position: 0 },
  ])("rejects $rule", ({ rule, message, position }) => {
    let error: unknown;
    try {
      parseRule(rule);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SegmentError);
    expect((error as SegmentError).message).toMatch(message);
    expect((error as SegmentError).position).toBe(position);
  });

  it.each([
    { rule: '{"field": "x", "op": "=", "value": 1}', message: /unknown field "x"/ },
    { rule: '{"field": "monetary", "op": "~", "value": 1}', message: /unknown operator "~"/ },
    { rule: '{"field": "monetary", "op": ">", "value": "1"}', message: /type mismatch/ },
    { rule: '{"and": []}', message: /"and" must be a non-empty array/ },
    { rule: '{"field": "monetary"', message: /looks like JSON but does not parse/ },
  ])("rejects JSON $rule", ({ rule, message }) => {
    expect(() => parseRule(rule)).toThrow(message);
  });
});

describe("segmentMembersQuery: fields from the whitelist, literals as parameters", () => {
  it("binds every literal and joins only what the rule needs", () => {
    const rule = parseRule(`country in ("France", "x'); DROP TABLE customers; --") and spend_30d > 10`);
    expect(ruleNeeds(rule)).toEqual({ rfm: false, scores: false, customer: true, spendDays: [30] });
    const q = segmentMembersQuery(duckdbDialect, rule, { asOfDay: 15000 });
    expect(q.params).toEqual([15000, "France", "x'); DROP TABLE customers; --", 10]);
    expect(q.sql).not.toContain("DROP");
    expect(q.sql).toContain('"c_country" IN ($2, $3)');
    expect(q.sql).not.toContain("customer_scores");
  });

  it("clv and p_alive are NULL without customer_scores, joined with it", () => {
    const rule = parseRule("clv > 100");
    expect(segmentMembersQuery(duckdbDialect, rule).sql).toContain("CAST(NULL AS DOUBLE) > $1");
    expect(segmentMembersQuery(duckdbDialect, rule, { hasScores: true }).sql).toContain('"sc_clv" > $1');
  });

  it("an RFM rule needs the RFM frame", () => {
    expect(() => segmentMembersQuery(duckdbDialect, parseRule('rfm_segment = "lost"'))).toThrow(
      /compute the RFM frame/,
    );
  });
});

describe("k-means++ with a seeded PRNG", () => {
  // Three well-separated blobs of 30 points in 2-D.
  const random = seededRandom(3);
  const centres = [
    [0, 0],
    [10, 10],
    [-10, 10],
  ];
  const data = new Float64Array(90 * 2);
  for (let i = 0; i < 90; i++) {
    const c = centres[i % 3] ?? [0, 0];
    data[i * 2] = (c[0] ?? 0) + random() - 0.5;
    data[i * 2 + 1] = (c[1] ?? 0) + random() - 0.5;
  }
  it.each([1, 2, 3, 42])("seed %i recovers the three blobs", (seed) => {
    const fit = kmeans(data, 90, 2, { k: 3, seed });
    expect([...fit.sizes].sort()).toEqual([30, 30, 30]);
    for (let i = 3; i < 90; i++) expect(fit.assignment[i]).toBe(fit.assignment[i % 3]);
    expect(
      silhouette(
        data,
        2,
        fit.assignment,
        Array.from({ length: 90 }, (_, i) => i),
      ),
    ).toBeGreaterThan(0.9);
  });
  it("is reproducible for a seed", () => {
    expect(kmeans(data, 90, 2, { k: 4, seed: 9 }).assignment).toEqual(
      kmeans(data, 90, 2, { k: 4, seed: 9 }).assignment,
    );
  });
  it.each([
    { z: [-1.2, 1.5, 1.1, 0.2, 0], words: "frequent, recent, high spend" },
    { z: [1.4, -0.6, -0.9, 0.1, 2], words: "many returns, lapsed, low spend, infrequent" },
    { z: [0.1, 0, 0, 0.4, 0], words: "average on every feature" },
  ])("describes $z as $words", ({ z, words }) => {
    expect(describeCentroid(z)).toBe(words);
  });
});
