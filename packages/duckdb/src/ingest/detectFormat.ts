import { type FileFormat, fileFormats } from "@vafa/core";

const byExtension: Readonly<Record<string, FileFormat>> = {
  csv: "csv",
  tsv: "tsv",
  tab: "tsv",
  txt: "whitespace",
  dat: "whitespace",
  parquet: "parquet",
  json: "json",
  jsonl: "jsonl",
  ndjson: "jsonl",
};

/**
 * The format of `file` from its extension (a trailing `.gz` is ignored), or `explicit` when given.
 *
 * @example
 * detectFormat("sales.csv.gz"); // "csv"
 */
export function detectFormat(file: string, explicit?: string): FileFormat {
  if (explicit !== undefined) {
    const f = fileFormats.find((x) => x === explicit);
    if (!f) throw new Error(`unknown format '${explicit}': expected one of ${fileFormats.join(", ")}`);
    return f;
  }
  const ext = file.toLowerCase().replace(/\.gz$/, "").split(".").pop() ?? "";
  const f = byExtension[ext];
  if (!f) throw new Error(`${file}: cannot tell the format from the extension '.${ext}'; use --format`);
  return f;
}
