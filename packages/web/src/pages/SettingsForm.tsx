import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/ApiError.ts";
import { request } from "../api/request.ts";
import type { Settings } from "../api/types.ts";
import { Field } from "../components/Field.tsx";
import { Select } from "../components/Select.tsx";
import { PERIODS, type PeriodUnit, periodOptions } from "./periodOptions.ts";

const CALENDARS = ["gregorian", "persian", "islamic"] as const;
type CalendarName = (typeof CALENDARS)[number];

function pretty(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value, null, 2);
}

export interface SettingsFormProps {
  readonly settings: Settings;
  readonly onSaved: () => void;
}

/** Edits how retention is measured: period, calendar, fiscal start, week start, margin, activity and defection rules. */
export function SettingsForm({ settings, onSaved }: SettingsFormProps) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PeriodUnit>(PERIODS.find((p) => p === settings.period) ?? "month");
  const [calendar, setCalendar] = useState<CalendarName>(
    CALENDARS.find((c) => settings.calendar?.startsWith(c)) ?? "gregorian",
  );
  const [fiscalStart, setFiscalStart] = useState(settings.fiscal_start ?? "");
  const [weekStart, setWeekStart] = useState(settings.week_start === null ? "" : String(settings.week_start));
  const [timeZone, setTimeZone] = useState(settings.time_zone ?? "UTC");
  const [margin, setMargin] = useState(settings.margin === null ? "" : String(settings.margin));
  const [activity, setActivity] = useState(pretty(settings.activity));
  const [defection, setDefection] = useState(pretty(settings.defection));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const parse = (text: string, field: string): unknown => {
    if (text.trim() === "") return null;
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(t("settings.invalidJson", { field }));
    }
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setMessage(null);
    setBusy(true);
    try {
      const body = {
        period,
        calendar,
        fiscal_start: fiscalStart.trim() === "" ? null : fiscalStart.trim(),
        week_start:
          weekStart.trim() === "" ? null : Number.isNaN(Number(weekStart)) ? weekStart : Number(weekStart),
        time_zone: timeZone.trim() === "" ? null : timeZone.trim(),
        margin: margin.trim() === "" ? null : Number(margin),
        activity: parse(activity, t("settings.activity")),
        defection: parse(defection, t("settings.defection")),
      };
      await request("PUT", "/api/settings", body);
      setMessage({ ok: true, text: t("common.saved") });
      onSaved();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)}>
      <div className="form-row">
        <Select label={t("settings.period")} value={period} options={periodOptions(t)} onChange={setPeriod} />
        <Select
          label={t("settings.calendar")}
          value={calendar}
          options={CALENDARS.map((c) => ({ value: c, label: t(`calendars.${c}`) }))}
          onChange={setCalendar}
        />
        <Field label={t("settings.fiscalStart")}>
          <input
            value={fiscalStart}
            dir="ltr"
            size={6}
            placeholder="01-01"
            onChange={(e) => setFiscalStart(e.target.value)}
          />
        </Field>
        <Field label={t("settings.weekStart")}>
          <input
            value={weekStart}
            dir="ltr"
            size={4}
            placeholder="1"
            onChange={(e) => setWeekStart(e.target.value)}
          />
        </Field>
        <Field label={t("settings.timeZone")}>
          <input value={timeZone} dir="ltr" size={14} onChange={(e) => setTimeZone(e.target.value)} />
        </Field>
        <Field label={t("settings.margin")}>
          <input
            name="margin"
            value={margin}
            dir="ltr"
            size={6}
            inputMode="decimal"
            onChange={(e) => setMargin(e.target.value)}
          />
        </Field>
      </div>
      <details className="advanced">
        <summary>{t("set.advanced")}</summary>
        <div className="grid-2">
          <Field label={t("settings.activity")}>
            <textarea
              className="code"
              dir="ltr"
              rows={8}
              value={activity}
              onChange={(e) => setActivity(e.target.value)}
            />
          </Field>
          <Field label={t("settings.defection")}>
            <textarea
              className="code"
              dir="ltr"
              rows={8}
              value={defection}
              onChange={(e) => setDefection(e.target.value)}
            />
          </Field>
        </div>
      </details>
      {message === null ? null : (
        <p className={message.ok ? "form-ok" : "form-error"} role="status">
          {message.text}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </form>
  );
}
