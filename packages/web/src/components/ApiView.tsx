import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApiState } from "../hooks/useApi.ts";
import { EmptyState } from "./EmptyState.tsx";
import { ErrorState } from "./ErrorState.tsx";
import { Loading } from "./Loading.tsx";
import { NotAvailable } from "./NotAvailable.tsx";

export interface ApiViewProps<T> {
  readonly state: ApiState<T>;
  readonly reload?: () => void;
  /** True when the answer holds no data; the "upload transactions" empty state is shown instead. */
  readonly isEmpty?: (data: T) => boolean;
  /** What to say when `isEmpty` holds; defaults to pointing at the Data page. */
  readonly emptyMessage?: string;
  readonly children: (data: T) => ReactNode;
}

/** Renders a request's loading, error, not-available (404) and empty states, else its data. */
export function ApiView<T>({ state, reload, isEmpty, emptyMessage, children }: ApiViewProps<T>) {
  const { t } = useTranslation();
  if (state.status === "loading") return <Loading />;
  if (state.status === "error") {
    if (state.error.status === 404) return <NotAvailable />;
    return <ErrorState error={state.error} {...(reload === undefined ? {} : { onRetry: reload })} />;
  }
  if (isEmpty?.(state.data) === true) {
    return emptyMessage === undefined ? (
      <EmptyState
        message={t("empty.noTransactions")}
        action={{ href: "#/data", label: t("empty.goToData") }}
      />
    ) : (
      <EmptyState message={emptyMessage} />
    );
  }
  return <>{children(state.data)}</>;
}
