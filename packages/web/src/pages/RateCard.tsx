import { useTranslation } from "react-i18next";
import { StatCard } from "../components/StatCard.tsx";
import { usePrefs } from "../prefs/usePrefs.ts";

export interface RateCardProps {
  readonly label: string;
  readonly latest: number | null | undefined;
  readonly previous: number | null | undefined;
  readonly previousPeriod: string | null | undefined;
  /** True when a lower value is better (churn). */
  readonly lowerIsBetter?: boolean;
  /** Said instead of "no previous period" when the rate itself is missing. */
  readonly missingHint?: string;
  readonly link?: { readonly href: string; readonly label: string };
}

/** A rate with its change in percentage points against the previous period. */
export function RateCard({
  label,
  latest,
  previous,
  previousPeriod,
  lowerIsBetter = false,
  missingHint,
  link,
}: RateCardProps) {
  const { t } = useTranslation();
  const { format } = usePrefs();
  const linked = link === undefined ? {} : { link };
  if ((latest === null || latest === undefined) && missingHint !== undefined)
    return <StatCard label={label} value={format.percent(latest)} hint={missingHint} {...linked} />;
  if (latest === null || latest === undefined || previous === null || previous === undefined) {
    return (
      <StatCard label={label} value={format.percent(latest)} hint={t("overview.noPrevious")} {...linked} />
    );
  }
  // The difference of two server figures, shown in points: presentation, not a new measure.
  const points = (latest - previous) * 100;
  const sign = points > 0 ? "+" : points < 0 ? "−" : "±";
  const better = lowerIsBetter ? points < 0 : points > 0;
  const trend = points === 0 ? "neutral" : better ? "up" : "down";
  return (
    <StatCard
      label={label}
      value={format.percent(latest)}
      hint={t("overview.change", {
        change: `${sign}${format.number(Math.abs(points), 1)}`,
        period: format.label(previousPeriod ?? ""),
      })}
      trend={trend}
      {...linked}
    />
  );
}
