import { useEffect, useState } from "react";

/** The current hash route as path segments: "#/customers/42" → ["customers", "42"]. */
export function useHashRoute(): readonly string[] {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = (): void => setHash(window.location.hash);
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return (hash.split("?")[0] ?? "")
    .replace(/^#\/?/, "")
    .split("/")
    .filter((part) => part !== "")
    .map((part) => decodeURIComponent(part));
}
