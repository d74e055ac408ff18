import { CausesError } from "./CausesError.ts";

/** A column found by `matchColumn`: its position, its name in the table, and how it was found. */
export interface MatchedColumn {
  readonly index: number;
  readonly column: string;
  /** False when only the case, spaces or punctuation differ from the name asked for. */
  readonly exact: boolean;
}

/** A header name reduced to its letters and digits, lower case: "Customer Status " → "customerstatus". */
export function columnKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * Finds a column of a table by the name a user typed: the exact (trimmed) name first, else the one
 * column whose name is the same ignoring case, spaces and punctuation ("customer status",
 * "Customer_Status" and "Customerstatus " all find "Customerstatus"), because exports rename and pad
 * their headers and users should not have to copy a trailing space. `exact` says whether the user's
 * spelling was used as is, so the caller can say which column it matched.
 *
 * @throws CausesError naming the flag and listing the columns when none matches, or the several that
 *   match equally.
 * @example
 * matchColumn(["Customerid", "Customerstatus"], "customer status", "--outcome");
 * // { index: 1, column: "Customerstatus", exact: false }
 */
export function matchColumn(header: readonly string[], name: string, flag: string): MatchedColumn {
  const wanted = name.trim();
  const exact = header.indexOf(wanted);
  if (exact >= 0) return { index: exact, column: wanted, exact: true };
  const key = columnKey(wanted);
  const found = header.flatMap((c, index) => (key !== "" && columnKey(c) === key ? [index] : []));
  if (found.length === 1) {
    const index = found[0] ?? 0;
    return { index, column: header[index] ?? wanted, exact: false };
  }
  if (found.length > 1) {
    throw new CausesError(
      `${flag} "${name}" matches several columns (${found.map((i) => header[i]).join(", ")}); give the exact name`,
    );
  }
  throw new CausesError(`${flag} column "${name}" is not in the table (columns: ${header.join(", ")})`);
}
