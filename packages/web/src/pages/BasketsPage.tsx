import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/PageHeader.tsx";
import { RouteSection } from "../components/RouteSection.tsx";

/** The baskets page; each part shows "not available yet" until the server offers its route. */
export function BasketsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("baskets.title")} intro={t("baskets.intro")} />
      <div className="stack">
        <RouteSection title={t("baskets.title")} path="/api/baskets/rules" csvName="basket-rules" />
      </div>
    </>
  );
}
