import { describe, expect, it } from "vitest";
import {
  fromEpochDay,
  fromGregorian,
  fromIslamic,
  fromPersian,
  isoWeekday,
  PeriodError,
  toEpochDay,
  toGregorian,
  toIslamic,
  toPersian,
} from "../src/periods/index.ts";

describe("epoch days", () => {
  it.each([
    ["1970-01-01", 0, 4],
    ["1969-12-31", -1, 3],
    ["2000-02-29", 11016, 2],
    ["2011-03-01", 15034, 2],
    ["0001-01-01", -719162, 1],
    ["9999-12-31", 2932896, 5],
  ])("%s is epoch day %i, ISO weekday %i", (date, day, weekday) => {
    expect(toEpochDay(date)).toBe(day);
    expect(fromEpochDay(day)).toBe(date);
    expect(isoWeekday(day)).toBe(weekday);
  });

  it("steps one calendar day per epoch day across 1600–2400 (leap centuries included)", () => {
    const first = toEpochDay("1600-01-01");
    const last = toEpochDay("2400-12-31");
    const mismatches: number[] = [];
    let expected = { year: 1600, month: 1, day: 1 };
    for (let day = first; day <= last; day++) {
      const date = toGregorian(day);
      const same = date.year === expected.year && date.month === expected.month && date.day === expected.day;
      if (!same || fromGregorian(date.year, date.month, date.day) !== day) mismatches.push(day);
      const length = new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
      expected =
        date.day < length
          ? { ...date, day: date.day + 1 }
          : date.month < 12
            ? { year: date.year, month: date.month + 1, day: 1 }
            : { year: date.year + 1, month: 1, day: 1 };
    }
    expect(mismatches).toEqual([]);
  });

  it.each(["2023-02-29", "2023-13-01", "2023-1-01", "20230101", "", "2023-04-31", "0000-01-01"])(
    "rejects %j naming it",
    (bad) => {
      expect(() => toEpochDay(bad)).toThrow(PeriodError);
      expect(() => toEpochDay(bad)).toThrow(`"${bad}"`);
    },
  );

  it.each([1.5, Number.NaN, 3_000_000])("rejects epoch day %d", (bad) => {
    expect(() => toEpochDay(bad)).toThrow(PeriodError);
  });
});

describe("Persian (Jalali) calendar", () => {
  it.each([
    ["2011-03-20", 1389, 12, 29],
    ["2011-03-21", 1390, 1, 1],
    ["2020-03-20", 1399, 1, 1],
    ["2021-03-20", 1399, 12, 30], // 1399 is a leap year
    ["2023-03-21", 1402, 1, 1],
    ["2023-09-23", 1402, 7, 1],
    ["2024-03-19", 1402, 12, 29], // 1402 is common
    ["2024-03-20", 1403, 1, 1],
    ["2025-03-20", 1403, 12, 30], // 1403 is a leap year: Esfand 30
    ["2025-03-21", 1404, 1, 1],
    ["1970-01-01", 1348, 10, 11],
  ])("%s is %i-%i-%i", (date, year, month, day) => {
    expect(toPersian(date)).toEqual({ year, month, day });
    expect(fromPersian(year, month, day)).toBe(toEpochDay(date));
  });

  it.each([
    [1402, 12, 30],
    [1403, 12, 31],
    [1403, 7, 31],
    [1403, 13, 1],
    [1403, 0, 1],
    [1403, 1, 0],
  ])("rejects %i-%i-%i", (year, month, day) => {
    expect(() => fromPersian(year, month, day)).toThrow(PeriodError);
  });
});

describe("Islamic (Umm al-Qura) calendar", () => {
  // Checked against ICU and the Umm al-Qura comparative tables (dralshehri/ummalqura-calendar).
  it.each([
    ["2023-03-23", 1444, 9, 1], // 1 Ramadan 1444
    ["2023-04-20", 1444, 9, 29], // Ramadan 1444 had 29 days
    ["2023-04-21", 1444, 10, 1], // 1 Shawwal 1444
    ["2023-07-18", 1444, 12, 30],
    ["2023-07-19", 1445, 1, 1], // 1 Muharram 1445
    ["2024-07-07", 1446, 1, 1], // 1 Muharram 1446
    ["1970-01-01", 1389, 10, 22],
  ])("%s is %i-%i-%i", (date, year, month, day) => {
    expect(toIslamic(date)).toEqual({ year, month, day });
    expect(fromIslamic(year, month, day)).toBe(toEpochDay(date));
  });

  it.each([
    [1444, 9, 30],
    [1444, 13, 1],
    [1444, 1, 31],
  ])("rejects %i-%i-%i", (year, month, day) => {
    expect(() => fromIslamic(year, month, day)).toThrow(PeriodError);
  });
});

describe("cached conversions agree with ICU on every day", () => {
  const options = { timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric" } as const;
  const icu = (calendar: string) => {
    const format = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, options);
    return (day: number) => {
      const parts = format.formatToParts(day * 86_400_000);
      const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      return { year: get("year"), month: get("month"), day: get("day") };
    };
  };

  it.each([
    ["persian", toPersian, fromPersian],
    ["islamic-umalqura", toIslamic, fromIslamic],
  ] as const)("%s, 1960–2060", (calendar, to, from) => {
    const reference = icu(calendar);
    const first = toEpochDay("1960-01-01");
    const last = toEpochDay("2060-12-31");
    const mismatches: number[] = [];
    for (let day = first; day <= last; day++) {
      const want = reference(day);
      const got = to(day);
      if (got.year !== want.year || got.month !== want.month || got.day !== want.day) mismatches.push(day);
      else if (from(got.year, got.month, got.day) !== day) mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
  });
});
