import { describe, expect, it } from "vitest";
import {
  duckdbDialect,
  parseDimension,
  RetentionError,
  resolveRetentionOptions,
  retentionQuery,
} from "../src/index.ts";

describe("parseDimension", () => {
  it.each([
    ["segment", "customer", "segment"],
    ["branch", "customer", "branch"],
    ["customer.branch", "customer", "branch"],
    ["transaction.branch", "transaction", "branch"],
    ["category", "transaction", "category"],
    [" Product ", "transaction", "product"],
    ["employee", "transaction", "employee"],
  ])("%s → %s.%s", (text, source, column) => {
    expect(parseDimension(text)).toEqual({ source, column, name: `${source}.${column}` });
  });

  it.each([["size"], ["customer.category"], ["transaction.segment"], ["segment; DROP TABLE t"], [""]])(
    "refuses %j",
    (text) => {
      expect(() => parseDimension(text)).toThrow(RetentionError);
    },
  );
});

describe("resolveRetentionOptions", () => {
  it("fills the defaults", () => {
    expect(resolveRetentionOptions({ period: { unit: "month" } })).toEqual({
      period: { unit: "month", calendar: "gregorian" },
      by: null,
      timeZone: null,
      minCount: 1,
      minSpend: null,
      activityTypes: [],
      margin: null,
      fromDay: null,
      toDay: null,
    });
  });

  it.each([
    [{ timeZone: "Mars/Olympus" }, /unknown time zone/],
    [{ activity: { minCount: 0 } }, /minCount/],
    [{ activity: { minCount: 1.5 } }, /whole number/],
    [{ margin: Number.NaN }, /margin/],
    [{ from: "2011-13-01" }, /from/],
    [{ from: "2011-03-01", to: "2011-02-01" }, /after/],
  ])("refuses %j", (bad, message) => {
    expect(() => resolveRetentionOptions({ period: { unit: "month" }, ...bad })).toThrow(message);
  });
});

describe("retentionQuery", () => {
  it("binds every user value as a parameter, never in the text", () => {
    const q = retentionQuery(
      duckdbDialect,
      resolveRetentionOptions({
        period: { unit: "month" },
        by: "segment",
        timeZone: "Asia/Tehran",
        margin: 0.25,
        activity: { minCount: 3, minSpend: 12.5, activityTypes: ["it's a login"] },
      }),
    );
    expect(q.params).toEqual(["Asia/Tehran", 0.25, "it's a login", 3, 12.5]);
    for (const value of ["Tehran", "0.25", "login", "12.5"]) expect(q.sql).not.toContain(value);
    expect(q.sql).toContain('cu."segment"');
  });

  it("uses no window functions (engines without them must run the same shape)", () => {
    const q = retentionQuery(duckdbDialect, resolveRetentionOptions({ period: { unit: "week" } }));
    expect(q.sql).not.toMatch(/\bOVER\s*\(/i);
  });
});
