import { quoteIdent } from "@vafa/core";

/**
 * The SELECT of the valid `_stage` rows whose id is not in `stored` (a table with an `id` column):
 * what a load adds. When a file repeats an id the last row wins; the window that picks it costs more
 * than the rest of a load, so it runs only for files that repeat ids.
 *
 * @example
 * freshRowsSql(["id", "amount"], "transactions", false);
 * // SELECT "id", "amount" FROM _stage s WHERE _ok AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.id = s.id)
 */
export function freshRowsSql(columns: readonly string[], stored: string, repeatsIds: boolean): string {
  const list = columns.map(quoteIdent).join(", ");
  return `SELECT ${list} FROM _stage s WHERE _ok AND NOT EXISTS (SELECT 1 FROM ${stored} t WHERE t.id = s.id)
    ${repeatsIds ? "QUALIFY row_number() OVER (PARTITION BY s.id ORDER BY s.rowid DESC) = 1" : ""}`;
}
