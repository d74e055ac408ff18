import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { type FileFormat, quoteIdent, type SqlClient, sql } from "@vafa/core";

/** A file seen as a relation: SQL for its rows (parameter `$1` is the path) and its columns. */
export interface Source {
  readonly file: string;
  readonly format: FileFormat;
  /** A FROM-clause item; bind the file path as `$1`. */
  readonly from: string;
  /** Column names and DuckDB types, in file order. */
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** Expression for a column's value as text (NULL when empty). */
  text(column: string): string;
  /** Expression for the whole raw record as one string, used to key rows that have no id. */
  readonly record: string;
  /** Lines before the first record (the header), so record n is on line n + headerLines. */
  readonly headerLines: number;
  /** Whether records map one-to-one onto lines, so line numbers can be reported. */
  readonly lineNumbers: boolean;
}

async function firstLine(file: string): Promise<string> {
  const input = createReadStream(file);
  const lines = createInterface({ input: file.endsWith(".gz") ? input.pipe(createGunzip()) : input });
  for await (const line of lines) {
    if (line.trim() !== "") {
      lines.close();
      input.destroy();
      return line;
    }
  }
  return "";
}

const number = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/**
 * Describes `file` as a relation the loader can select from, every value read as text so that
 * nothing is lost or guessed before validation. Whitespace files (runs of spaces or tabs, as in
 * CDNOW) are read line by line and split; a first line with no numeric field is taken as a header.
 *
 * @example
 * const src = await openSource(client, "sales.csv", "csv", true);
 * await client.all({ sql: `SELECT count(*) FROM ${src.from}`, params: [src.file] });
 */
export async function openSource(
  client: SqlClient,
  file: string,
  format: FileFormat,
  header: boolean,
): Promise<Source> {
  if (format === "whitespace") {
    const fields = (await firstLine(file))
      .replace(/^\ufeff/, "")
      .trim()
      .split(/\s+/);
    const hasHeader = fields.every((x) => !number.test(x));
    const names = hasHeader ? fields : fields.map((_, i) => `column${i + 1}`);
    const from = `(SELECT string_split_regex(trim(line, E' \\t\\r'), '[ \\t]+') AS f, trim(line, E' \\t\\r') AS line
      FROM read_csv($1, columns = {'line': 'VARCHAR'}, header = false, delim = E'\\x1f', quote = '',
        escape = '', auto_detect = false) WHERE trim(line, E' \\t\\r') <> ''${hasHeader ? " OFFSET 1" : ""}) src`;
    const index = new Map(names.map((n, i) => [n, i + 1]));
    return {
      file,
      format,
      from,
      columns: names.map((name) => ({ name, type: "VARCHAR" })),
      text: (column) => `nullif(f[${index.get(column) ?? 0}], '')`,
      record: "line",
      headerLines: hasHeader ? 1 : 0,
      lineNumbers: true,
    };
  }
  const reader =
    format === "csv" || format === "tsv"
      ? `read_csv($1, all_varchar = true, header = ${header}, delim = '${format === "tsv" ? "\\t" : ","}', quote = '"', escape = '"')`
      : format === "parquet"
        ? "read_parquet($1)"
        : `read_json($1, format = '${format === "jsonl" ? "newline_delimited" : "array"}')`;
  let described: { name: string; type: string }[];
  try {
    described = (await client.all(sql(`DESCRIBE SELECT * FROM ${reader}`, [file]))).map((r) => ({
      name: String(r.column_name),
      type: String(r.column_type),
    }));
  } catch (error) {
    throw new Error(`${file}: cannot read as ${format}: ${(error as Error).message}`);
  }
  // Exports pad header names ("Customerid "): every column is known by its trimmed name, unless
  // trimming would make two names the same.
  const trimmed = described.map((c) => c.name.trim());
  const named = described.map((c, i) => {
    const name = trimmed[i] ?? c.name;
    return name !== "" && trimmed.indexOf(name) === trimmed.lastIndexOf(name) ? { ...c, name } : c;
  });
  const columns =
    header || format !== "csv" ? named : described.map((c, i) => ({ ...c, name: `column${i + 1}` }));
  const renamed = columns.map(
    (c, i) => `${quoteIdent(described[i]?.name ?? c.name)} AS ${quoteIdent(c.name)}`,
  );
  const from = `(SELECT ${renamed.join(", ")} FROM ${reader}) src`;
  const text = (column: string) => {
    const type = columns.find((c) => c.name === column)?.type ?? "VARCHAR";
    const ref = quoteIdent(column);
    return type === "VARCHAR" ? `nullif(trim(${ref}), '')` : `CAST(${ref} AS VARCHAR)`;
  };
  const record = `concat_ws(chr(31), ${columns.map((c) => `coalesce(CAST(${quoteIdent(c.name)} AS VARCHAR), chr(0))`).join(", ")})`;
  return {
    file,
    format,
    from,
    columns,
    text,
    record,
    headerLines: header && (format === "csv" || format === "tsv") ? 1 : 0,
    lineNumbers: format === "csv" || format === "tsv" || format === "jsonl",
  };
}
