import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader.tsx";
import { RouteSection } from "../components/RouteSection.tsx";

/** The segments page; each part shows "not available yet" until the server offers its route. */
export function SegmentsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("segments.title")} intro={t("segments.intro")} />
      <div className="stack">
        <RouteSection title={t("segments.title")} path="/api/segments" csvName="segments" />
      </div>
    </>
  );
}
