import { useState } from "react";
import { useTranslation } from "react-i18next";
import { withQuery } from "../api/query.ts";
import type { CohortsResponse } from "../api/types.ts";
import { CohortHeatmap } from "../charts/CohortHeatmap.tsx";
import { ApiView } from "../components/ApiView.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { Select } from "../components/Select.tsx";
import { downloadCsv, toCsv } from "../format/csv.ts";
import { useApi } from "../hooks/useApi.ts";
import { type PeriodUnit, periodOptions } from "./periodOptions.ts";

const METRICS = ["count", "sales", "profit"] as const;
const MODES = ["on", "on-or-after"] as const;
const RELATIVE = ["first", "previous"] as const;

/** Exports the cohort triangle with raw shares. */
function exportCohorts(data: CohortsResponse, name: string): void {
  const width = Math.max(data.mean.length, ...data.cohorts.map((c) => c.values.length));
  const offsets = Array.from({ length: width }, (_, k) => k);
  const rows = [
    ...data.cohorts.map((c) => ({ cohort: c.cohort, size: c.size as number | null, values: c.values })),
    { cohort: "mean", size: null, values: data.mean },
  ];
  const csv = toCsv(
    [
      { header: "cohort", value: (r: (typeof rows)[number]) => r.cohort },
      { header: "size", value: (r: (typeof rows)[number]) => r.size },
      ...offsets.map((k) => ({ header: `p${k}`, value: (r: (typeof rows)[number]) => r.values[k] ?? null })),
    ],
    rows,
  );
  downloadCsv(`${name}.csv`, csv);
}

/** The cohort heatmap with measure, mode and base pickers. */
export function CohortsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<PeriodUnit>("month");
  const [metric, setMetric] = useState<(typeof METRICS)[number]>("count");
  const [mode, setMode] = useState<(typeof MODES)[number]>("on");
  const [relative, setRelative] = useState<(typeof RELATIVE)[number]>("first");
  const [state, reload] = useApi<CohortsResponse>(
    withQuery("/api/cohorts", { period, metric, mode, relative_to: relative }),
  );
  return (
    <>
      <PageHeader title={t("cohorts.title")} intro={t("cohorts.intro")}>
        <Select
          label={t("retention.period")}
          value={period}
          options={periodOptions(t)}
          onChange={setPeriod}
        />
        <Select
          label={t("cohorts.metric")}
          value={metric}
          options={METRICS.map((m) => ({ value: m, label: t(`cohorts.${m}`) }))}
          onChange={setMetric}
        />
        <Select
          label={t("cohorts.mode")}
          value={mode}
          options={MODES.map((m) => ({ value: m, label: t(`cohorts.${m}`) }))}
          onChange={setMode}
        />
        <Select
          label={t("cohorts.relativeTo")}
          value={relative}
          options={RELATIVE.map((m) => ({ value: m, label: t(`cohorts.${m}`) }))}
          onChange={setRelative}
        />
      </PageHeader>
      <ApiView state={state} reload={reload} isEmpty={(d) => d.cohorts.length === 0}>
        {(d) => (
          <Panel
            actions={
              <button
                type="button"
                className="secondary"
                onClick={() => exportCohorts(d, `cohorts-${period}-${metric}-${mode}-${relative}`)}
              >
                {t("common.exportCsv")}
              </button>
            }
          >
            <CohortHeatmap data={d} />
          </Panel>
        )}
      </ApiView>
    </>
  );
}
