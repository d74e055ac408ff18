import { type FieldType, STATUS_WORDS } from "@vafa/core";
import type { Params } from "./Params.ts";

// Persian and Arabic-Indic digits, the Arabic decimal separator, then what they become.
const localDigits = "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫";
const latinDigits = "01234567890123456789.";

function latin(text: string): string {
  return `replace(replace(translate(${text}, '${localDigits}', '${latinDigits}'), '٬', ''), ',', '')`;
}

function isoTimestamp(text: string): string {
  // Offsets (Z, +03:30) only fit in longer strings; those go through TIMESTAMPTZ to become UTC.
  return `CASE WHEN length(${text}) <= 19 THEN TRY_CAST(${text} AS TIMESTAMP)
    ELSE timezone('UTC', TRY_CAST(${text} AS TIMESTAMPTZ)) END`;
}

/**
 * SQL turning the text expression `text` into a value of `type`. Each conversion tries the plain
 * form first and only then normalises Persian/Arabic digits and separators, so clean data pays
 * nothing for the fallback. A result of NULL from non-NULL text marks a bad value.
 *
 * @example
 * fieldExpression("number", "r_amount", params, undefined);
 * // coalesce(TRY_CAST(r_amount AS DOUBLE), TRY_CAST(replace(…translate(r_amount, …)…) AS DOUBLE))
 */
export function fieldExpression(
  type: FieldType,
  text: string,
  params: Params,
  dateFormat?: string,
  defectedValues?: readonly string[],
): string {
  switch (type) {
    case "status": {
      const key = `lower(trim(${text}))`;
      if (defectedValues !== undefined && defectedValues.length > 0) {
        // The user's words for defected; anything else filled in is active.
        const given = defectedValues.map((v) => params.bind(v.trim().toLowerCase())).join(", ");
        return `CASE WHEN ${text} IS NULL THEN NULL WHEN ${key} IN (${given}) THEN 'defected' ELSE 'active' END`;
      }
      // Constant words of this file's vocabulary (no quotes in them), not user input.
      const arms = Object.entries(STATUS_WORDS).map(
        ([status, words]) => `WHEN ${key} IN (${words.map((w) => `'${w}'`).join(", ")}) THEN '${status}'`,
      );
      return `CASE ${arms.join(" ")} END`;
    }
    case "text":
      return text;
    case "id":
      // Spreadsheets export integer ids as floats (17850.0); read them as the integer.
      return `CASE WHEN contains(${text}, '.') THEN regexp_replace(${text}, '^(-?[0-9]+)\\.0+$', '\\1') ELSE ${text} END`;
    case "number":
      // CASE, unlike coalesce, evaluates the fallback only for the rows that need it.
      return `CASE WHEN TRY_CAST(${text} AS DOUBLE) IS NOT NULL THEN TRY_CAST(${text} AS DOUBLE)
        ELSE TRY_CAST(${latin(text)} AS DOUBLE) END`;
    case "timestamp": {
      if (dateFormat !== undefined) {
        const f = params.bind(dateFormat);
        return `CASE WHEN try_strptime(${text}, ${f}) IS NOT NULL THEN try_strptime(${text}, ${f})
          ELSE try_strptime(${latin(text)}, ${f}) END`;
      }
      const plain = `coalesce(${isoTimestamp(text)}, try_strptime(${text}, '%Y%m%d'))`;
      return `CASE WHEN ${plain} IS NOT NULL THEN ${plain}
        ELSE coalesce(${isoTimestamp(latin(text))}, try_strptime(${latin(text)}, '%Y%m%d')) END`;
    }
  }
}
