import type { ReactNode } from "react";
import type { Formatter } from "../format/Formatter.ts";
import type { Language } from "../prefs/Language.ts";
import { Chip } from "./Chip.tsx";
import { type FieldKind, fieldHeader, fieldKind } from "./fields.ts";
import { plainText, whyOf } from "./values.ts";

const RATE_KEY = /share|rate|retention|p_alive|confidence|support|progress|goal|baseline|uplift/i;

/** The kind of a field: the dictionary's, else guessed from a sample value. */
export function kindOf(key: string, sample: unknown): FieldKind {
  const known = fieldKind(key);
  if (known !== undefined) return known;
  if (typeof sample === "boolean") return "chip";
  if (typeof sample === "number") return RATE_KEY.test(key) && Math.abs(sample) <= 1.5 ? "percent" : "number";
  if (Array.isArray(sample)) return "chip";
  return "label";
}

/** An item of a list value in words: a code, or an object's label / name / flag. */
function itemText(item: unknown): string | null {
  if (item === null || item === undefined) return null;
  if (typeof item === "string" || typeof item === "number") return String(item);
  if (typeof item === "object") {
    const o = item as Record<string, unknown>;
    for (const key of ["label", "name", "flag", "reason", "item", "id"])
      if (typeof o[key] === "string" || typeof o[key] === "number") return String(o[key]);
  }
  return null;
}

function itemWhy(item: unknown): string | undefined {
  if (typeof item !== "object" || item === null) return undefined;
  const o = item as Record<string, unknown>;
  for (const key of ["why", "explanation", "reason", "detail"]) if (typeof o[key] === "string") return o[key];
  return undefined;
}

/** A cell's value for sorting and CSV: scalars as they are, lists as their items' words. */
export function rawOf(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value))
    return value
      .map(itemText)
      .filter((v) => v !== null)
      .join("; ");
  return itemText(value);
}

/** Shows one field's value by its kind: chips for codes, flags and lists; formatted numbers and dates. */
export function renderValue(
  key: string,
  kind: FieldKind,
  value: unknown,
  format: Formatter,
  language: Language,
): ReactNode {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) {
    if (value.length === 0) return "—";
    return (
      <span className="chips">
        {value.map((item, i) => {
          const text = itemText(item);
          if (text === null) return null;
          const why = itemWhy(item);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: items of a list value have no id
            <Chip key={i} code={text} {...(why === undefined ? {} : { why: plainText(why, language) })} />
          );
        })}
      </span>
    );
  }
  if (typeof value === "boolean") {
    if (!value) return "—";
    const why = whyOf(key, language);
    return (
      <Chip
        code={key}
        tone="bad"
        label={fieldHeader(key, language)}
        {...(why === undefined ? {} : { why })}
      />
    );
  }
  if (typeof value === "object") return itemText(value) ?? "—";
  if (typeof value === "number") {
    if (kind === "percent") return format.percent(value);
    if (kind === "money") return format.money(value);
    if (kind === "ratio") return format.number(value, 2);
    return format.number(value);
  }
  const text = String(value);
  if (kind === "date") return format.date(text);
  if (kind === "chip") return <Chip code={text} />;
  if (kind === "text") return plainText(text, language);
  return format.label(plainText(text, language));
}
