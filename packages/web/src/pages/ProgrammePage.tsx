import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader.tsx";
import { RouteSection } from "../components/RouteSection.tsx";

/** The programme page: targets, campaigns, whom to retain (highest value first) and the economics per branch. */
export function ProgrammePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("programme.title")} intro={t("programme.intro")} />
      <div className="stack">
        <RouteSection title={t("overview.targets")} path="/api/programme/targets" csvName="targets" />
        <RouteSection title={t("customer.campaigns")} path="/api/programme/campaigns" csvName="campaigns" />
        <RouteSection
          title={t("programme.classify")}
          path="/api/programme/classify?limit=100"
          csvName="retention-classes"
        />
        <RouteSection
          title={t("programme.economics")}
          path="/api/programme/economics?by=branch"
          csvName="retention-economics"
        />
      </div>
    </>
  );
}
