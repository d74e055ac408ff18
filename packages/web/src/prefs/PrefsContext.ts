import { createContext } from "react";
import { createFormatter, type Formatter } from "../format/Formatter.ts";
import type { CalendarPreference, Language } from "./Language.ts";

/** The reader's language and calendar, and a formatter for them. */
export interface Prefs {
  readonly language: Language;
  readonly calendar: CalendarPreference;
  readonly format: Formatter;
  setLanguage(language: Language): void;
  setCalendar(calendar: CalendarPreference): void;
}

export const PrefsContext = createContext<Prefs>({
  language: "en",
  calendar: "auto",
  format: createFormatter("en", "auto"),
  setLanguage: () => undefined,
  setCalendar: () => undefined,
});
