/** Languages of the dashboard; fa and ar are right-to-left. */
export const LANGUAGES = ["en", "fa", "ar"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Calendars a user can read dates in; "auto" follows the language. */
export const CALENDARS = ["auto", "gregorian", "persian", "islamic"] as const;
export type CalendarPreference = (typeof CALENDARS)[number];

/** True for the right-to-left languages. */
export function isRtl(language: Language): boolean {
  return language === "fa" || language === "ar";
}

/** Narrows any string to a Language, falling back to English. */
export function toLanguage(value: string | null | undefined): Language {
  const short = (value ?? "").slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(short) ? (short as Language) : "en";
}

/** Narrows a stored or server-side calendar name to a preference ("jalali" → persian, "hijri" → islamic). */
export function toCalendar(value: string | null | undefined): CalendarPreference {
  switch ((value ?? "").toLowerCase()) {
    case "gregorian":
    case "gregory":
      return "gregorian";
    case "persian":
    case "jalali":
    case "shamsi":
      return "persian";
    case "islamic":
    case "islamic-umalqura":
    case "umalqura":
    case "hijri":
      return "islamic";
    default:
      return "auto";
  }
}
