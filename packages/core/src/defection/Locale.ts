/** Languages of user-facing sentences: English, Persian, Arabic. */
export type Locale = "en" | "fa" | "ar";

/** Every supported locale. */
export const LOCALES: readonly Locale[] = ["en", "fa", "ar"];
