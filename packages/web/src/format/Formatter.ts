import type { CalendarPreference, Language } from "../prefs/Language.ts";
import { dateLocale, numberLocale } from "./localeTags.ts";

/** Formats numbers, rates, money, dates and server labels for one language and calendar. */
export interface Formatter {
  readonly language: Language;
  /** A count or amount in the locale's digits; "—" for null. */
  number(value: number | null | undefined, maximumFractionDigits?: number): string;
  /** A fraction as a percentage (0.25 → 25%); "—" for null. */
  percent(value: number | null | undefined): string;
  /** A money amount, compact for large values when `compact` is set. */
  money(value: number | null | undefined, compact?: boolean): string;
  /** A date (YYYY-MM-DD or an ISO timestamp) in the preferred calendar. */
  date(value: string | null | undefined, withTime?: boolean): string;
  /** A server label (e.g. a period "1402-01") with its digits in the locale's digits, kept left-to-right. */
  label(value: string | null | undefined): string;
  /** A rate with its 95% interval: "41% (38–45%)". */
  interval(
    value: number | null | undefined,
    low: number | null | undefined,
    high: number | null | undefined,
  ): string;
  /** Any value of a loose row, formatted by its type. */
  value(value: unknown): string;
}

const DASH = "—";
const LRI = "\u2066";
const PDI = "\u2069";
const LRM = "\u200E";
const RTL_LETTER = /[\u0621-\u064A\u067E-\u06D3\u06FA-\u06FF]/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseDate(value: string): { date: Date; dateOnly: boolean } | null {
  if (!DATE_LIKE.test(value)) return null;
  const dateOnly = DATE_ONLY.test(value);
  const text = dateOnly ? `${value}T00:00:00Z` : value.replace(" ", "T");
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : { date, dateOnly };
}

/**
 * Builds a Formatter. Dates are converted to the calendar here; server labels are not (only their digits).
 *
 * @example
 * createFormatter("fa", "auto").date("2023-04-05"); // "۱۶ فروردین ۱۴۰۲"
 */
export function createFormatter(language: Language, calendar: CalendarPreference): Formatter {
  const numbers = numberLocale(language);
  const dates = dateLocale(language, calendar);
  const integer = new Intl.NumberFormat(numbers, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(numbers, { style: "percent", maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(numbers, { notation: "compact", maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(numbers, { maximumFractionDigits: 0 });
  const dayFormat = new Intl.DateTimeFormat(dates, {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
  const timeFormat = new Intl.DateTimeFormat(dates, { dateStyle: "medium", timeStyle: "short" });
  const digits = Array.from({ length: 10 }, (_, d) => integer.format(d));
  const rtl = language !== "en";

  const number = (value: number | null | undefined, maximumFractionDigits = 2): string => {
    if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
    if (Number.isInteger(value)) return integer.format(value);
    return new Intl.NumberFormat(numbers, { maximumFractionDigits }).format(value);
  };
  const label = (value: string | null | undefined): string => {
    if (value === null || value === undefined || value === "") return DASH;
    const localized = value.replace(/[0-9]/g, (d) => digits[Number(d)] ?? d);
    // Sentences in Persian or Arabic flow as they are; codes such as "2023-06" stay left to right.
    if (!rtl || !/[0-9]/.test(value) || RTL_LETTER.test(value)) return localized;
    // Arabic-Indic digits are bidi class AN, which would swap "٢٠٢٣-٠٦" around its hyphen: pin the separators.
    const pinned =
      language === "ar" ? localized.replace(/[^\u0660-\u0669]+/g, (run) => `${LRM}${run}${LRM}`) : localized;
    return `${LRI}${pinned}${PDI}`;
  };
  const date = (value: string | null | undefined, withTime = false): string => {
    if (value === null || value === undefined || value === "") return DASH;
    const parsed = parseDate(value);
    if (parsed === null) return label(value);
    return parsed.dateOnly || !withTime ? dayFormat.format(parsed.date) : timeFormat.format(parsed.date);
  };
  return {
    language,
    number,
    percent: (value) =>
      value === null || value === undefined || !Number.isFinite(value) ? DASH : percent.format(value),
    money: (value, useCompact = false) => {
      if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
      return useCompact && Math.abs(value) >= 10_000 ? compact.format(value) : money.format(value);
    },
    date,
    label,
    interval: (value, low, high) => {
      const pct = (v: number | null | undefined) =>
        v === null || v === undefined || !Number.isFinite(v) ? DASH : percent.format(v);
      if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
      if (low === null || low === undefined || high === null || high === undefined) return pct(value);
      // A dash between two numbers reads as a minus sign right to left: Persian and Arabic say "to".
      if (language === "fa") return `${pct(value)} (${pct(low)} تا ${pct(high)})`;
      if (language === "ar") return `${pct(value)} (${pct(low)} إلى ${pct(high)})`;
      return `${pct(value)} (${pct(low)}–${pct(high)})`;
    },
    value: (value) => {
      if (value === null || value === undefined) return DASH;
      if (typeof value === "number") return number(value);
      if (typeof value === "boolean") return value ? "✓" : "✗";
      if (typeof value === "string") return parseDate(value) === null ? label(value) : date(value);
      if (Array.isArray(value)) return value.length === 0 ? DASH : value.map((v) => String(v)).join(", ");
      return DASH;
    },
  };
}
