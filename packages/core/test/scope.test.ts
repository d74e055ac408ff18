import { describe, expect, it } from "vitest";
import {
  branchCustomerFilter,
  clickhouseDialect,
  duckdbDialect,
  profitabilityQuery,
  suppressRow,
  suppressSmallGroups,
} from "../src/index.ts";

describe("branchCustomerFilter", () => {
  it.each([
    ["duckdb", duckdbDialect, "$2", "t.customer_id IN (SELECT id FROM customers WHERE branch = $2)"],
    [
      "clickhouse",
      clickhouseDialect,
      "{p2}",
      "t.customer_id GLOBAL IN (SELECT id FROM customers WHERE branch = {p2})",
    ],
    ["duckdb, no branch", duckdbDialect, null, "1 = 0"],
  ] as const)("%s", (_name, dialect, placeholder, expected) => {
    expect(branchCustomerFilter(dialect, "t.customer_id", placeholder)).toBe(expected);
  });
});

describe("suppressSmallGroups", () => {
  const rows = [
    { group: "EIRE", customers: 3, sales: 900 },
    { group: "Germany", customers: 95, sales: 221_698 },
    { group: "Iceland", customers: 0, sales: 0 },
  ];
  it.each([
    [
      5,
      [
        { group: "EIRE", customers: null, sales: null, suppressed: true },
        { group: "Germany", customers: 95, sales: 221_698, suppressed: false },
        { group: "Iceland", customers: null, sales: null, suppressed: true },
      ],
    ],
    [
      1,
      [
        { group: "EIRE", customers: 3, sales: 900, suppressed: false },
        { group: "Germany", customers: 95, sales: 221_698, suppressed: false },
        { group: "Iceland", customers: null, sales: null, suppressed: true },
      ],
    ],
  ] as const)("minimum %i", (minimum, expected) => {
    expect(suppressSmallGroups(rows, (r) => r.customers, minimum, ["group"])).toEqual(expected);
  });

  it("a suppressed row keeps only its labels", () => {
    expect(
      suppressRow({ period: "2011-01", group: null, raw: 0.5, complete: true }, true, [
        "period",
        "group",
        "complete",
      ]),
    ).toEqual({
      period: "2011-01",
      group: null,
      raw: null,
      complete: true,
      suppressed: true,
    });
  });
});

describe("a branch-scoped query binds the branch as a parameter", () => {
  it.each([
    ["no scope", undefined, [0.3], false],
    ["a branch", "O'Brien's; DROP TABLE customers", [0.3, "O'Brien's; DROP TABLE customers"], true],
    ["no branch (an agent without one)", null, [0.3], true],
  ] as const)("profitability, %s", (_name, branch, params, filtered) => {
    const q = profitabilityQuery(duckdbDialect, { margin: 0.3, ...(branch !== undefined ? { branch } : {}) });
    expect(q.params).toEqual(params);
    expect(q.sql.includes("DROP TABLE")).toBe(false);
    expect(q.sql.includes("FROM customers WHERE branch = $2") || q.sql.includes("1 = 0")).toBe(filtered);
  });
});
