import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/ApiError.ts";

export interface ErrorStateProps {
  readonly error: ApiError;
  readonly onRetry?: () => void;
}

/** Shows a failed request in words a reader can act on, with a retry button. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  let message = t("common.errorBody", { message: error.message });
  if (error.status === 0) message = t("common.networkError");
  if (error.status === 403) message = t("common.forbidden");
  return (
    <div className="error-state" role="alert">
      <h3>{t("common.errorTitle")}</h3>
      <p>{message}</p>
      {onRetry === undefined ? null : (
        <button type="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}
