/**
 * Quotes a name (a column from a user's file, say) as a SQL identifier, doubling embedded quotes, so
 * any text is safe to use as a column reference.
 *
 * @example
 * quoteIdent('Invoice "No"'); // "\"Invoice \"\"No\"\"\""
 */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
