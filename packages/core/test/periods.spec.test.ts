import { describe, expect, it } from "vitest";
import { PeriodError, parsePeriodArg, parsePeriodSpec } from "../src/periods/index.ts";

describe("parsePeriodSpec", () => {
  it.each([
    [{ unit: "day" }, { unit: "day" }],
    [{ unit: "day", calendar: "persian" }, { unit: "day" }],
    [{ unit: "week" }, { unit: "week", weekStart: 1 }],
    [
      { unit: "week", weekStart: 6 },
      { unit: "week", weekStart: 6 },
    ],
    [{ unit: "month" }, { unit: "month", calendar: "gregorian" }],
    [
      { unit: "quarter", calendar: "persian" },
      { unit: "quarter", calendar: "persian" },
    ],
    [
      { unit: "year", calendar: "islamic" },
      { unit: "year", calendar: "islamic" },
    ],
    [
      { unit: "fiscal-year", calendar: "persian" },
      { unit: "fiscal-year", calendar: "persian", fiscalStart: { month: 1, day: 1 } },
    ],
    [
      { unit: "fiscal-year", fiscalStart: { month: 4, day: 1 } },
      { unit: "fiscal-year", calendar: "gregorian", fiscalStart: { month: 4, day: 1 } },
    ],
    [
      { unit: "fiscal-year", fiscalStart: "07-01" },
      { unit: "fiscal-year", calendar: "gregorian", fiscalStart: { month: 7, day: 1 } },
    ],
    [
      { unit: "days", days: 28 },
      { unit: "days", days: 28, anchor: "1970-01-01" },
    ],
    [
      { unit: "days", days: 7, anchor: "2024-01-03" },
      { unit: "days", days: 7, anchor: "2024-01-03" },
    ],
  ])("normalises %j", (input, expected) => {
    expect(parsePeriodSpec(input)).toEqual(expected);
  });

  it.each([
    [null, "must be an object"],
    ["month", "must be an object"],
    [{}, "unknown period unit undefined"],
    [{ unit: "mnth" }, 'unknown period unit "mnth"'],
    [{ unit: "month", calendar: "jalali" }, 'unknown calendar "jalali"'],
    [{ unit: "month", period: "x" }, 'unknown period spec field "period"'],
    [{ unit: "week", weekStart: 0 }, "weekStart 0 is not an ISO weekday"],
    [{ unit: "week", weekStart: "7" }, 'weekStart "7" is not an ISO weekday'],
    [{ unit: "month", weekStart: 1 }, 'weekStart applies only to unit week, not "month"'],
    [{ unit: "month", fiscalStart: "04-01" }, "fiscalStart applies only to unit fiscal-year"],
    [{ unit: "fiscal-year", fiscalStart: "4/1" }, 'fiscalStart "4/1" is not "MM-DD"'],
    [{ unit: "fiscal-year", fiscalStart: { month: 13, day: 1 } }, "fiscalStart month 13 is not 1–12"],
    [{ unit: "fiscal-year", fiscalStart: "02-29" }, "fiscalStart day 29 does not exist in every year"],
    [{ unit: "fiscal-year", calendar: "persian", fiscalStart: "12-30" }, "(1–29)"],
    [{ unit: "fiscal-year", calendar: "islamic", fiscalStart: "09-30" }, "(1–29)"],
    [{ unit: "days" }, "days must be set"],
    [{ unit: "days", days: 0 }, "days 0 is not a whole number"],
    [{ unit: "days", days: 2.5 }, "days 2.5 is not a whole number"],
    [{ unit: "days", days: 7, anchor: "2024-02-30" }, 'anchor "2024-02-30" is not a valid date'],
    [{ unit: "month", anchor: "2024-01-01" }, "anchor applies only to unit days"],
  ])("rejects %j with a message naming the value", (input, message) => {
    expect(() => parsePeriodSpec(input)).toThrow(PeriodError);
    expect(() => parsePeriodSpec(input)).toThrow(message);
  });
});

describe("parsePeriodArg", () => {
  it.each([
    ["month", {}, { unit: "month", calendar: "gregorian" }],
    [" Quarter ", { calendar: "Persian" }, { unit: "quarter", calendar: "persian" }],
    ["week", {}, { unit: "week", weekStart: 1 }],
    ["week", { weekStart: "7" }, { unit: "week", weekStart: 7 }],
    ["week", { weekStart: "sat" }, { unit: "week", weekStart: 6 }],
    ["week", { weekStart: "Sunday" }, { unit: "week", weekStart: 7 }],
    ["day", {}, { unit: "day" }],
    ["year", { calendar: "islamic" }, { unit: "year", calendar: "islamic" }],
    [
      "fiscal-year",
      { fiscalStart: "04-01" },
      { unit: "fiscal-year", calendar: "gregorian", fiscalStart: { month: 4, day: 1 } },
    ],
    ["7d", {}, { unit: "days", days: 7, anchor: "1970-01-01" }],
    ["days:28", { anchor: "2024-01-01" }, { unit: "days", days: 28, anchor: "2024-01-01" }],
  ])("parses %j with %j", (text, options, expected) => {
    expect(parsePeriodArg(text, options)).toEqual(expected);
  });

  it.each([
    ["monthly", {}, 'unknown period unit "monthly"'],
    ["days", {}, 'period "days" is not one of'],
    ["7 d", {}, 'period "7 d" is not one of'],
    ["0d", {}, "days 0 is not a whole number"],
    ["week", { weekStart: "s" }, 'week start "s" is not a weekday'],
    ["month", { calendar: "hijri" }, 'unknown calendar "hijri"'],
    ["month", { fiscalStart: "04-01" }, "fiscalStart applies only to unit fiscal-year"],
  ])("rejects %j with %j", (text, options, message) => {
    expect(() => parsePeriodArg(text, options)).toThrow(PeriodError);
    expect(() => parsePeriodArg(text, options)).toThrow(message);
  });
});
