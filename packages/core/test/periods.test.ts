import { describe, expect, it } from "vitest";
import {
  isComplete,
  type PeriodSpec,
  periodAt,
  periodOf,
  periodRange,
  periodTable,
  toEpochDay,
} from "../src/periods/index.ts";

describe("periodOf", () => {
  it.each<[string, PeriodSpec, string, string, string]>([
    // day, spec, label, start, end (exclusive)
    ["2011-03-05", { unit: "day" }, "2011-03-05", "2011-03-05", "2011-03-06"],
    // ISO weeks at year boundaries
    ["2010-01-03", { unit: "week" }, "2009-W53", "2009-12-28", "2010-01-04"],
    ["2010-01-04", { unit: "week" }, "2010-W01", "2010-01-04", "2010-01-11"],
    ["2011-03-01", { unit: "week" }, "2011-W09", "2011-02-28", "2011-03-07"],
    ["2008-12-29", { unit: "week" }, "2009-W01", "2008-12-29", "2009-01-05"],
    ["2021-01-03", { unit: "week" }, "2020-W53", "2020-12-28", "2021-01-04"],
    ["2024-12-30", { unit: "week" }, "2025-W01", "2024-12-30", "2025-01-06"],
    // Weeks on another first weekday are labelled by their first day
    ["2011-03-05", { unit: "week", weekStart: 7 }, "2011-02-27", "2011-02-27", "2011-03-06"],
    ["2011-03-06", { unit: "week", weekStart: 7 }, "2011-03-06", "2011-03-06", "2011-03-13"],
    ["2011-03-05", { unit: "week", weekStart: 6 }, "2011-03-05", "2011-03-05", "2011-03-12"],
    ["2011-03-04", { unit: "week", weekStart: 6 }, "2011-02-26", "2011-02-26", "2011-03-05"],
    // Gregorian month, quarter, year
    ["2011-03-05", { unit: "month" }, "2011-03", "2011-03-01", "2011-04-01"],
    ["2012-02-29", { unit: "month" }, "2012-02", "2012-02-01", "2012-03-01"],
    ["2011-03-31", { unit: "quarter" }, "2011-Q1", "2011-01-01", "2011-04-01"],
    ["2011-04-01", { unit: "quarter" }, "2011-Q2", "2011-04-01", "2011-07-01"],
    ["2011-12-31", { unit: "quarter" }, "2011-Q4", "2011-10-01", "2012-01-01"],
    ["2011-12-31", { unit: "year" }, "2011", "2011-01-01", "2012-01-01"],
    // Fiscal years
    ["2011-12-31", { unit: "fiscal-year" }, "2011", "2011-01-01", "2012-01-01"],
    [
      "2011-03-31",
      { unit: "fiscal-year", fiscalStart: { month: 4, day: 1 } },
      "2010/11",
      "2010-04-01",
      "2011-04-01",
    ],
    [
      "2011-04-01",
      { unit: "fiscal-year", fiscalStart: { month: 4, day: 1 } },
      "2011/12",
      "2011-04-01",
      "2012-04-01",
    ],
    [
      "1999-10-01",
      { unit: "fiscal-year", fiscalStart: { month: 10, day: 1 } },
      "1999/00",
      "1999-10-01",
      "2000-10-01",
    ],
    // Persian
    ["2011-03-20", { unit: "fiscal-year", calendar: "persian" }, "1389", "2010-03-21", "2011-03-21"],
    ["2011-03-21", { unit: "fiscal-year", calendar: "persian" }, "1390", "2011-03-21", "2012-03-20"],
    ["2023-09-23", { unit: "month", calendar: "persian" }, "1402-07", "2023-09-23", "2023-10-23"],
    ["2023-09-23", { unit: "quarter", calendar: "persian" }, "1402-Q3", "2023-09-23", "2023-12-22"],
    ["2023-09-22", { unit: "quarter", calendar: "persian" }, "1402-Q2", "2023-06-22", "2023-09-23"],
    ["2025-03-20", { unit: "month", calendar: "persian" }, "1403-12", "2025-02-19", "2025-03-21"],
    ["2025-03-20", { unit: "year", calendar: "persian" }, "1403", "2024-03-20", "2025-03-21"],
    [
      "2023-09-23",
      { unit: "fiscal-year", calendar: "persian", fiscalStart: { month: 7, day: 1 } },
      "1402/03",
      "2023-09-23",
      "2024-09-22",
    ],
    // Islamic (Umm al-Qura)
    ["2023-03-23", { unit: "month", calendar: "islamic" }, "1444-09", "2023-03-23", "2023-04-21"],
    ["2023-04-21", { unit: "month", calendar: "islamic" }, "1444-10", "2023-04-21", "2023-05-21"],
    ["2023-07-18", { unit: "year", calendar: "islamic" }, "1444", "2022-07-30", "2023-07-19"],
    ["2023-07-19", { unit: "year", calendar: "islamic" }, "1445", "2023-07-19", "2024-07-07"],
    ["2023-07-19", { unit: "quarter", calendar: "islamic" }, "1445-Q1", "2023-07-19", "2023-10-16"],
    [
      "2023-03-23",
      { unit: "fiscal-year", calendar: "islamic", fiscalStart: { month: 9, day: 1 } },
      "1444/45",
      "2023-03-23",
      "2024-03-11",
    ],
    // N-day buckets
    ["2024-01-03", { unit: "days", days: 7, anchor: "2024-01-03" }, "2024-01-03", "2024-01-03", "2024-01-10"],
    ["2024-01-09", { unit: "days", days: 7, anchor: "2024-01-03" }, "2024-01-03", "2024-01-03", "2024-01-10"],
    ["2024-01-02", { unit: "days", days: 7, anchor: "2024-01-03" }, "2023-12-27", "2023-12-27", "2024-01-03"],
    [
      "2024-02-29",
      { unit: "days", days: 30, anchor: "2024-01-01" },
      "2024-01-31",
      "2024-01-31",
      "2024-03-01",
    ],
    [
      "2024-03-01",
      { unit: "days", days: 30, anchor: "2024-01-01" },
      "2024-03-01",
      "2024-03-01",
      "2024-03-31",
    ],
  ])("%s in %j is %s [%s, %s)", (day, spec, label, start, end) => {
    const period = periodOf(day, spec);
    expect(period).toMatchObject({ label, start, end });
    expect(period.startDay).toBe(toEpochDay(start));
    expect(period.endDay).toBe(toEpochDay(end));
    expect(periodOf(toEpochDay(day), spec)).toEqual(period);
  });

  it.each<[string, PeriodSpec, number]>([
    ["2011-03-05", { unit: "day" }, 15038],
    ["2011-03-05", { unit: "month" }, 2011 * 12 + 2],
    ["2011-03-05", { unit: "quarter" }, 2011 * 4],
    ["2011-03-05", { unit: "year" }, 2011],
    ["2011-04-01", { unit: "fiscal-year", fiscalStart: { month: 4, day: 1 } }, 2011],
    ["2023-09-23", { unit: "month", calendar: "persian" }, 1402 * 12 + 6],
    ["2023-03-23", { unit: "month", calendar: "islamic" }, 1444 * 12 + 8],
    ["1970-01-05", { unit: "week" }, 1], // the Monday after epoch day 0 (a Thursday)
    ["1970-01-04", { unit: "week" }, 0],
    ["1969-12-28", { unit: "week" }, -1],
    ["1970-01-01", { unit: "days", days: 7 }, 0],
    ["1969-12-31", { unit: "days", days: 7 }, -1],
    ["2024-01-10", { unit: "days", days: 7, anchor: "2024-01-03" }, 1],
  ])("%s in %j has global index %i", (day, spec, index) => {
    expect(periodOf(day, spec).index).toBe(index);
    expect(periodAt(index, spec)).toEqual(periodOf(day, spec));
  });
});

describe("periodRange and periodTable", () => {
  const specs: PeriodSpec[] = [
    { unit: "day" },
    { unit: "week" },
    { unit: "week", weekStart: 7 },
    { unit: "week", weekStart: 6 },
    { unit: "days", days: 7, anchor: "2024-01-03" },
    { unit: "days", days: 30 },
    ...(["gregorian", "persian", "islamic"] as const).flatMap((calendar): PeriodSpec[] => [
      { unit: "month", calendar },
      { unit: "quarter", calendar },
      { unit: "year", calendar },
      { unit: "fiscal-year", calendar },
      { unit: "fiscal-year", calendar, fiscalStart: { month: 7, day: 15 } },
    ]),
  ];

  it.each(specs)("is continuous over 1995–2025 for %j", (spec) => {
    const periods = periodRange("1995-01-01", "2024-12-31", spec);
    const first = periods[0];
    const last = periods.at(-1);
    expect(first?.startDay).toBeLessThanOrEqual(toEpochDay("1995-01-01"));
    expect(last?.endDay).toBeGreaterThan(toEpochDay("2024-12-31"));
    const breaks = periods.slice(1).filter((period, i) => {
      const previous = periods[i];
      return (
        previous === undefined ||
        period.index !== previous.index + 1 ||
        period.start !== previous.end ||
        period.startDay !== previous.endDay ||
        period.endDay <= period.startDay ||
        period.label === previous.label
      );
    });
    expect(breaks).toEqual([]);

    // Every day of the table lies inside the period its index points to.
    const table = periodTable("1995-01-01", "2024-12-31", spec);
    expect(table.day.length).toBe(toEpochDay("2024-12-31") - toEpochDay("1995-01-01") + 1);
    const base = table.periods[0]?.index ?? 0;
    const outside: number[] = [];
    for (let i = 0; i < table.day.length; i++) {
      const day = table.day[i] as number;
      const period = table.periods[(table.index[i] as number) - base];
      if (period === undefined || day < period.startDay || day >= period.endDay) outside.push(day);
    }
    expect(outside).toEqual([]);
    expect(table.periods).toEqual(periods);
  });

  it("lists the periods overlapping a range", () => {
    expect(periodRange("2011-02-15", "2011-04-01", { unit: "month" }).map((p) => p.label)).toEqual([
      "2011-02",
      "2011-03",
      "2011-04",
    ]);
    expect(periodRange("2011-03-05", "2011-03-05", { unit: "year", calendar: "persian" })).toHaveLength(1);
  });

  it("rejects a reversed range", () => {
    expect(() => periodRange("2011-04-01", "2011-03-01", { unit: "month" })).toThrow("after it ends");
  });

  it("maps days to periods in a small table", () => {
    const table = periodTable("2011-03-30", "2011-04-02", { unit: "month" });
    expect(Array.from(table.day)).toEqual([15063, 15064, 15065, 15066]);
    expect(Array.from(table.index)).toEqual([24134, 24134, 24135, 24135]);
    expect(table.periods.map((p) => p.label)).toEqual(["2011-03", "2011-04"]);
  });

  it.each<PeriodSpec>([
    { unit: "day" },
    { unit: "week" },
    { unit: "month", calendar: "persian" },
    { unit: "month", calendar: "islamic" },
    { unit: "fiscal-year", calendar: "islamic", fiscalStart: { month: 9, day: 1 } },
  ])("builds 20 years of days in milliseconds for %j", (spec) => {
    const started = performance.now();
    const table = periodTable("1980-01-01", "1999-12-31", spec);
    const elapsed = performance.now() - started;
    expect(table.day.length).toBe(7305);
    expect(elapsed).toBeLessThan(250);
  });
});

describe("isComplete", () => {
  const march = periodOf("2011-03-15", { unit: "month" }); // [2011-03-01, 2011-04-01)
  it.each([
    ["2011-01-01", "2011-12-31", true],
    ["2011-03-01", "2011-03-31", true],
    ["2011-03-02", "2011-12-31", false], // data starts mid-period: incomplete first period
    ["2011-01-01", "2011-03-30", false], // data ends mid-period: incomplete last period
    ["2011-03-10", "2011-03-20", false],
  ])("with data %s … %s is %s", (dataStart, dataEnd, complete) => {
    expect(isComplete(march, dataStart, dataEnd)).toBe(complete);
    expect(isComplete(march, toEpochDay(dataStart), toEpochDay(dataEnd))).toBe(complete);
  });
});
