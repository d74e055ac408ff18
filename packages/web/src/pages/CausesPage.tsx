import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader.tsx";
import { RouteSection } from "../components/RouteSection.tsx";

/** The causes page: exit reasons, the service issues that drive defection, and defector profiles. */
export function CausesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("causes.title")} intro={t("causes.intro")} />
      <div className="stack">
        <RouteSection title={t("causes.reasons")} path="/api/causes/reasons" csvName="exit-reasons" />
        <RouteSection title={t("causes.drivers")} path="/api/causes/drivers" csvName="defection-drivers" />
        <RouteSection title={t("causes.profiles")} path="/api/causes/profiles" csvName="defector-profiles" />
      </div>
    </>
  );
}
