import type { Dialect, DialectCapabilities, SqlType } from "../Dialect.ts";
import type { SqlValue } from "../SqlQuery.ts";

/** Capabilities of ClickHouse 18.16 (Debian's package): no CTE subqueries, window functions or query parameters. */
export const CLICKHOUSE_18_CAPABILITIES: DialectCapabilities = {
  commonTableExpressions: false,
  windowFunctions: false,
  queryParameters: false,
};

/**
 * What a ClickHouse server of `version` ("18.16.1", "24.3.2.23") can do: CTE subqueries from 20.10,
 * query parameters from 19.14, window functions (on by default) from 21.9.
 *
 * @example
 * clickhouseCapabilities("18.16.1").queryParameters; // false
 */
export function clickhouseCapabilities(version: string): DialectCapabilities {
  const [major = 0, minor = 0] = version.split(".").map((part) => Number.parseInt(part, 10) || 0);
  const atLeast = (a: number, b: number) => major > a || (major === a && minor >= b);
  return {
    commonTableExpressions: atLeast(20, 10),
    windowFunctions: atLeast(21, 9),
    queryParameters: atLeast(19, 14),
  };
}

/** The placeholder the ClickHouse dialect writes for parameter `index`; the client binds it. */
export const clickhousePlaceholder = (index: number): string => `{p${index}}`;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Quotes an identifier with backticks (backslash and backtick escaped), as ClickHouse reads it. */
function quoteIdent(name: string): string {
  if (IDENT.test(name)) return `\`${name}\``;
  return `\`${name.replaceAll("\\", "\\\\").replaceAll("`", "\\`")}\``;
}

/**
 * Escapes text as a ClickHouse string literal: backslash and quote escaped, control characters as
 * escapes, so no value can end the literal.
 *
 * @example
 * clickhouseString("O'Brien"); // "'O\\'Brien'"
 */
export function clickhouseString(text: string): string {
  let out = "'";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\\") out += "\\\\";
    else if (ch === "'") out += "\\'";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code === 0) out += "\\0";
    else if (code < 0x20) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}'`;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * A value as a typed ClickHouse literal, for servers without query parameters. Only these shapes can
 * come out: a finite number, an escaped string, NULL, 0/1, or `toDateTime('YYYY-MM-DD hh:mm:ss', 'UTC')`
 * from a valid Date — never the value's text spliced raw.
 *
 * @throws Error for a non-finite number or an invalid Date.
 * @example
 * clickhouseLiteral(0.3); // "0.3"
 * clickhouseLiteral(new Date("2011-01-01T00:00:00Z")); // "toDateTime('2011-01-01 00:00:00', 'UTC')"
 */
export function clickhouseLiteral(value: SqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new Error(`cannot bind a non-finite number (${value}) in ClickHouse SQL`);
    const text = String(value);
    // String(finite number) is digits, sign, dot and exponent only; parenthesise negatives.
    if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/.test(text)) throw new Error(`unexpected number text ${text}`);
    return value < 0 ? `(${text})` : text;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error("cannot bind an invalid Date in ClickHouse SQL");
    const text = value.toISOString().slice(0, 19).replace("T", " ");
    if (!DATE_TIME.test(text)) throw new Error(`date ${text} is outside ClickHouse's DateTime range`);
    return `toDateTime(${clickhouseString(text)}, 'UTC')`;
  }
  return clickhouseString(value);
}

const TYPES: Record<SqlType, string> = { VARCHAR: "String", DOUBLE: "Float64", INTEGER: "Int32" };

/**
 * ClickHouse's spelling of the dialect pieces for a server with `capabilities`. Works on 18.16 (no
 * window functions: gaps and medians use sorted arrays) and on current servers. Parameters are
 * `{pN}` placeholders bound by the adapter (`@vafa/clickhouse`): as `{pN:Type}` query parameters
 * where the server has them, else as `clickhouseLiteral`s. The adapter also sets `join_use_nulls = 1`,
 * so LEFT JOIN misses are NULL as in standard SQL.
 *
 * @example
 * const d = clickhouseDialectFor(clickhouseCapabilities("18.16.1"));
 * d.epochDay("occurred_at", null); // "toInt32(toDate(occurred_at, 'UTC'))"
 */
export function clickhouseDialectFor(capabilities: DialectCapabilities): Dialect {
  return {
    name: "clickhouse",
    capabilities,
    nullOf: (type) => `CAST(NULL AS Nullable(${TYPES[type]}))`,
    smallTableJoin: (kind) => `GLOBAL ALL ${kind} JOIN`,
    quoteIdent,
    param: clickhousePlaceholder,
    // The zone is a placeholder bound as a constant (literal or query parameter): toDate needs a constant zone.
    epochDay: (timestamp, timeZone) => `toInt32(toDate(${timestamp}, ${timeZone ?? "'UTC'"}))`,
    argMin: (arg, value) => `argMin(${arg}, ${value})`,
    argMax: (arg, value) => `argMax(${arg}, ${value})`,
    customerDays: null,
    // Exact median, the mean of the two middle values for an even count (as DuckDB's median);
    // ClickHouse's quantileExact/medianExact return the upper middle value instead. The sorted array
    // is one expression repeated, which ClickHouse computes once.
    median: (expr) => {
      const s = `arraySort(groupArray(${expr}))`;
      const n = `length(${s})`;
      return `if(${n} % 2 = 1, ${s}[intDiv(${n}, 2) + 1], (${s}[intDiv(${n}, 2)] + ${s}[intDiv(${n}, 2) + 1]) / 2)`;
    },
    consecutiveGaps: (source, key, value) =>
      `SELECT ${key}, gap FROM (SELECT ${key}, arrayDifference(arraySort(groupArray(${value}))) AS vafa_gaps FROM (${source}) AS gap_source GROUP BY ${key}) ARRAY JOIN arraySlice(vafa_gaps, 2) AS gap`,
    createTempTable: (name, select) =>
      `CREATE TEMPORARY TABLE ${quoteIdent(name)} ENGINE = Memory AS ${select}`,
    dropTempTable: (name) => `DROP TEMPORARY TABLE IF EXISTS ${quoteIdent(name)}`,
    like: (text, pattern) => `${text} LIKE ${pattern}`,
    // Keyed derived tables are ReplacingMergeTree(version): a new row is appended, readers take the latest.
    replaceOnKey: () => "",
    integerRows: (columns, rows) => {
      const ints = rows.map((r) =>
        r.map((v) => {
          if (!Number.isFinite(v)) throw new Error(`integerRows: ${v} is not a finite number`);
          return String(Math.trunc(v));
        }),
      );
      if (ints.length === 0) {
        return `(SELECT ${columns.map((c) => `toInt64(0) AS ${quoteIdent(c)}`).join(", ")} WHERE 0) AS v`;
      }
      if (columns.length === 1) {
        return `(SELECT arrayJoin([${ints.map((r) => r[0] ?? "0").join(", ")}]) AS ${quoteIdent(columns[0] ?? "v")}) AS v`;
      }
      // One flat literal array per column, unrolled by position: 18.16 parses number arrays at once,
      // where arrays of tuples or hundreds of toInt64(…) calls take it seconds. Callers CAST columns.
      const arrays = columns.map((_, j) => `[${ints.map((r) => r[j] ?? "0").join(", ")}] AS vafa_c${j}`);
      const picks = columns.map((c, j) => `vafa_c${j}[vafa_i] AS ${quoteIdent(c)}`).join(", ");
      return `(SELECT ${picks} FROM (SELECT ${arrays.join(", ")}) ARRAY JOIN arrayEnumerate(vafa_c0) AS vafa_i) AS v`;
    },
  };
}

/** The ClickHouse dialect for 18.16-level servers; use `clickhouseDialectFor` with detected capabilities for others. */
export const clickhouseDialect: Dialect = clickhouseDialectFor(CLICKHOUSE_18_CAPABILITIES);
