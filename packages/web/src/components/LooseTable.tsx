import type { LooseRow } from "../api/types.ts";
import { usePrefs } from "../prefs/usePrefs.ts";
import { kindOf, rawOf, renderValue } from "../tables/cells.tsx";
import { fieldHeader } from "../tables/fields.ts";
import { type Column, DataTable, type ServerPaging } from "./DataTable.tsx";

export interface LooseTableProps {
  readonly rows: readonly LooseRow[];
  readonly csvName?: string;
  /** Column headers by key; the field dictionary's translated header otherwise. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Only these keys, in this order; all keys of the rows otherwise. */
  readonly keys?: readonly string[];
  /** Keys never shown (internal ids). */
  readonly hide?: readonly string[];
  readonly pageSize?: number;
  /** Server paging and the whole list for the CSV, for a list paged on the server. */
  readonly paging?: ServerPaging;
  readonly exportAll?: () => Promise<readonly LooseRow[]>;
  /** Rates shown with their 95% interval, "41% (38–45%)": the rate's key → its low and high keys. */
  readonly intervals?: Readonly<Record<string, readonly [string, string]>>;
}

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** Keys of the rows that hold a value somewhere (columns empty in every row are left out). */
function keysOf(rows: readonly LooseRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows)
    for (const [key, value] of Object.entries(row))
      if (value !== null && value !== undefined && value !== "") seen.add(key);
  return [...seen];
}

/**
 * A table over rows of a list route: each column typed by the field dictionary (translated header,
 * money, percentages, dates, chips for codes and flags), paged at most 100 rows at a time.
 */
export function LooseTable({
  rows,
  csvName,
  headers = {},
  keys,
  hide = [],
  pageSize,
  intervals = {},
  paging,
  exportAll,
}: LooseTableProps) {
  const bounds = new Set(Object.values(intervals).flat());
  const { format, language } = usePrefs();
  const columns: Column<LooseRow>[] = (keys ?? keysOf(rows))
    .filter((key) => !hide.includes(key) && !bounds.has(key))
    .map((key): Column<LooseRow> => {
      const interval = intervals[key];
      if (interval !== undefined)
        return {
          key,
          header: headers[key] ?? fieldHeader(key, language),
          value: (row) => rawOf(row[key]),
          render: (row) => format.interval(num(row[key]), num(row[interval[0]]), num(row[interval[1]])),
          kind: "percent",
        };
      const sample = rows.find((r) => r[key] !== null && r[key] !== undefined)?.[key];
      const kind = kindOf(key, sample);
      return {
        key,
        header: headers[key] ?? fieldHeader(key, language),
        value: (row) => rawOf(row[key]),
        render: (row) => renderValue(key, kind, row[key], format, language),
        ...(kind === "number" || kind === "percent" || kind === "money" ? { kind } : {}),
      };
    });
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row, index) => String(row.id ?? row.group ?? index) + index}
      {...(pageSize === undefined ? {} : { pageSize })}
      {...(paging === undefined ? {} : { paging })}
      {...(exportAll === undefined ? {} : { exportAll })}
      {...(csvName === undefined ? {} : { csvName })}
    />
  );
}
