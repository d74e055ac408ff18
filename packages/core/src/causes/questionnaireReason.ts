import { DEFAULT_EXIT_REASONS } from "../defection/worklistTaxonomy.ts";

/** Words of a free-text reason (or its category) that say which questionnaire reason it is, first match wins. */
const MATCHES: readonly (readonly [string, RegExp])[] = [
  ["moved", /\b(moved|relocat|emigrat|deceased)/],
  ["competitor_offer", /\b(competitor|better offer|switched|rival)/],
  ["staff_behaviour", /\b(attitude|rude|staff|support person|behaviou?r|employee)/],
  ["price", /\b(price|expensive|cost|charges?|cheaper|fees?)\b/],
  ["payment_problem", /\b(payment|billing|bill|invoice)/],
  ["product", /\b(product|device|features?|handset)/],
  ["service_quality", /\b(service|network|reliab|quality|speed|coverage|support|dissatisf)/],
  ["no_longer_needs", /\b(no longer|don'?t need|not needed|no need)/],
];

/**
 * The exit questionnaire's reason (`DEFAULT_EXIT_REASONS`) a free-text reason from an export maps
 * onto where they match: the reason itself when it is one of them, else the first reason whose words
 * appear in the reason, else in its category ("Competitor had better devices" → competitor_offer;
 * "Attitude of support person" → staff_behaviour; "Price too high" → price); null when none does, so
 * export reasons and questionnaire answers can be read side by side without forcing a match.
 *
 * @example
 * questionnaireReason("network reliability", "dissatisfaction"); // "service_quality"
 * questionnaireReason("don't know", "other"); // null
 */
export function questionnaireReason(reason: string | null, category: string | null = null): string | null {
  const text = (reason ?? "").trim().toLowerCase();
  if (DEFAULT_EXIT_REASONS.includes(text) && text !== "other") return text;
  for (const source of [text, (category ?? "").trim().toLowerCase()]) {
    if (source === "") continue;
    const found = MATCHES.find(([, pattern]) => pattern.test(source));
    if (found !== undefined) return found[0];
  }
  return null;
}
