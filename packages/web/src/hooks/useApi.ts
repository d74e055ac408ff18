import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../api/ApiError.ts";
import { getJson } from "../api/request.ts";

/** Where a GET stands: loading, answered, or failed with an ApiError. */
export type ApiState<T> =
  | { readonly status: "loading" }
  | { readonly status: "ok"; readonly data: T }
  | { readonly status: "error"; readonly error: ApiError };

/**
 * Fetches `path` (re-fetching when it changes or on `reload`). A null path fetches nothing.
 *
 * @example
 * const [state, reload] = useApi<Overview>("/api/overview?period=month");
 */
export function useApi<T>(path: string | null): readonly [ApiState<T>, () => void] {
  const [state, setState] = useState<ApiState<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (path === null) return;
    let cancelled = false;
    // Keep showing the previous answer while a reload runs; show "loading" only the first time.
    setState((previous) => (previous.status === "ok" && generation > 0 ? previous : { status: "loading" }));
    getJson<T>(path).then(
      (data) => {
        if (!cancelled) setState({ status: "ok", data });
      },
      (error: unknown) => {
        if (cancelled) return;
        setState({
          status: "error",
          error: error instanceof ApiError ? error : new ApiError(0, String(error)),
        });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [path, generation]);

  return [state, reload] as const;
}
