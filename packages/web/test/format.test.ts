import { describe, expect, it } from "vitest";
import { toCsv } from "../src/format/csv.ts";
import { createFormatter } from "../src/format/Formatter.ts";
import { dateLocale } from "../src/format/localeTags.ts";
import type { CalendarPreference, Language } from "../src/prefs/Language.ts";

const strip = (s: string): string => s.replace(/[\u200E\u200F\u2066-\u2069\u061C]/g, "");

describe("createFormatter", () => {
  const numbers: [Language, number, string][] = [
    ["en", 1234, "1,234"],
    ["fa", 1234, "۱٬۲۳۴"],
    ["ar", 1234, "١٬٢٣٤"],
  ];
  it.each(numbers)("writes %s numbers in the locale's digits", (language, value, expected) => {
    expect(createFormatter(language, "auto").number(value)).toBe(expected);
  });

  const dates: [Language, CalendarPreference, RegExp][] = [
    ["en", "auto", /^April 5, 2023$/],
    ["fa", "auto", /۱۶ فروردین ۱۴۰۲/],
    ["fa", "gregorian", /۲۰۲۳/],
    ["ar", "auto", /١٤٤٤/],
    ["en", "persian", /Farvardin 16, 1402/],
  ];
  it.each(dates)("writes 2023-04-05 in %s with calendar %s", (language, calendar, expected) => {
    expect(createFormatter(language, calendar).date("2023-04-05")).toMatch(expected);
  });

  it("keeps a date-only value on its day whatever the time zone", () => {
    expect(createFormatter("en", "gregorian").date("2023-01-01")).toBe("January 1, 2023");
  });

  it("formats fractions as percentages and null as a dash", () => {
    expect(createFormatter("en", "auto").percent(0.286)).toBe("28.6%");
    expect(strip(createFormatter("fa", "auto").percent(0.5))).toMatch(/۵۰/);
    expect(createFormatter("en", "auto").percent(null)).toBe("—");
  });

  it("localizes the digits of server labels but not their calendar", () => {
    expect(createFormatter("en", "auto").label("2023-06")).toBe("2023-06");
    expect(strip(createFormatter("fa", "auto").label("2023-06"))).toBe("۲۰۲۳-۰۶");
    expect(strip(createFormatter("ar", "auto").label("2023-06"))).toBe("٢٠٢٣-٠٦");
    // A sentence in Persian is not forced left to right.
    expect(createFormatter("fa", "auto").label("سکوت 74 روز")).toBe("سکوت ۷۴ روز");
  });
});

describe("dateLocale", () => {
  it("names the calendar the reader chose", () => {
    expect(dateLocale("fa", "auto")).toBe("fa-IR-u-ca-persian");
    expect(dateLocale("ar", "auto")).toBe("ar-SA-u-ca-islamic-umalqura-nu-arab");
    expect(dateLocale("en", "islamic")).toBe("en-US-u-ca-islamic-umalqura");
  });
});

describe("toCsv", () => {
  it("quotes commas, quotes and new lines", () => {
    const csv = toCsv(
      [{ header: "v", value: (r: { v: string | null }) => r.v }],
      [{ v: 'a,"b"' }, { v: null }],
    );
    expect(csv).toBe('v\r\n"a,""b"""\r\n\r\n');
  });
});
