import { type FieldMapping, type Kind, kindFields, type Preset, quoteIdent } from "@vafa/core";
import { fieldExpression } from "./fieldExpression.ts";
import type { Source } from "./openSource.ts";
import { Params } from "./Params.ts";

/** The SQL pieces for one file: typed rows with their key and a validity flag. */
export interface Stage {
  /** Target columns present in the stage, in order. */
  readonly columns: readonly string[];
  /** SELECT producing `columns` and `_ok`; bind `params`. */
  readonly select: string;
  /** SELECT of the bad records with their raw text and record number `_n`; bind `params`. */
  readonly bad: string;
  /** SELECT listing each bad value from the table `_bad` (made from `bad`): `_n`, field, value, reason. */
  readonly problems: string;
  /**
   * For surveys, a condition on the stage's columns true for a row that carries no answer (no score,
   * reason, category or text): a snapshot's customers who stayed have no exit reason, and such a row
   * is not a response. Null for the other kinds.
   */
  readonly unanswered: string | null;
  /** Customers files: the other columns, as text in `_stage` column `column` (`_a0`, `_a1`, …). */
  readonly attributes: readonly { readonly name: string; readonly column: string }[];
  readonly params: Params;
}

/** What `buildStage` needs besides the mapping: the status vocabulary and the attribute columns. */
export interface StageExtras {
  /** The status values that mean defected (`--defected-value`); default `STATUS_WORDS`. */
  readonly defectedValues?: readonly string[];
  /** Source columns kept as customer attributes, as text. */
  readonly attributes?: readonly string[];
}

const reasonFor: Readonly<Record<string, string>> = {
  number: "not a number",
  timestamp: "not a date",
  id: "not an id",
  text: "missing",
  status:
    "not a status (churned, defected, left, yes, 1 / stayed, active, joined, no, 0; or --defected-value)",
};

/**
 * Builds the SQL that reads `source` into typed canonical rows of `kind`. Rows without an id column
 * are keyed `h<md5 of the record>-<occurrence>`, so a repeated identical line stays a distinct
 * record while loading the same file again matches every key. A field in `constants` (`--set
 * survey=exit`) takes the same value on every row, bound as a parameter and converted and checked
 * like a column's text.
 *
 * @example
 * const stage = buildStage(source, "transactions", mapping, undefined, undefined);
 * await client.run({ sql: `CREATE TEMP TABLE s AS ${stage.select}`, params: stage.params.values });
 */
export function buildStage(
  source: Source,
  kind: Kind,
  mapping: FieldMapping,
  preset: Preset | undefined,
  dateFormat: string | undefined,
  constants: Readonly<Record<string, string>> = {},
  extras: StageExtras = {},
): Stage {
  const params = new Params();
  params.bind(source.file);
  const format = dateFormat ?? preset?.dateFormat;
  const fields = kindFields[kind].filter((f) => mapping.has(f.name) || constants[f.name] !== undefined);
  const raw = fields.map((f) => {
    const constant = constants[f.name];
    const text =
      constant === undefined
        ? source.text(mapping.get(f.name) ?? "")
        : `nullif(trim(CAST(${params.bind(constant)} AS VARCHAR)), '')`;
    return `${text} AS ${quoteIdent(`r_${f.name}`)}`;
  });
  const attributes = (extras.attributes ?? []).map((name, i) => ({ name, column: `_a${i}` }));
  raw.push(...attributes.map((a) => `${source.text(a.name)} AS ${quoteIdent(a.column)}`));
  const typed = fields.map((f) => ({
    name: f.name,
    expr: fieldExpression(f.type, quoteIdent(`r_${f.name}`), params, format, extras.defectedValues),
    check: f.required
      ? `${quoteIdent(f.name)} IS NOT NULL`
      : `(${quoteIdent(`r_${f.name}`)} IS NULL OR ${quoteIdent(f.name)} IS NOT NULL)`,
    reason: f.required ? `${reasonFor[f.type]} (required)` : (reasonFor[f.type] ?? "bad value"),
  }));
  const derived: string[] = [];
  const checks = typed.map((t) => t.check);
  if (kind === "transactions" && !mapping.has("amount")) {
    derived.push(`"quantity" * "unit_price" AS "amount"`);
    checks.push(`"quantity" IS NOT NULL AND "unit_price" IS NOT NULL`);
  }
  const columns = [...typed.map((t) => t.name), ...(derived.length > 0 ? ["amount"] : [])];
  const hasId = mapping.has("id");
  const prefix = preset?.returnOrderPrefix;
  const amountOut =
    prefix !== undefined && columns.includes("order_id")
      ? `CASE WHEN starts_with("order_id", ${params.bind(prefix)}) THEN -abs("amount") ELSE "amount" END AS "amount"`
      : null;
  const outColumns = columns.map((c) => (c === "amount" && amountOut ? amountOut : quoteIdent(c)));
  if (!hasId) outColumns.unshift(`'h' || _hash || '-' || row_number() OVER (PARTITION BY _hash) AS "id"`);
  outColumns.push(...attributes.map((a) => quoteIdent(a.column)));
  const ok = `(${checks.join(" AND ")})`;
  const rows = (lineNumbers: boolean) => {
    const extra = `${lineNumbers ? ", row_number() OVER () AS _n" : ""}${hasId ? "" : `, md5(${source.record}) AS _hash`}`;
    const typedSelect = `SELECT *, ${typed.map((t) => `${t.expr} AS ${quoteIdent(t.name)}`).join(", ")}
      FROM (SELECT ${raw.join(", ")}${extra} FROM ${source.from}) b`;
    return derived.length > 0 ? `SELECT *, ${derived.join(", ")} FROM (${typedSelect}) d` : typedSelect;
  };
  // Numbering records costs a full ordered pass, so only the error path, which needs lines, pays it.
  const select = `SELECT ${outColumns.join(", ")}, ${ok} AS _ok FROM (${rows(false)}) t`;
  const bad = `SELECT * FROM (${rows(true)}) t WHERE NOT ${ok}`;
  const problemRows = typed.map(
    (t) => `SELECT _n, '${t.name}' AS field, ${quoteIdent(`r_${t.name}`)} AS value,
      '${t.reason}' AS reason FROM _bad WHERE NOT (${t.check})`,
  );
  if (derived.length > 0) {
    problemRows.push(`SELECT _n, 'amount', NULL, 'missing quantity or unit price'
      FROM _bad WHERE NOT ("quantity" IS NOT NULL AND "unit_price" IS NOT NULL)`);
  }
  const answers = ["score", "reason", "reason_category", "text"].filter((c) => columns.includes(c));
  return {
    unanswered:
      kind === "surveys"
        ? `(${answers.map((c) => `${quoteIdent(c)} IS NULL`).join(" AND ") || "true"})`
        : null,
    columns: hasId ? columns : ["id", ...columns],
    attributes,
    select,
    bad,
    problems: problemRows.join(" UNION ALL "),
    params,
  };
}
