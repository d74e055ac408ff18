import { type ActivityRule, parsePeriodArg, type RetentionOptions } from "@vafa/core";
import type { Settings } from "./settings.ts";

/** The period and calendar query parameters shared by the retention reports. */
export interface MeasureQuery {
  readonly period?: string | undefined;
  readonly by?: string | undefined;
  readonly calendar?: string | undefined;
  readonly fiscal_start?: string | undefined;
  readonly week_start?: string | undefined;
  readonly time_zone?: string | undefined;
}

const calendarUnits = new Set(["month", "quarter", "year", "fiscal-year"]);

/**
 * Builds the library's `RetentionOptions` from query parameters over the saved settings: what the
 * request names wins; a setting fills in only where it applies to the chosen period unit (the
 * period parser rejects, say, a week start on months). Validation is the library's (PeriodError → 400).
 *
 * @example
 * measureOptions(defaultSettings, { period: "quarter" }); // { period: { unit: "quarter", … }, timeZone: "UTC", … }
 */
export function measureOptions(settings: Settings, q: MeasureQuery): RetentionOptions {
  const periodText = q.period ?? settings.period;
  const unit = periodText.trim().toLowerCase();
  const period = parsePeriodArg(periodText, {
    calendar: q.calendar ?? (calendarUnits.has(unit) ? settings.calendar : undefined),
    fiscalStart:
      q.fiscal_start ?? (unit === "fiscal-year" ? (settings.fiscal_start ?? undefined) : undefined),
    weekStart: q.week_start ?? (unit === "week" ? settings.week_start : undefined),
  });
  const activity: ActivityRule = {
    ...(settings.activity.minCount !== null ? { minCount: settings.activity.minCount } : {}),
    ...(settings.activity.minSpend !== null ? { minSpend: settings.activity.minSpend } : {}),
  };
  return {
    period,
    activity,
    timeZone: q.time_zone ?? settings.time_zone,
    ...(q.by !== undefined ? { by: q.by } : {}),
    ...(settings.margin !== null ? { margin: settings.margin } : {}),
  };
}
