import { useCallback, useState } from "react";

/** The hash route's query ("#/retention?period=week" → { period: "week" }). */
function hashQuery(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split("?")[1] ?? "");
}

/**
 * A page setting kept in the hash route's query, so that a view can be shared as a link
 * (`#/retention?period=week&calendar=persian`). Values outside `allowed` read as `fallback`.
 *
 * @example
 * const [period, setPeriod] = useHashParam("period", "month", PERIODS);
 */
export function useHashParam<T extends string>(
  name: string,
  fallback: T,
  allowed: readonly T[],
): readonly [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const found = hashQuery().get(name);
    return allowed.find((a) => a === found) ?? fallback;
  });
  const set = useCallback(
    (next: T) => {
      setValue(next);
      const path = window.location.hash.split("?")[0] ?? "#/";
      const query = hashQuery();
      query.set(name, next);
      // replaceState changes the address without a hashchange, so the page is not reloaded.
      window.history.replaceState(null, "", `${path}?${query.toString()}`);
    },
    [name],
  );
  return [value, set] as const;
}
