import { useTranslation } from "react-i18next";
import type { LooseRow } from "../api/types.ts";
import { ApiView } from "../components/ApiView.tsx";
import { LooseTable } from "../components/LooseTable.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { Panel } from "../components/Panel.tsx";
import { RouteSection } from "../components/RouteSection.tsx";
import { useApi } from "../hooks/useApi.ts";

interface Rfm {
  readonly segments: readonly LooseRow[];
}

/** The segments page: RFM groups with their size and value, and the saved rule-based segments. */
export function SegmentsPage() {
  const { t } = useTranslation();
  const [rfm, reload] = useApi<Rfm>("/api/segments/rfm");
  return (
    <>
      <PageHeader title={t("segments.title")} intro={t("segments.intro")} />
      <div className="stack">
        <Panel title="RFM">
          <ApiView state={rfm} reload={reload} isEmpty={(d) => d.segments.length === 0}>
            {(d) => (
              <LooseTable
                rows={d.segments}
                csvName="rfm-segments"
                keys={[
                  "segment",
                  "label",
                  "customers",
                  "share",
                  "sales",
                  "sales_share",
                  "recency_days",
                  "frequency",
                  "monetary",
                ]}
              />
            )}
          </ApiView>
        </Panel>
        <RouteSection
          title={t("segments.saved")}
          path="/api/segments"
          csvName="segments"
          emptyMessage={t("segments.none")}
        />
      </div>
    </>
  );
}
