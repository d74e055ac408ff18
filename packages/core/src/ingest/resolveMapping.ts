import { type Kind, kindFields } from "./fields.ts";

/** Canonical field → source column, for one file. */
export type FieldMapping = ReadonlyMap<string, string>;

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * Decides which column of a file feeds each canonical field of `kind`: the user's `--map` first,
 * then the preset, then a column named like the field or one of its aliases (case, spaces and
 * punctuation ignored, so a padded header "Customerid " still feeds `customer_id`). A field given a
 * constant (`--set survey=exit`, see `constants`) takes no column and counts as present. Fails,
 * naming the file, when a mapped column is missing, a field is unknown or both mapped and set, or a
 * required field has neither a column nor a constant.
 *
 * @example
 * resolveMapping("transactions", ["CustomerID", "InvoiceDate", "Sales"], {}, "a.csv");
 * // Map { "customer_id" => "CustomerID", "occurred_at" => "InvoiceDate", "amount" => "Sales" }
 * resolveMapping("surveys", ["Customerid ", "Churnreason "], {}, "x.csv", { survey: "exit", occurred_at: "2024-01-01" });
 * // Map { "customer_id" => "Customerid ", "reason" => "Churnreason " }
 */
export function resolveMapping(
  kind: Kind,
  columns: readonly string[],
  explicit: Readonly<Record<string, string>>,
  file: string,
  constants: Readonly<Record<string, string>> = {},
): FieldMapping {
  const fields = kindFields[kind];
  const mapping = new Map<string, string>();
  for (const field of Object.keys(constants)) {
    if (!fields.some((x) => x.name === field)) {
      throw new Error(
        `${file}: unknown ${kind} field '${field}' in --set; fields are ${fields.map((x) => x.name).join(", ")}`,
      );
    }
    if (explicit[field] !== undefined) {
      throw new Error(`${file}: field '${field}' is both mapped to a column and set to a constant; keep one`);
    }
  }
  for (const [field, column] of Object.entries(explicit)) {
    if (!fields.some((x) => x.name === field)) {
      throw new Error(
        `${file}: unknown ${kind} field '${field}' in mapping; fields are ${fields.map((x) => x.name).join(", ")}`,
      );
    }
    const found =
      columns.find((c) => c === column) ??
      columns.find((c) => c.trim() === column.trim()) ??
      columns.find((c) => normalise(c) === normalise(column));
    if (found === undefined) {
      throw new Error(
        `${file}: column '${column}' (for field ${field}) not found; columns are ${columns.join(", ")}`,
      );
    }
    mapping.set(field, found);
  }
  const taken = new Set(mapping.values());
  for (const field of fields) {
    if (mapping.has(field.name) || constants[field.name] !== undefined) continue;
    const names = [field.name, ...field.aliases].map(normalise);
    const found = columns.find((c) => !taken.has(c) && names.includes(normalise(c)));
    if (found !== undefined) {
      mapping.set(field.name, found);
      taken.add(found);
    }
  }
  const amountDerivable = kind === "transactions" && mapping.has("quantity") && mapping.has("unit_price");
  for (const field of fields) {
    if (field.required && !mapping.has(field.name) && constants[field.name] === undefined) {
      throw new Error(
        `${file}: no column for required field '${field.name}'; use --map ${field.name}=COLUMN or --set ${field.name}=VALUE (columns are ${columns.join(", ")})`,
      );
    }
  }
  if (kind === "transactions" && !mapping.has("amount") && !amountDerivable) {
    throw new Error(
      `${file}: no column for 'amount' (or 'quantity' and 'unit_price'); use --map amount=COLUMN`,
    );
  }
  return mapping;
}
