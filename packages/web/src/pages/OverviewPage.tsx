import { useState } from "react";
import { useTranslation } from "react-i18next";
import { withQuery } from "../api/query.ts";
import type { Overview, RetentionResponse, Target } from "../api/types.ts";
import type { ChartPoint } from "../charts/ChartSeries.ts";
import { seriesColor } from "../charts/palette.ts";
import { TrendChart } from "../charts/TrendChart.tsx";
import { ApiView } from "../components/ApiView.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { ProgressBar } from "../components/ProgressBar.tsx";
import { Select } from "../components/Select.tsx";
import { StatCard } from "../components/StatCard.tsx";
import { useApi } from "../hooks/useApi.ts";
import { usePrefs } from "../prefs/usePrefs.ts";
import { type PeriodUnit, periodOptions } from "./periodOptions.ts";
import { RateCard } from "./RateCard.tsx";

const TREND_METRICS = ["raw", "sales_adjusted", "profit_adjusted"] as const;

/** The headline page: the three retention rates, defection, value figures, targets and the trend. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { format } = usePrefs();
  const [period, setPeriod] = useState<PeriodUnit>("month");
  const [overview, reload] = useApi<Overview>(withQuery("/api/overview", { period }));
  const [trend] = useApi<RetentionResponse>(withQuery("/api/retention", { period }));

  const targetLine = (target: Target) => {
    const goal = target.goal === undefined ? "—" : format.value(target.goal);
    return t("overview.goal", { goal, deadline: format.date(target.deadline ?? null) });
  };

  return (
    <>
      <PageHeader title={t("overview.title")}>
        <Select
          label={t("retention.period")}
          value={period}
          options={periodOptions(t)}
          onChange={setPeriod}
        />
      </PageHeader>
      <ApiView state={overview} reload={reload} isEmpty={(o) => o.customers === 0 && o.latest === null}>
        {(o) => (
          <>
            <p className="muted" data-testid="latest-period">
              {o.latest === null
                ? t("overview.noPeriod")
                : t("overview.latest", { period: format.label(o.latest.period) })}
            </p>
            <div className="cards">
              <RateCard
                label={t("overview.raw")}
                latest={o.latest?.raw}
                previous={o.previous?.raw}
                previousPeriod={o.previous?.period}
              />
              <RateCard
                label={t("overview.sales")}
                latest={o.latest?.sales_adjusted}
                previous={o.previous?.sales_adjusted}
                previousPeriod={o.previous?.period}
              />
              <RateCard
                label={t("overview.profit")}
                latest={o.latest?.profit_adjusted}
                previous={o.previous?.profit_adjusted}
                previousPeriod={o.previous?.period}
              />
              <StatCard
                label={t("overview.defection")}
                value={format.percent(o.defection_rate)}
                hint={t("overview.defectionHint")}
              />
              <StatCard label={t("overview.customers")} value={format.number(o.customers)} />
              <StatCard label={t("overview.active")} value={format.number(o.active)} />
              <StatCard
                label={t("overview.clv")}
                value={format.money(o.clv_total, true)}
                {...(o.clv_total === null ? { hint: t("overview.clvMissing") } : {})}
              />
              <StatCard
                label={t("overview.valueAtRisk")}
                value={format.money(o.value_at_risk, true)}
                {...(o.value_at_risk === null ? { hint: t("overview.valueAtRiskMissing") } : {})}
              />
            </div>
            <div className="grid-2">
              <Panel title={t("overview.trend", { period: t(`periods.${period}`) })}>
                <ApiView state={trend} isEmpty={(r) => r.rows.length === 0}>
                  {(r) => {
                    const points: ChartPoint[] = r.rows
                      .filter((row) => row.complete && (row.group === null || row.group === "(all)"))
                      .map((row) => ({
                        period: row.period,
                        raw: row.raw,
                        sales_adjusted: row.sales_adjusted,
                        profit_adjusted: row.profit_adjusted,
                      }));
                    return (
                      <TrendChart
                        label={t("overview.trend", { period: t(`periods.${period}`) })}
                        data={points}
                        xKey="period"
                        kind="percent"
                        series={TREND_METRICS.map((m, i) => ({
                          key: m,
                          name: t(`metrics.${m}`),
                          color: seriesColor(i),
                        }))}
                      />
                    );
                  }}
                </ApiView>
              </Panel>
              <Panel title={t("overview.targets")}>
                {o.targets.length === 0 ? (
                  <p className="muted">{t("overview.noTargets")}</p>
                ) : (
                  <ul className="targets">
                    {o.targets.map((target, i) => (
                      <li key={target.id ?? i}>
                        <div className="target-name">
                          {target.metric ?? "—"}
                          {target.scope ? ` · ${format.label(target.scope)}` : ""}
                        </div>
                        <div className="muted">{targetLine(target)}</div>
                        {typeof target.progress === "number" ? (
                          <ProgressBar value={target.progress} label={format.percent(target.progress)} />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </Panel>
            </div>
          </>
        )}
      </ApiView>
    </>
  );
}
