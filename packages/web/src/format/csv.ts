/** One CSV column: a header and how to read a row's raw value. */
export interface CsvColumn<R> {
  readonly header: string;
  readonly value: (row: R) => string | number | boolean | null | undefined;
}

/** First characters that make a spreadsheet read a cell as a formula. */
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One cell, quoted per RFC 4180 and neutralised like the server's `csvCell`: text a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) gets a leading `'`; numbers stay.
 */
function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value !== "number" && formulaStart.test(text) && !plainNumber.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Renders rows as CSV text (RFC 4180 quoting), with raw values so spreadsheets can compute on them.
 *
 * @example
 * toCsv([{ header: "id", value: (r: { id: string }) => r.id }], [{ id: "a,b" }]); // 'id\r\n"a,b"\r\n'
 */
export function toCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Offers CSV text as a file download (with a BOM so spreadsheet programs read Persian and Arabic). */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
