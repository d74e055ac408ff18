import { useTranslation } from "react-i18next";

/** A quiet "Loading…" line while an answer is on its way. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" aria-busy="true">
      {t("common.loading")}
    </p>
  );
}
