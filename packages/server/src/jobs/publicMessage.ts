/** Longest message a job shows its caller. */
const maxLength = 300;

/**
 * A job's error message as its caller may see it: file paths reduced to their base name (the
 * server's temp folders are nobody's business), only the first line (database errors append the raw
 * offending line), at most 300 characters. The full error goes to the server log.
 *
 * @example
 * publicMessage('IO Error: cannot open "/tmp/vafa-upload-x1/sales.csv"\nOriginal Line: 1,2,secret');
 * // 'IO Error: cannot open "sales.csv"'
 */
export function publicMessage(text: string): string {
  const firstLine = stripPaths(text.split(/\r?\n/, 1)[0] ?? "");
  return firstLine.length > maxLength ? `${firstLine.slice(0, maxLength - 1)}…` : firstLine;
}

/** Absolute file paths (POSIX or Windows) inside a text: at its start or after a space or quote. */
const absolutePath = /(?<=^|[\s'"`(=])(?:[A-Za-z]:)?(?:[\\/][^\s'"`\\/:,;()]+){2,}[\\/]?/g;

function stripPaths(text: string): string {
  return text.replace(absolutePath, (path) => path.split(/[\\/]/).filter(Boolean).at(-1) ?? "");
}

/**
 * A job's result or problems with every absolute path in every string reduced to its base name
 * (a load's report names the file it read, which for an upload is a temp path on the server).
 *
 * @example
 * withoutPaths({ mappings: [{ file: "/tmp/vafa-upload-x1/customers.csv" }] });
 * // { mappings: [{ file: "customers.csv" }] }
 */
export function withoutPaths(value: unknown): unknown {
  if (typeof value === "string") return stripPaths(value);
  if (Array.isArray(value)) return value.map(withoutPaths);
  const plain =
    typeof value === "object" &&
    value !== null &&
    [Object.prototype, null].includes(Object.getPrototypeOf(value));
  if (plain) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutPaths(v)]));
  return value;
}

/**
 * A bad value as a job shows it: at most 80 characters (enough to find it in the file, never a whole
 * raw line of someone's data).
 *
 * @example
 * clipValue("x".repeat(30_000)).length; // 80
 */
export function clipValue(value: string | null): string | null {
  if (value === null) return null;
  return value.length > 80 ? `${value.slice(0, 79)}…` : value;
}
