import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { AppError } from "@vafa/core";

/** Splits a line at `delimiter`, honouring double-quoted fields ("" inside is a quote). */
function splitLine(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

/**
 * Reads a published model summary — a CSV or TSV file with a header line, gzip-compressed or not —
 * into one Float64Array per column (a value that is not a number becomes NaN). Summary files are a
 * few thousand rows of numbers, read here without a database.
 *
 * @throws AppError `bad_input` when the file cannot be read or has no header.
 * @example
 * const cols = await readSummaryFile("cdnow_customers_summary.csv"); // { frequency: …, recency: …, T: … }
 */
export async function readSummaryFile(path: string): Promise<Record<string, Float64Array>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new AppError("bad_input", `cannot read ${path}: ${(error as Error).message}`);
  }
  // gzip's magic bytes, whatever the file is called.
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0];
  if (header === undefined) throw new AppError("bad_input", `${path} is empty`);
  const delimiter = header.includes("\t") ? "\t" : header.includes(";") && !header.includes(",") ? ";" : ",";
  const names = splitLine(header, delimiter).map((n) => n.trim());
  const columns = names.map(() => new Float64Array(lines.length - 1));
  for (let i = 1; i < lines.length; i++) {
    const fields = splitLine(lines[i] as string, delimiter);
    columns.forEach((c, j) => {
      const f = (fields[j] ?? "").trim();
      c[i - 1] = f === "" ? Number.NaN : Number(f);
    });
  }
  return Object.fromEntries(names.map((n, j) => [n, columns[j] as Float64Array]));
}
