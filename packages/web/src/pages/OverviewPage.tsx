import { useState } from "react";
import { useTranslation } from "react-i18next";
import { withQuery } from "../api/query.ts";
import type { Overview, RetentionResponse, Target } from "../api/types.ts";
import type { ChartPoint } from "../charts/ChartSeries.ts";
import { seriesColor } from "../charts/palette.ts";
import { TrendChart } from "../charts/TrendChart.tsx";
import { ApiView } from "../components/ApiView.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Loading } from "../components/Loading.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { ProgressBar } from "../components/ProgressBar.tsx";
import { Select } from "../components/Select.tsx";
import { StatCard } from "../components/StatCard.tsx";
import { type ApiState, useApi } from "../hooks/useApi.ts";
import { usePrefs } from "../prefs/usePrefs.ts";
import { useSession } from "../session/useSession.ts";
import { fieldHeader } from "../tables/fields.ts";
import { valueLabel } from "../tables/values.ts";
import { type PeriodUnit, periodOptions } from "./periodOptions.ts";
import { RateCard } from "./RateCard.tsx";

interface DefectionRateRow {
  readonly period: string;
  readonly group: string | null;
  readonly customersAtStart: number;
  readonly defected: number;
  readonly rate: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly valueLost: number | null;
}
interface DefectionRate {
  readonly rows: readonly DefectionRateRow[];
}

/** The executive's one defection figure: defected by rule in the latest complete period, with its interval. */
function DefectionCard({ state, churn }: { state: ApiState<DefectionRate>; churn: number | null }) {
  const { t } = useTranslation();
  const { format } = usePrefs();
  if (state.status === "loading")
    return (
      <div className="stat-card" data-testid="defection-card">
        <Loading />
      </div>
    );
  const rows = state.status === "ok" ? state.data.rows.filter((r) => r.group === null) : [];
  const latest = rows.at(-1);
  return (
    <StatCard
      testId="defection-card"
      label={t("ov.defection")}
      value={latest === undefined ? "—" : format.interval(latest.rate, latest.low, latest.high)}
      hint={[
        latest === undefined ? "" : t("ov.defectionHint", { period: format.label(latest.period) }),
        churn === null ? "" : t("ov.churnLine", { churn: format.percent(churn) }),
      ]
        .filter((line) => line !== "")
        .join(" ")}
      link={{ href: "#/worklist", label: t("ov.explainWorklist") }}
    />
  );
}

const TREND_METRICS = ["raw", "sales_adjusted", "profit_adjusted"] as const;

/** The headline page: the three retention rates, defection, value figures, targets and the trend. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { format, language } = usePrefs();
  const [period, setPeriod] = useState<PeriodUnit>("month");
  const [overview, reload] = useApi<Overview>(withQuery("/api/overview", { period }));
  const [trend] = useApi<RetentionResponse>(withQuery("/api/retention", { period }));
  // Agents see their own branch's figures only: the company-wide defection rate and the programme's
  // targets are not theirs to read, so they are not asked for.
  const { user } = useSession();
  const executive = user.role !== "agent";
  const [defection] = useApi<DefectionRate>(
    executive ? withQuery("/api/defection/rate", { period, periods: 1 }) : null,
  );
  const [byBranch] = useApi<DefectionRate>(
    executive ? withQuery("/api/defection/rate", { period, periods: 1, by: "branch" }) : null,
  );
  const [targets] = useApi<{ rows: readonly Target[] }>(executive ? "/api/programme/targets" : null);
  const targetLine = (target: Target) => {
    const goal =
      target.goal === undefined
        ? "—"
        : Math.abs(target.goal) <= 1.5
          ? format.percent(target.goal)
          : format.number(target.goal);
    return t("overview.goal", { goal, deadline: format.date(target.deadline ?? null) });
  };

  const branchColumns: Column<DefectionRateRow>[] = [
    { key: "group", header: fieldHeader("branch", language), value: (r) => r.group ?? "—", kind: "label" },
    { key: "period", header: fieldHeader("period", language), value: (r) => r.period, kind: "label" },
    {
      key: "customersAtStart",
      header: fieldHeader("customersAtStart", language),
      value: (r) => r.customersAtStart,
      kind: "number",
    },
    { key: "defected", header: fieldHeader("defected", language), value: (r) => r.defected, kind: "number" },
    {
      key: "rate",
      header: t("ov.defection"),
      value: (r) => r.rate,
      kind: "percent",
      render: (r) => format.interval(r.rate, r.low, r.high),
    },
    {
      key: "valueLost",
      header: fieldHeader("valueLost", language),
      value: (r) => r.valueLost,
      kind: "money",
    },
  ];

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
              {executive ? <DefectionCard state={defection} churn={o.latest?.churn ?? null} /> : null}
              <RateCard
                label={t("overview.raw")}
                latest={o.latest?.raw}
                previous={o.previous?.raw}
                previousPeriod={o.previous?.period}
                link={{ href: "#/retention", label: t("ov.explainRetention") }}
              />
              <RateCard
                label={t("overview.sales")}
                latest={o.latest?.sales_adjusted}
                previous={o.previous?.sales_adjusted}
                previousPeriod={o.previous?.period}
                link={{ href: "#/retention", label: t("ov.explainRetention") }}
              />
              <RateCard
                label={t("overview.profit")}
                latest={o.latest?.profit_adjusted}
                previous={o.previous?.profit_adjusted}
                previousPeriod={o.previous?.period}
                {...(o.latest !== null && o.latest.profit_adjusted === null
                  ? {
                      missingHint: t("ov.noProfit"),
                      link: { href: "#/settings", label: t("ov.setMargin") },
                    }
                  : { link: { href: "#/retention", label: t("ov.explainRetention") } })}
              />
              <StatCard
                label={t("overview.customers")}
                value={format.number(o.customers)}
                link={{ href: "#/customers", label: t("ov.explainCustomers") }}
              />
              <StatCard
                label={t("overview.active")}
                value={format.number(o.active)}
                link={{ href: "#/lifecycle", label: t("ov.details") }}
              />
              <StatCard
                label={t("overview.clv")}
                value={format.money(o.clv_total, true)}
                {...(o.clv_total === null ? { hint: t("overview.clvMissing") } : {})}
                link={{ href: "#/programme", label: t("ov.explainProgramme") }}
              />
              <StatCard
                label={t("overview.valueAtRisk")}
                value={format.money(o.value_at_risk, true)}
                {...(o.value_at_risk === null ? { hint: t("overview.valueAtRiskMissing") } : {})}
                link={{ href: "#/worklist", label: t("ov.explainWorklist") }}
              />
            </div>
            {executive ? (
              <Panel title={t("ov.byBranch")}>
                <ApiView
                  state={byBranch}
                  isEmpty={(r) => r.rows.length === 0}
                  emptyMessage={t("empty.noRows")}
                >
                  {(r) => (
                    <DataTable
                      columns={branchColumns}
                      rows={r.rows}
                      rowKey={(row) => `${row.period}-${row.group ?? ""}`}
                      csvName="defection-by-branch"
                      initialSort={{ key: "rate", descending: true }}
                    />
                  )}
                </ApiView>
              </Panel>
            ) : null}
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
              {executive ? (
                <Panel title={t("overview.targets")}>
                  <ApiView state={targets}>
                    {(list) =>
                      list.rows.length === 0 ? (
                        <p className="muted">
                          {t("overview.noTargets")} <a href="#/programme">{t("ov.explainProgramme")} →</a>
                        </p>
                      ) : (
                        <ul className="targets">
                          {list.rows.map((target, i) => (
                            <li key={target.id ?? i}>
                              <div className="target-name">
                                {target.name ?? valueLabel(String(target.metric ?? ""), language)}
                                {target.scope && target.scope !== "all"
                                  ? ` · ${format.label(target.scope)}`
                                  : ""}
                              </div>
                              <div className="muted">{targetLine(target)}</div>
                              {typeof target.progress === "number" ? (
                                <ProgressBar
                                  value={target.progress}
                                  label={format.percent(target.progress)}
                                />
                              ) : null}
                            </li>
                          ))}
                        </ul>
                      )
                    }
                  </ApiView>
                </Panel>
              ) : null}
            </div>
          </>
        )}
      </ApiView>
    </>
  );
}
