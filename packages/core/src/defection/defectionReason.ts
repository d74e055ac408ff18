import type { ReasonFacts } from "./DefectionEvaluation.ts";
import { formatLocaleNumber } from "./formatLocaleNumber.ts";
import type { Locale } from "./Locale.ts";

interface Templates {
  readonly boughtEvery: (gap: string, months: string, monthsN: number, gapN: number) => string;
  readonly boughtEveryShort: (gap: string, gapN: number) => string;
  readonly boughtOnce: (gap: string, gapN: number) => string;
  readonly boughtFew: (count: string, gap: string, gapN: number) => string;
  readonly silent: (days: string, n: number) => string;
  readonly visitsDown: (pct: string) => string;
  readonly spendDown: (pct: string) => string;
  readonly pAlive: (p: string) => string;
  readonly pPurchase: (p: string, days: string, daysN: number) => string;
  readonly contract: (days: string, n: number) => string;
  readonly separator: string;
  readonly percent: string;
}

// Arabic counted nouns agree with the number: 1 يوم, 2 يومين, 3–10 أيام, 11+ يومًا.
function arDays(n: number, text: string): string {
  if (n === 1) return "يوم واحد";
  if (n === 2) return "يومين";
  return n >= 3 && n <= 10 ? `${text} أيام` : `${text} يومًا`;
}
function arMonths(n: number, text: string): string {
  if (n === 1) return "شهر واحد";
  if (n === 2) return "شهرين";
  return n >= 3 && n <= 10 ? `${text} أشهر` : `${text} شهرًا`;
}
const en = (n: number, one: string, many: string) => (n === 1 ? one : many);

const TEMPLATES: Record<Locale, Templates> = {
  en: {
    boughtEvery: (g, m, mn, gn) =>
      `bought every ${g} ${en(gn, "day", "days")} for ${m} ${en(mn, "month", "months")}`,
    boughtEveryShort: (g, gn) => `bought every ${g} ${en(gn, "day", "days")}`,
    boughtOnce: (g, gn) => `bought once (customers like this buy every ${g} ${en(gn, "day", "days")})`,
    boughtFew: (c, g, gn) =>
      `bought ${c} times (customers like this buy every ${g} ${en(gn, "day", "days")})`,
    silent: (d, n) => `nothing for ${d} ${en(n, "day", "days")}`,
    visitsDown: (p) => `visits down ${p}`,
    spendDown: (p) => `spend down ${p}`,
    pAlive: (p) => `P(alive) ${p}`,
    pPurchase: (p, d, n) => `P(purchase within ${d} ${en(n, "day", "days")}) ${p}`,
    contract: (d, n) => `contract ended ${d} ${en(n, "day", "days")} ago and was not renewed`,
    separator: "; ",
    percent: "%",
  },
  fa: {
    boughtEvery: (g, m) => `${m} ماه هر ${g} روز یک‌بار خرید می‌کرد`,
    boughtEveryShort: (g) => `هر ${g} روز یک‌بار خرید می‌کرد`,
    boughtOnce: (g) => `فقط یک‌بار خرید کرده (مشتریان مشابه هر ${g} روز خرید می‌کنند)`,
    boughtFew: (c, g) => `${c} بار خرید کرده (مشتریان مشابه هر ${g} روز خرید می‌کنند)`,
    silent: (d) => `${d} روز است خریدی نکرده`,
    visitsDown: (p) => `دفعات خرید ${p} کم شده`,
    spendDown: (p) => `مبلغ خرید ${p} کم شده`,
    pAlive: (p) => `احتمال فعال ماندن ${p}`,
    pPurchase: (p, d) => `احتمال خرید در ${d} روز آینده ${p}`,
    contract: (d) => `قرارداد ${d} روز پیش تمام شده و تمدید نشده`,
    separator: "؛ ",
    percent: "٪",
  },
  ar: {
    boughtEvery: (g, m, mn, gn) => `كان يشتري كل ${arDays(gn, g)} لمدة ${arMonths(mn, m)}`,
    boughtEveryShort: (g, gn) => `كان يشتري كل ${arDays(gn, g)}`,
    boughtOnce: (g, gn) => `اشترى مرة واحدة (العملاء المشابهون يشترون كل ${arDays(gn, g)})`,
    boughtFew: (c, g, gn) => `اشترى ${c} مرات (العملاء المشابهون يشترون كل ${arDays(gn, g)})`,
    silent: (d, n) => `لا مشتريات منذ ${arDays(n, d)}`,
    visitsDown: (p) => `انخفضت الزيارات بنسبة ${p}`,
    spendDown: (p) => `انخفض الإنفاق بنسبة ${p}`,
    pAlive: (p) => `احتمال بقائه نشطًا ${p}`,
    pPurchase: (p, d, n) => `احتمال الشراء خلال ${arDays(n, d)} ${p}`,
    contract: (d, n) => `انتهى العقد منذ ${arDays(n, d)} ولم يُجدَّد`,
    separator: "؛ ",
    percent: "٪",
  },
};

/**
 * The one-sentence human reason of an alert, in the user's language, with the locale's digits:
 * the customer's rhythm, the silence, the drops that fired, P(alive) when scored, the model's
 * P(purchase) when a rule read it, and an unrenewed contract. Months of history are whole 30-day
 * months, shown when there are at least two.
 *
 * @example
 * defectionReason({ purchases: 40, typicalGap: 9, gapSource: "own", historyDays: 365, silentDays: 41,
 *   frequencyChange: null, spendChange: -0.6, pAlive: 0.18, pPurchase: 0.31, purchaseHorizonDays: 90,
 *   contractEndedDaysAgo: null }, "en");
 * // "bought every 9 days for 12 months; nothing for 41 days; spend down 60%; P(alive) 0.18;
 * //  P(purchase within 90 days) 0.31"
 */
export function defectionReason(facts: ReasonFacts, locale: Locale): string {
  const t = TEMPLATES[locale];
  const n = (v: number, digits = 0) => formatLocaleNumber(v, locale, digits);
  const pct = (change: number) => `${n(Math.round(-change * 100))}${t.percent}`;
  const parts: string[] = [];
  if (facts.typicalGap !== null) {
    const gap = Math.round(facts.typicalGap);
    const months = Math.round(facts.historyDays / 30);
    if (facts.gapSource === "own" && months >= 2) parts.push(t.boughtEvery(n(gap), n(months), months, gap));
    else if (facts.gapSource === "own") parts.push(t.boughtEveryShort(n(gap), gap));
    else if (facts.purchases > 1) parts.push(t.boughtFew(n(facts.purchases), n(gap), gap));
    else parts.push(t.boughtOnce(n(gap), gap));
  }
  parts.push(t.silent(n(facts.silentDays), facts.silentDays));
  if (facts.frequencyChange !== null) parts.push(t.visitsDown(pct(facts.frequencyChange)));
  if (facts.spendChange !== null) parts.push(t.spendDown(pct(facts.spendChange)));
  if (facts.pAlive !== null) parts.push(t.pAlive(n(facts.pAlive, 2)));
  if (facts.pPurchase !== null && facts.purchaseHorizonDays !== null) {
    const days = facts.purchaseHorizonDays;
    parts.push(t.pPurchase(n(facts.pPurchase, 2), n(days), days));
  }
  if (facts.contractEndedDaysAgo !== null) {
    parts.push(t.contract(n(facts.contractEndedDaysAgo), facts.contractEndedDaysAgo));
  }
  return parts.join(t.separator);
}
