/**
 * The type a customers file's extra column is kept as: `text`, `number` (Persian and Arabic-Indic
 * digits and separators read), `yes/no` (in English, Persian or Arabic: see `YES_WORDS`), `date`
 * (ISO, `YYYYMMDD` or `--date-format`); `empty` when no row has a value (nothing is stored).
 */
export type AttributeType = "text" | "number" | "yes/no" | "date" | "empty";

/** One column of a customers file kept as a customer attribute. */
export interface IngestedAttribute {
  /** The column's name (trimmed): the attribute's name. */
  readonly name: string;
  readonly type: AttributeType;
  /** Customers with a value (empty cells are no value). */
  readonly values: number;
}
