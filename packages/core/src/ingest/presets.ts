import type { Kind } from "./fields.ts";

/** File formats the loader reads; each may be gzip-compressed (`.gz`). */
export const fileFormats = ["csv", "tsv", "whitespace", "parquet", "json", "jsonl"] as const;
export type FileFormat = (typeof fileFormats)[number];

/**
 * A named recipe for a well-known data set: its format, how its columns map to canonical fields,
 * and its quirks. Presets are data, so adding one needs no new code path.
 */
export interface Preset {
  readonly name: string;
  readonly kind: Kind;
  readonly format: FileFormat;
  /** strptime format of the date column, when it is not ISO. */
  readonly dateFormat?: string;
  /** Orders whose id starts with this prefix are returns: their amount is made negative. */
  readonly returnOrderPrefix?: string;
  /** field → column, chosen from the file's columns (some sets come with and without a header). */
  map(columns: readonly string[]): Record<string, string>;
}

/**
 * The bundled real data sets. `online-retail`: UCI Online Retail (amount = quantity × unit price,
 * `C…` invoices are returns). `cdnow`: the CDNOW master file (with header) or the 1/10 sample (five
 * unnamed columns, the second being the sample's own id), dates `YYYYMMDD`.
 *
 * @example
 * presets["online-retail"]?.map([]).order_id; // "InvoiceNo"
 */
export const presets: Readonly<Record<string, Preset>> = {
  "online-retail": {
    name: "online-retail",
    kind: "transactions",
    format: "csv",
    returnOrderPrefix: "C",
    map: () => ({
      order_id: "InvoiceNo",
      product: "StockCode",
      description: "Description",
      quantity: "Quantity",
      occurred_at: "InvoiceDate",
      unit_price: "UnitPrice",
      customer_id: "CustomerID",
      country: "Country",
    }),
  },
  cdnow: {
    name: "cdnow",
    kind: "transactions",
    format: "whitespace",
    dateFormat: "%Y%m%d",
    map: (columns) =>
      columns.includes("customer_id")
        ? {
            customer_id: "customer_id",
            occurred_at: "date",
            quantity: "number_of_cds",
            amount: "dollar_value",
          }
        : columns.length === 5
          ? { customer_id: "column1", occurred_at: "column3", quantity: "column4", amount: "column5" }
          : { customer_id: "column1", occurred_at: "column2", quantity: "column3", amount: "column4" },
  },
};

/** Looks up a preset by name, with an error listing the known ones. */
export function getPreset(name: string): Preset {
  const p = presets[name];
  if (!p) throw new Error(`unknown preset '${name}': expected one of ${Object.keys(presets).join(", ")}`);
  return p;
}
