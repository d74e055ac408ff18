import type { CalendarPreference, Language } from "../prefs/Language.ts";

const NUMBER_LOCALES: Readonly<Record<Language, string>> = {
  en: "en-US",
  fa: "fa-IR",
  ar: "ar-SA-u-nu-arab",
};

const INTL_CALENDARS: Readonly<Record<Exclude<CalendarPreference, "auto">, string>> = {
  gregorian: "gregory",
  persian: "persian",
  islamic: "islamic-umalqura",
};

/** The calendar used when the preference is "auto": Jalali for Persian, Umm al-Qura for Arabic. */
export function effectiveCalendar(
  language: Language,
  preference: CalendarPreference,
): Exclude<CalendarPreference, "auto"> {
  if (preference !== "auto") return preference;
  if (language === "fa") return "persian";
  if (language === "ar") return "islamic";
  return "gregorian";
}

/** BCP 47 tag for numbers: Persian digits for fa, Arabic-Indic digits for ar. */
export function numberLocale(language: Language): string {
  return NUMBER_LOCALES[language];
}

/**
 * BCP 47 tag for dates in the chosen calendar, e.g. `fa-IR-u-ca-persian`.
 *
 * @example
 * dateLocale("ar", "auto"); // "ar-SA-u-ca-islamic-umalqura-nu-arab"
 */
export function dateLocale(language: Language, preference: CalendarPreference): string {
  const calendar = INTL_CALENDARS[effectiveCalendar(language, preference)];
  if (language === "fa") return `fa-IR-u-ca-${calendar}`;
  if (language === "ar") return `ar-SA-u-ca-${calendar}-nu-arab`;
  return `en-US-u-ca-${calendar}`;
}
