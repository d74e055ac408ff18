import { useTranslation } from "react-i18next";
import { EmptyState } from "./EmptyState.tsx";

/** The empty state of a page whose API route this server does not offer yet (it answered 404). */
export function NotAvailable() {
  const { t } = useTranslation();
  return <EmptyState title={t("common.notAvailableTitle")} message={t("common.notAvailableBody")} />;
}
