/**
 * Words that mean "yes" and "no" in an export, in English, Persian and Arabic (both spellings of
 * the Persian/Arabic ye and kaf), compared after trimming and lower-casing. `0`/`1` are not among
 * them: a 0/1 column is read as a number.
 *
 * @example
 * YES_WORDS.includes("بله"); // true
 */
export const YES_WORDS: readonly string[] = [
  "yes",
  "y",
  "true",
  "بله",
  "بلی",
  "بلي",
  "آری",
  "آري",
  "آره",
  "نعم",
  "أجل",
  "اجل",
];

/** Words that mean "no" (see `YES_WORDS`). */
export const NO_WORDS: readonly string[] = ["no", "n", "false", "خیر", "خير", "نه", "لا", "کلا", "كلا"];

/**
 * The statuses a snapshot export's status column may hold, each with the words that mean it (after
 * trimming and lower-casing). A churn flag's "yes" means defected and its "no" active; "joined"
 * (a new customer) and "stayed" are active.
 *
 * @example
 * STATUS_WORDS.defected.includes("churned"); // true
 */
export const STATUS_WORDS: Readonly<
  Record<"defected" | "active" | "at_risk" | "reactivated", readonly string[]>
> = {
  defected: [
    "defected",
    "churned",
    "churn",
    "left",
    "lost",
    "cancelled",
    "canceled",
    "terminated",
    "closed",
    "inactive",
    "1",
    "ریزش",
    "ریزشی",
    "رفته",
    "منصرف",
    "لغو",
    "غادر",
    "منسحب",
    "ملغى",
    "ملغي",
    ...YES_WORDS,
  ],
  active: [
    "active",
    "stayed",
    "retained",
    "current",
    "joined",
    "new",
    "0",
    "فعال",
    "مانده",
    "نشط",
    "باق",
    "جديد",
    "جدید",
    ...NO_WORDS,
  ],
  at_risk: ["at risk", "at_risk", "at-risk", "در خطر", "معرض للخطر"],
  reactivated: ["reactivated", "returned", "بازگشته", "عائد"],
};
