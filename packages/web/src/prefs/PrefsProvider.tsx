import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { createFormatter } from "../format/Formatter.ts";
import { i18n } from "../i18n/i18n.ts";
import { type CalendarPreference, isRtl, type Language } from "./Language.ts";
import { type Prefs, PrefsContext } from "./PrefsContext.ts";
import { saveCalendar, saveLanguage, storedCalendar, storedLanguage } from "./storage.ts";

/** Applies the language to <html>: lang, and dir="rtl" for Persian and Arabic. */
function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = isRtl(language) ? "rtl" : "ltr";
}

/** Holds the language and calendar choice, persisting them in localStorage. */
export function PrefsProvider({ children }: { readonly children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const [calendar, setCalendarState] = useState<CalendarPreference>(() => storedCalendar() ?? "auto");

  useEffect(() => {
    applyDocumentLanguage(language);
    void i18n.changeLanguage(language);
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    saveLanguage(next);
    setLanguageState(next);
  }, []);
  const setCalendar = useCallback((next: CalendarPreference) => {
    saveCalendar(next);
    setCalendarState(next);
  }, []);

  const value = useMemo<Prefs>(
    () => ({ language, calendar, format: createFormatter(language, calendar), setLanguage, setCalendar }),
    [language, calendar, setLanguage, setCalendar],
  );
  return <PrefsContext.Provider value={value}>{children}</PrefsContext.Provider>;
}
