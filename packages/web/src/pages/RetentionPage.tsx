import { useState } from "react";
import { useTranslation } from "react-i18next";
import { withQuery } from "../api/query.ts";
import type { RetentionResponse, RetentionRow } from "../api/types.ts";
import type { ChartPoint, ChartSeries } from "../charts/ChartSeries.ts";
import { seriesColor } from "../charts/palette.ts";
import { TrendChart } from "../charts/TrendChart.tsx";
import { ApiView } from "../components/ApiView.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { Field } from "../components/Field.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { Select } from "../components/Select.tsx";
import { useApi } from "../hooks/useApi.ts";
import { useHashParam } from "../hooks/useHashParam.ts";
import { usePrefs } from "../prefs/usePrefs.ts";
import { PERIODS, type PeriodUnit, periodOptions } from "./periodOptions.ts";

const RATES = [
  "raw",
  "churn",
  "sales_adjusted",
  "sales_base_weighted",
  "gross_revenue_retention",
  "profit_adjusted",
  "profit_base_weighted",
  "gross_profit_retention",
] as const;
type Rate = (typeof RATES)[number];

const COUNTS = ["active_start", "retained", "new", "resurrected", "lost"] as const;
const DIMENSIONS = [
  "none",
  "segment",
  "region",
  "country",
  "branch",
  "owner",
  "channel",
  "category",
  "product",
  "employee",
] as const;
type DimensionChoice = (typeof DIMENSIONS)[number];
const CALENDAR_PARAMS = ["gregorian", "persian", "islamic"] as const;
type CalendarParam = (typeof CALENDAR_PARAMS)[number];
const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
type Weekday = (typeof WEEKDAYS)[number];

/** Lays rows out for the chart: one point per period, one series per group (or per rate without a breakdown). */
function chartData(rows: readonly RetentionRow[], rate: Rate, grouped: boolean): ChartPoint[] {
  const byPeriod = new Map<string, Record<string, string | number | null>>();
  for (const row of rows) {
    const point = byPeriod.get(row.period) ?? { period: row.period };
    point[grouped ? `g:${row.group ?? "—"}` : rate] = row[rate];
    byPeriod.set(row.period, point);
  }
  return [...byPeriod.values()];
}

/** Retention over time with period, calendar and breakdown pickers, a chart, and a sortable table. */
export function RetentionPage() {
  const { t } = useTranslation();
  const { format } = usePrefs();
  const [period, setPeriod] = useHashParam<PeriodUnit>("period", "month", PERIODS);
  const [calendar, setCalendar] = useHashParam<CalendarParam>("calendar", "gregorian", CALENDAR_PARAMS);
  const [by, setBy] = useHashParam<DimensionChoice>("by", "none", DIMENSIONS);
  const [fiscalStart, setFiscalStart] = useState("01-01");
  const [weekStart, setWeekStart] = useState<Weekday>("1");
  const [rate, setRate] = useHashParam<Rate>("rate", "raw", RATES);
  const path = withQuery("/api/retention", {
    period,
    calendar,
    by: by === "none" ? undefined : by,
    fiscal_start: period === "fiscal-year" ? fiscalStart : undefined,
    week_start: period === "week" ? weekStart : undefined,
  });
  const [state, reload] = useApi<RetentionResponse>(path);
  const grouped = by !== "none";

  const columns: Column<RetentionRow>[] = [
    { key: "period", header: t("retention.columns.period"), value: (r) => r.period, kind: "label" },
    ...(grouped
      ? [
          {
            key: "group",
            header: t("retention.columns.group"),
            value: (r: RetentionRow) => r.group,
            kind: "label" as const,
          },
        ]
      : []),
    ...COUNTS.map((c) => ({
      key: c,
      header: t(`retention.columns.${c}`),
      value: (r: RetentionRow) => r[c],
      kind: "number" as const,
    })),
    ...RATES.map((m) => ({
      key: m,
      header: t(`metrics.${m}`),
      value: (r: RetentionRow) => r[m],
      kind: "percent" as const,
    })),
    {
      key: "complete",
      header: t("retention.columns.complete"),
      value: (r) => r.complete,
      render: (r) => (r.complete ? t("common.complete") : t("common.incomplete")),
    },
  ];

  return (
    <>
      <PageHeader title={t("retention.title")}>
        <Select
          label={t("retention.period")}
          value={period}
          options={periodOptions(t)}
          onChange={setPeriod}
        />
        <Select
          label={t("retention.calendar")}
          value={calendar}
          options={CALENDAR_PARAMS.map((c) => ({ value: c, label: t(`calendars.${c}`) }))}
          onChange={setCalendar}
        />
        <Select
          label={t("retention.by")}
          value={by}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`dims.${d}`) }))}
          onChange={setBy}
        />
        {period === "fiscal-year" ? (
          <Field label={t("retention.fiscalStart")}>
            <input
              value={fiscalStart}
              dir="ltr"
              pattern="\d{2}-\d{2}"
              size={6}
              onChange={(e) => setFiscalStart(e.target.value)}
            />
          </Field>
        ) : null}
        {period === "week" ? (
          <Select
            label={t("retention.weekStart")}
            value={weekStart}
            options={WEEKDAYS.map((d) => ({ value: d, label: t(`weekdays.${d}`) }))}
            onChange={setWeekStart}
          />
        ) : null}
      </PageHeader>
      <ApiView state={state} reload={reload} isEmpty={(r) => r.rows.length === 0}>
        {(r) => {
          const groups = grouped ? [...new Set(r.rows.map((row) => row.group ?? "—"))].slice(0, 8) : [];
          const series: ChartSeries[] = grouped
            ? groups.map((g, i) => ({ key: `g:${g}`, name: format.label(g), color: seriesColor(i) }))
            : [{ key: rate, name: t(`metrics.${rate}`), color: seriesColor(0) }];
          return (
            <>
              <Panel
                title={t(`metrics.${rate}`)}
                actions={
                  <Select
                    label={t("retention.chartMetric")}
                    value={rate}
                    options={RATES.map((m) => ({ value: m, label: t(`metrics.${m}`) }))}
                    onChange={setRate}
                  />
                }
              >
                <TrendChart
                  label={t(`metrics.${rate}`)}
                  data={chartData(r.rows, rate, grouped)}
                  xKey="period"
                  kind="percent"
                  series={series}
                />
              </Panel>
              <Panel>
                <DataTable
                  columns={columns}
                  rows={r.rows}
                  rowKey={(row) => `${row.period}|${row.group ?? ""}`}
                  csvName={`retention-${period}${grouped ? `-by-${by}` : ""}`}
                />
              </Panel>
            </>
          );
        }}
      </ApiView>
    </>
  );
}
