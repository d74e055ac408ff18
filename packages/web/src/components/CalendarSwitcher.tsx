import { useTranslation } from "react-i18next";
import { CALENDARS } from "../prefs/Language.ts";
import { usePrefs } from "../prefs/usePrefs.ts";

/** Picks the calendar dates are shown in: by language, Gregorian, Jalali or Umm al-Qura. */
export function CalendarSwitcher() {
  const { t } = useTranslation();
  const { calendar, setCalendar } = usePrefs();
  return (
    <label className="switcher">
      <span className="visually-hidden">{t("nav.calendar")}</span>
      <select
        data-testid="calendar"
        value={calendar}
        onChange={(event) => {
          const next = CALENDARS.find((c) => c === event.target.value) ?? "auto";
          setCalendar(next);
        }}
      >
        {CALENDARS.map((c) => (
          <option key={c} value={c}>
            {t(`calendars.${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
