import type { Locale } from "./Locale.ts";

// Explicit numbering systems: Node's "ar" defaults to Latin digits, and reasons must read natively.
const TAGS: Record<Locale, string> = { en: "en-US", fa: "fa-IR-u-nu-arabext", ar: "ar-u-nu-arab" };

/**
 * Formats a number in the locale's digits (Persian ۰–۹ for fa, Arabic-Indic ٠–٩ for ar), with at most
 * `maxFractionDigits` decimals and no grouping surprises for small numbers.
 *
 * @example
 * formatLocaleNumber(41, "fa"); // "۴۱"
 * formatLocaleNumber(0.18, "ar", 2); // "٠٫١٨"
 */
export function formatLocaleNumber(value: number, locale: Locale, maxFractionDigits = 0): string {
  return new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: maxFractionDigits }).format(value);
}
