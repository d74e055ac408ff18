import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadCsv, toCsv } from "../format/csv.ts";
import { usePrefs } from "../prefs/usePrefs.ts";

/** A sortable column: the raw value sorts and goes to CSV; `render` (or the formatter) shows it. */
export interface Column<R> {
  readonly key: string;
  readonly header: string;
  readonly value: (row: R) => string | number | boolean | null | undefined;
  readonly render?: (row: R) => ReactNode;
  /** How a number is shown when there is no `render`. */
  readonly kind?: "number" | "percent" | "money" | "date" | "label" | "text";
}

export interface DataTableProps<R> {
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R, index: number) => string;
  /** File name (without .csv) for the export button; no button when absent. */
  readonly csvName?: string;
  readonly initialSort?: { readonly key: string; readonly descending: boolean };
  readonly caption?: string;
  readonly footer?: R;
}

type Raw = string | number | boolean | null | undefined;

function compare(a: Raw, b: Raw): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** A table whose columns sort on click and which exports what it shows as CSV. */
export function DataTable<R>({
  columns,
  rows,
  rowKey,
  csvName,
  initialSort,
  caption,
  footer,
}: DataTableProps<R>) {
  const { t } = useTranslation();
  const { format } = usePrefs();
  const [sort, setSort] = useState<{ key: string; descending: boolean } | null>(initialSort ?? null);

  const sorted = useMemo(() => {
    const column = sort === null ? undefined : columns.find((c) => c.key === sort.key);
    if (column === undefined || sort === null) return rows;
    const copy = [...rows];
    copy.sort((x, y) => {
      const order = compare(column.value(x), column.value(y));
      // Missing values stay last in both directions.
      const missing = column.value(x) === null || column.value(y) === null;
      return sort.descending && !missing ? -order : order;
    });
    return copy;
  }, [rows, columns, sort]);

  const show = (column: Column<R>, row: R): ReactNode => {
    if (column.render !== undefined) return column.render(row);
    const raw = column.value(row);
    if (typeof raw === "number") {
      if (column.kind === "percent") return format.percent(raw);
      if (column.kind === "money") return format.money(raw);
      return format.number(raw);
    }
    if (typeof raw === "string") {
      if (column.kind === "date") return format.date(raw);
      if (column.kind === "text") return raw;
      if (column.kind === "label") return format.label(raw);
    }
    return format.value(raw);
  };

  const numeric = (column: Column<R>): boolean =>
    column.kind === "number" || column.kind === "percent" || column.kind === "money";

  return (
    <div className="table-wrap">
      {csvName === undefined ? null : (
        <div className="table-tools">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              downloadCsv(
                `${csvName}.csv`,
                toCsv(
                  columns.map((c) => ({ header: c.header, value: c.value })),
                  sorted,
                ),
              )
            }
          >
            {t("common.exportCsv")}
          </button>
        </div>
      )}
      <div className="table-scroll">
        <table>
          {caption === undefined ? null : <caption>{caption}</caption>}
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                const ariaSort = active ? (sort?.descending ? "descending" : "ascending") : "none";
                return (
                  <th key={c.key} aria-sort={ariaSort} className={numeric(c) ? "num" : undefined}>
                    <button
                      type="button"
                      className="sort"
                      title={t("common.sortBy", { column: c.header })}
                      onClick={() =>
                        setSort(
                          active && sort !== null
                            ? { key: c.key, descending: !sort.descending }
                            : { key: c.key, descending: numeric(c) },
                        )
                      }
                    >
                      {c.header}
                      <span className="sort-mark">{active ? (sort?.descending ? "▼" : "▲") : ""}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row, index) => (
              <tr key={rowKey(row, index)}>
                {columns.map((c) => (
                  <td key={c.key} className={numeric(c) ? "num" : undefined}>
                    {show(c, row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {footer === undefined ? null : (
            <tfoot>
              <tr>
                {columns.map((c) => (
                  <td key={c.key} className={numeric(c) ? "num" : undefined}>
                    {show(c, footer)}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}
