import type { Row } from "@vafa/core";

/** Rows in a canonical order (by their JSON), for results whose row order is not part of the contract. */
export function sorted(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
