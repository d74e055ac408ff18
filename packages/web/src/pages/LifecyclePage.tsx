import { useState } from "react";
import { useTranslation } from "react-i18next";
import { withQuery } from "../api/query.ts";
import type { LifecycleResponse, LifecycleRow } from "../api/types.ts";
import { BarsChart } from "../charts/BarsChart.tsx";
import { seriesColor } from "../charts/palette.ts";
import { ApiView } from "../components/ApiView.tsx";
import { type Column, DataTable } from "../components/DataTable.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { Select } from "../components/Select.tsx";
import { useApi } from "../hooks/useApi.ts";
import { type PeriodUnit, periodOptions } from "./periodOptions.ts";

const STAGES = ["new", "retained", "resurrected", "dormant"] as const;

/** Stacked bars of new, retained and resurrected customers per period, with the dormant beside them. */
export function LifecyclePage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PeriodUnit>("month");
  const [state, reload] = useApi<LifecycleResponse>(withQuery("/api/lifecycle", { period }));
  const columns: Column<LifecycleRow>[] = [
    { key: "period", header: t("lifecycle.period"), value: (r) => r.period, kind: "label" },
    ...STAGES.map((s) => ({
      key: s,
      header: t(`lifecycle.${s}`),
      value: (r: LifecycleRow) => r[s],
      kind: "number" as const,
    })),
  ];
  return (
    <>
      <PageHeader title={t("lifecycle.title")} intro={t("lifecycle.intro")}>
        <Select
          label={t("retention.period")}
          value={period}
          options={periodOptions(t)}
          onChange={setPeriod}
        />
      </PageHeader>
      <ApiView state={state} reload={reload} isEmpty={(d) => d.rows.length === 0}>
        {(d) => (
          <>
            <Panel>
              <BarsChart
                label={t("lifecycle.title")}
                data={d.rows.map((r) => ({ ...r, group: r.group ?? null }))}
                xKey="period"
                kind="number"
                height={340}
                series={STAGES.map((s, i) => ({
                  key: s,
                  name: t(`lifecycle.${s}`),
                  color: s === "dormant" ? "#8a94a6" : seriesColor(i),
                  stack: s === "dormant" ? "out" : "in",
                }))}
              />
            </Panel>
            <Panel>
              <DataTable
                columns={columns}
                rows={d.rows}
                rowKey={(r) => `${r.period}|${r.group ?? ""}`}
                csvName={`lifecycle-${period}`}
              />
            </Panel>
          </>
        )}
      </ApiView>
    </>
  );
}
