/**
 * Builds a path with a query string, leaving out empty values.
 *
 * @example
 * withQuery("/api/retention", { period: "month", by: "" }); // "/api/retention?period=month"
 */
export function withQuery(
  path: string,
  params: Readonly<Record<string, string | number | undefined>>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text === "" ? path : `${path}?${text}`;
}
