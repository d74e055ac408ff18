import { type AttributeType, type IngestedAttribute, NO_WORDS, quoteIdent, sql, YES_WORDS } from "@vafa/core";
import type { DuckDBClient } from "../DuckDBClient.ts";
import { fieldExpression } from "./fieldExpression.ts";
import { Params } from "./Params.ts";

/** The temp table of a customers file's attributes, one row per customer and attribute. */
export const ATTRIBUTES_TABLE = "_attributes";

// Constant words of this repository (no quotes in them), not user input.
const words = (list: readonly string[]) => list.map((w) => `'${w}'`).join(", ");
const YES = words(YES_WORDS);
const YES_OR_NO = words([...YES_WORDS, ...NO_WORDS]);

/** Whole numbers as "12", others as DuckDB writes a double ("29.85"). */
function numberText(d: string): string {
  return `CASE WHEN ${d} = trunc(${d}) AND abs(${d}) < 1e15 THEN CAST(CAST(${d} AS BIGINT) AS VARCHAR) ELSE CAST(${d} AS VARCHAR) END`;
}

/**
 * Types the attribute columns of a staged customers file and writes them, long, into the temp
 * table `_attributes (customer_id, name, type, value, number)`, which the sinks store. A column is
 * `yes/no` when every filled cell is a yes or no word (English, Persian, Arabic), else `number`
 * when every filled cell reads as a number (Persian and Arabic-Indic digits and separators
 * included), else `date` when every one reads as a date (ISO, `YYYYMMDD` or `dateFormat`), else
 * `text`; a column with no filled cell is `empty` and stores nothing. Empty cells store no row.
 * `value` is canonical text ("yes"/"no", "29.85", "12", "2024-01-31", the trimmed text) and
 * `number` the number (1/0 for yes/no). When the file repeats a customer, its last row wins.
 *
 * @example
 * const attributes = await stageAttributes(client, stage.attributes, undefined);
 * attributes[0]; // { name: "Partner", type: "yes/no", values: 7043 }
 */
export async function stageAttributes(
  client: DuckDBClient,
  columns: readonly { readonly name: string; readonly column: string }[],
  dateFormat: string | undefined,
): Promise<IngestedAttribute[]> {
  await client.run(
    sql(`CREATE OR REPLACE TEMP TABLE ${ATTRIBUTES_TABLE} (customer_id VARCHAR, name VARCHAR, type VARCHAR,
      value VARCHAR, number DOUBLE)`),
  );
  if (columns.length === 0) return [];
  const typing = new Params();
  const counts = columns.map((c) => {
    const ref = quoteIdent(c.column);
    const number = fieldExpression("number", ref, typing);
    const date = fieldExpression("timestamp", ref, typing, dateFormat);
    return `count(${ref}) AS ${quoteIdent(`${c.column}_n`)},
      count(*) FILTER (WHERE lower(${ref}) IN (${YES_OR_NO})) AS ${quoteIdent(`${c.column}_yn`)},
      count(${number}) AS ${quoteIdent(`${c.column}_num`)},
      count(${date}) AS ${quoteIdent(`${c.column}_date`)}`;
  });
  const [row] = await client.all(sql(`SELECT ${counts.join(", ")} FROM _stage WHERE _ok`, typing.values));
  const typed = columns.map((c): IngestedAttribute & { column: string } => {
    const n = Number(row?.[`${c.column}_n`] ?? 0);
    const is = (suffix: string) => Number(row?.[`${c.column}_${suffix}`] ?? 0) === n;
    const type: AttributeType =
      n === 0 ? "empty" : is("yn") ? "yes/no" : is("num") ? "number" : is("date") ? "date" : "text";
    return { name: c.name, column: c.column, type, values: n };
  });
  const params = new Params();
  const parts = typed
    .filter((a) => a.type !== "empty")
    .map((a) => {
      const ref = quoteIdent(a.column);
      const name = params.bind(a.name);
      const d = fieldExpression("number", ref, params);
      const [value, number] =
        a.type === "yes/no"
          ? [
              `CASE WHEN lower(${ref}) IN (${YES}) THEN 'yes' ELSE 'no' END`,
              `CASE WHEN lower(${ref}) IN (${YES}) THEN 1.0 ELSE 0.0 END`,
            ]
          : a.type === "number"
            ? [numberText(d), d]
            : a.type === "date"
              ? [`strftime(${fieldExpression("timestamp", ref, params, dateFormat)}, '%Y-%m-%d')`, "NULL"]
              : [ref, "NULL"];
      return `SELECT id, ${name}, '${a.type}', ${value}, CAST(${number} AS DOUBLE) FROM s WHERE ${ref} IS NOT NULL`;
    });
  if (parts.length > 0) {
    await client.run(
      sql(
        `INSERT INTO ${ATTRIBUTES_TABLE}
         WITH s AS (SELECT * FROM _stage WHERE _ok QUALIFY row_number() OVER (PARTITION BY id ORDER BY rowid DESC) = 1)
         ${parts.join(" UNION ALL ")}`,
        params.values,
      ),
    );
  }
  return typed.map(({ column: _, ...a }) => a);
}
