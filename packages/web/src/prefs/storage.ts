import { type CalendarPreference, type Language, toCalendar, toLanguage } from "./Language.ts";

const LANGUAGE_KEY = "vafa.language";
const CALENDAR_KEY = "vafa.calendar";

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
}

/** The language saved in this browser, else the browser's own language if it is one of ours. */
export function storedLanguage(): Language {
  return toLanguage(read(LANGUAGE_KEY) ?? window.navigator.language);
}

/** True when the reader picked a language in this browser. */
export function hasStoredLanguage(): boolean {
  return read(LANGUAGE_KEY) !== null;
}

/** The calendar saved in this browser, or null when none was chosen here. */
export function storedCalendar(): CalendarPreference | null {
  const value = read(CALENDAR_KEY);
  return value === null ? null : toCalendar(value);
}

/** Saves the language choice in this browser. */
export function saveLanguage(language: Language): void {
  write(LANGUAGE_KEY, language);
}

/** Saves the calendar choice in this browser. */
export function saveCalendar(calendar: CalendarPreference): void {
  write(CALENDAR_KEY, calendar);
}
