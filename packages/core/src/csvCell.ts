/** First characters that make a spreadsheet read a cell as a formula (or split it into one). */
const formulaStart = /^[=+\-@\t\r]/;
/** A plain number (it may start with "-" or "+" and still be only a number). */
const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One CSV cell: RFC 4180 quoting, and neutralised against formula injection — text starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so Excel, LibreOffice and
 * Google Sheets show it as text instead of running it (`=HYPERLINK(…)`, `=cmd|…`). Numbers stay
 * numbers, negative ones included, so exports remain computable.
 *
 * @example
 * csvCell("=1+2"); // "'=1+2"
 * csvCell(-12.5); // "-12.5"
 * csvCell('say "hi", then go'); // '"say ""hi"", then go"'
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (
    typeof value !== "number" &&
    typeof value !== "bigint" &&
    formulaStart.test(text) &&
    !plainNumber.test(text)
  )
    text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
