import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader.tsx";
import { RouteSection } from "../components/RouteSection.tsx";

/** The programme page; each part shows "not available yet" until the server offers its route. */
export function ProgrammePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("programme.title")} intro={t("programme.intro")} />
      <div className="stack">
        <RouteSection title={t("overview.targets")} path="/api/programme/targets" csvName="targets" />
        <RouteSection title={t("customer.campaigns")} path="/api/programme/campaigns" csvName="campaigns" />
      </div>
    </>
  );
}
