import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader.tsx";
import { RouteSection } from "../components/RouteSection.tsx";

/** The causes page; each part shows "not available yet" until the server offers its route. */
export function CausesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("causes.title")} intro={t("causes.intro")} />
      <div className="stack">
        <RouteSection title={t("worklist.exitReason")} path="/api/causes/reasons" csvName="exit-reasons" />
        <RouteSection title={t("causes.title")} path="/api/causes/issues" csvName="service-issues" />
      </div>
    </>
  );
}
