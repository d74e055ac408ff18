/** A column of tab-separated text: numbers, or (for `textColumns`) the unescaped strings. */
export interface TabSeparatedColumns {
  readonly numbers: Record<string, Float64Array>;
  readonly texts: Record<string, string[]>;
  readonly rows: number;
}

const ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\",
  t: "\t",
  n: "\n",
  r: "\r",
  b: "\b",
  f: "\f",
  "0": "\0",
  "'": "'",
};

/** A field of ClickHouse's TabSeparated output as the text it stands for. */
export function unescapeTabSeparated(field: string): string {
  if (!field.includes("\\")) return field;
  let out = "";
  for (let i = 0; i < field.length; i++) {
    const ch = field[i] as string;
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const next = field[i + 1] ?? "";
    out += ESCAPES[next] ?? next;
    i++;
  }
  return out;
}

/** Text as a TabSeparated field: backslash, tab and line breaks escaped, so no value ends a field or row. */
export function escapeTabSeparated(text: string): string {
  return text.replace(/[\\\t\n\r\0]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\0",
  );
}

/** A ClickHouse number as text (`nan`, `inf`, `-inf`, `\N` included) as a double; null is NaN. */
function parseNumber(field: string): number {
  if (field === "\\N" || field === "nan" || field === "-nan") return Number.NaN;
  if (field === "inf" || field === "+inf") return Number.POSITIVE_INFINITY;
  if (field === "-inf") return Number.NEGATIVE_INFINITY;
  return Number(field);
}

/**
 * Parses `TabSeparatedWithNames` output into columns: every column a Float64Array, except those named
 * in `textColumns`, which stay strings. ClickHouse writes doubles in their shortest exact form, so
 * the numbers arrive bit for bit.
 *
 * @example
 * parseTabSeparated("customer_id\tx\na\t1\n", ["customer_id"]); // { numbers: { x: [1] }, texts: { customer_id: ["a"] }, rows: 1 }
 */
export function parseTabSeparated(text: string, textColumns: readonly string[] = []): TabSeparatedColumns {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const names = (lines[0] ?? "").split("\t").map(unescapeTabSeparated);
  const rows = Math.max(0, lines.length - 1);
  const isText = names.map((n) => textColumns.includes(n));
  const numbers = names.map((_, j) => (isText[j] ? null : new Float64Array(rows)));
  const texts = names.map((_, j) => (isText[j] ? new Array<string>(rows) : null));
  for (let i = 0; i < rows; i++) {
    const fields = (lines[i + 1] as string).split("\t");
    for (let j = 0; j < names.length; j++) {
      const field = fields[j] ?? "\\N";
      const numeric = numbers[j];
      if (numeric) numeric[i] = parseNumber(field);
      else (texts[j] as string[])[i] = unescapeTabSeparated(field);
    }
  }
  const out: TabSeparatedColumns = { numbers: {}, texts: {}, rows };
  names.forEach((name, j) => {
    const numeric = numbers[j];
    if (numeric) out.numbers[name] = numeric;
    else out.texts[name] = texts[j] as string[];
  });
  return out;
}
