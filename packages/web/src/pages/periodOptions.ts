import type { TFunction } from "i18next";

/** Period units the API accepts. */
export const PERIODS = ["day", "week", "month", "quarter", "year", "fiscal-year"] as const;
export type PeriodUnit = (typeof PERIODS)[number];

/** The period picker's options in the reader's language. */
export function periodOptions(t: TFunction): { value: PeriodUnit; label: string }[] {
  return PERIODS.map((p) => ({ value: p, label: t(`periods.${p}`) }));
}
