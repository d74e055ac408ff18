import { clickhouseLiteral, type SqlQuery, type SqlValue } from "@vafa/core";

/** A query ready for ClickHouse: text with parameters bound, and query parameters when used. */
export interface BoundQuery {
  readonly sql: string;
  readonly queryParams: Record<string, unknown>;
}

function paramType(value: SqlValue): { type: string; value: unknown } {
  if (value === null) return { type: "Nullable(String)", value: null };
  if (typeof value === "boolean") return { type: "UInt8", value: value ? 1 : 0 };
  if (typeof value === "bigint") return { type: "Int64", value: value.toString() };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot bind a non-finite number (${value})`);
    return Number.isInteger(value) ? { type: "Int64", value } : { type: "Float64", value };
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error("cannot bind an invalid Date");
    return { type: "DateTime64(3, 'UTC')", value: value.toISOString().slice(0, 23).replace("T", " ") };
  }
  return { type: "String", value };
}

/**
 * Replaces the dialect's `{pN}` placeholders (outside quoted strings and identifiers) with
 * `{vafa_pN:Type}` query parameters when the server has them, else with validated typed literals
 * (`clickhouseLiteral`). A placeholder without a value is an error, never left in the text.
 *
 * @example
 * bindParams({ sql: "SELECT {p1} AS x", params: ["a'b"] }, false).sql; // "SELECT 'a\\'b' AS x"
 */
export function bindParams(query: SqlQuery, queryParameters: boolean): BoundQuery {
  const text = query.sql;
  const queryParams: Record<string, unknown> = {};
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (ch === "'" || ch === '"' || ch === "`") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = ch === "{" ? /^\{p(\d+)\}/.exec(text.slice(i, i + 12)) : null;
    if (m !== null) {
      const index = Number(m[1]);
      if (index < 1 || index > query.params.length) throw new Error(`no value for parameter ${index}`);
      const value = query.params[index - 1] as SqlValue;
      if (queryParameters) {
        const { type, value: v } = paramType(value);
        queryParams[`vafa_p${index}`] = v;
        out += `{vafa_p${index}:${type}}`;
      } else out += clickhouseLiteral(value);
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return { sql: out, queryParams };
}
